"""When the English changes, translations follow without losing unchanged work."""

import pytest
from django.test import TestCase
from wagtail_localize.models import Translation, TranslationSource

from partners.models import PartnerPage, TeamMember
from tests.publishing import localize
from tests.translations.steps import fill_in
from translations.status import TranslationState, state_of, synchronised_at

pytestmark = pytest.mark.django_db


def sync_and_publish(source_instance, locale):
    """'Sync with source', then publish the translation, as in the admin."""
    source = TranslationSource.objects.get_for_instance(source_instance)
    source.update_from_db()
    translation = Translation.objects.get(source=source, target_locale=locale)
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    return PartnerPage.objects.get(pk=source_instance.get_translation(locale).pk)


def republish(page):
    page.save_revision().publish()
    return PartnerPage.objects.get(pk=page.pk)


@pytest.fixture
def translated(bilingual_site, partner_index, ukrainian):
    english = PartnerPage(
        title="City of Dresden",
        slug="city-of-dresden",
        country="DE",
        city="Dresden",
        organisation_type="city",
        brief_description="<p>Dresden is a city of knowledge.</p>",
        role_in_project="<p>Dresden is a facilitator city.</p>",
    )
    english.team_members.add(TeamMember(name="Regine Kramer", position="Facilitator"))
    english.team_members.add(TeamMember(name="Max Weber", position="Climate officer"))
    partner_index.add_child(instance=english)
    english = republish(english)
    localize(english, ukrainian, publish=False)
    fill_in(english, ukrainian)
    ukrainian_page = sync_and_publish(english, ukrainian)
    assert ukrainian_page.title == "UK City of Dresden"
    return english, ukrainian_page


def test_editing_a_field_keeps_the_other_translated_segments(translated, ukrainian):
    english, _ = translated
    english.role_in_project = "<p>Dresden links EU Mission Cities with Ukraine.</p>"
    english = republish(english)
    ukrainian_page = sync_and_publish(english, ukrainian)
    assert ukrainian_page.brief_description == "<p>UK Dresden is a city of knowledge.</p>"
    assert [m.position for m in ukrainian_page.team_members.all()] == [
        "UK Facilitator",
        "UK Climate officer",
    ]
    # The changed segment has no translation yet: it shows as such until a translator fills it.
    source = TranslationSource.objects.get_for_instance(english)
    translation = Translation.objects.get(source=source, target_locale=ukrainian)
    total, done = translation.get_progress()
    assert done == total - 1


def test_a_source_change_makes_the_translation_out_of_date_until_synced(translated, ukrainian):
    english, ukrainian_page = translated
    english.city = "Dresden (Saxony)"
    english = republish(english)
    synced = synchronised_at([english.translation_key]).get(english.translation_key)
    assert state_of(ukrainian_page, english, synced) == TranslationState.OUT_OF_DATE
    TranslationSource.objects.get_for_instance(english).update_from_db()  # "Sync with source"
    fill_in(english, ukrainian)  # the translator translates the changed segment
    ukrainian_page = sync_and_publish(english, ukrainian)
    synced = synchronised_at([english.translation_key]).get(english.translation_key)
    assert state_of(ukrainian_page, english, synced) == TranslationState.UP_TO_DATE
    assert ukrainian_page.city == "UK Dresden (Saxony)"


def test_reordering_team_members_keeps_their_translations(translated, ukrainian):
    english, _ = translated
    # Added without positions (sort_order None), so looked up by name: PostgreSQL returns
    # rows that tie on the ordering in no fixed order.
    regine = english.team_members.get(name="Regine Kramer")
    max_weber = english.team_members.get(name="Max Weber")
    regine.sort_order, max_weber.sort_order = 1, 0
    regine.save()
    max_weber.save()
    english = republish(PartnerPage.objects.get(pk=english.pk))
    ukrainian_page = sync_and_publish(english, ukrainian)
    assert [m.name for m in ukrainian_page.team_members.all()] == [
        "UK Max Weber",
        "UK Regine Kramer",
    ]


def test_deleting_a_team_member_removes_it_from_the_translation(translated, ukrainian):
    english, _ = translated
    english.team_members.remove(english.team_members.get(name="Max Weber"))
    english = republish(english)
    ukrainian_page = sync_and_publish(english, ukrainian)
    assert [m.name for m in ukrainian_page.team_members.all()] == ["UK Regine Kramer"]


def test_clearing_a_field_clears_it_in_the_translation(translated, ukrainian):
    english, _ = translated
    english.city = ""
    english = republish(english)
    ukrainian_page = sync_and_publish(english, ukrainian)
    assert ukrainian_page.city == ""


def test_retranslating_after_deletion_brings_no_old_text_back(translated, ukrainian):
    english, _ = translated
    english.team_members.remove(english.team_members.get(name="Max Weber"))
    english.role_in_project = "<p>Dresden links EU Mission Cities with Ukraine.</p>"
    english = republish(english)
    sync_and_publish(english, ukrainian)
    # The translation is deleted and started again from the current English.
    english.get_translation(ukrainian).delete()
    Translation.objects.filter(target_locale=ukrainian).delete()
    fresh = localize(PartnerPage.objects.get(pk=english.pk), ukrainian)
    texts = [m.name for m in fresh.team_members.all()] + [fresh.role_in_project]
    assert not any("Max Weber" in text for text in texts)
    assert "Dresden is a facilitator city" not in fresh.role_in_project


def test_sync_in_the_admin_never_publishes_untranslated_changes(
    admin_client, translated, ukrainian, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    english, ukrainian_page = translated
    english.city = "Dresden (Saxony)"
    english = republish(english)
    source = TranslationSource.objects.get_for_instance(english)
    url = reverse("wagtail_localize:update_translations", args=(source.pk,))
    page = admin_client.get(url).content.decode()
    assert "publish_translations" not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(url, {"publish_translations": "on"})
    assert response.status_code == 302
    live = PartnerPage.objects.get(pk=ukrainian_page.pk)
    assert live.city == "UK Dresden"  # the English change did not go live as Ukrainian
