"""The roles as people met them: the paths a translator used to change English pages, the
rule's place in Wagtail's permission layer, and the languages a group is granted."""

import pytest
from django.urls import reverse
from wagtail.models import (
    GroupPagePermission,
    Locale,
    Page,
    PageViewRestriction,
    get_page_models,
)

from home.models import HomePage
from pages.permissions import RolePagePermissionTester
from tests.partners.factories import PartnerPageFactory
from tests.publishing import localize

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_partners(dresden, partner_index):
    lviv = PartnerPageFactory(parent=partner_index, title="City of Lviv", slug="lviv")
    lviv.save_revision().publish()
    return [dresden, lviv]


def bulk_url(action, page):
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action))
    return f"{url}?id={page.pk}"


def test_every_page_type_asks_the_role_rules(django_user_model):
    user = django_user_model.objects.create_user(username="someone")
    for model in get_page_models():
        if model is Page:
            continue  # Wagtail's root: nobody but administrators holds permissions on it
        assert isinstance(model().permissions_for_user(user), RolePagePermissionTester), model


@pytest.mark.parametrize("action", ["delete", "unpublish", "publish", "move"])
def test_translator_bulk_actions_leave_english_pages_alone(
    translator_client, bilingual_site, english_partners, action
):
    dresden, lviv = english_partners
    lviv.title = "City of Lviv, changed by another editor"
    lviv.save_revision()  # waiting for moderation
    before = list(Page.objects.values_list("pk", "live", "live_revision_id", "path"))
    for page in english_partners:
        translator_client.post(bulk_url(action, page), {"include_descendants": "on"})
    after = list(Page.objects.values_list("pk", "live", "live_revision_id", "path"))
    assert after == before


def test_translator_cannot_make_an_english_page_private(translator_client, dresden):
    url = reverse("wagtailadmin_pages:set_privacy", args=(dresden.pk,))
    translator_client.post(url, {"restriction_type": "login"})
    assert not PageViewRestriction.objects.exists()


def test_translator_cannot_reorder_english_partners(translator_client, english_partners):
    dresden, lviv = english_partners
    url = reverse("wagtailadmin_pages:set_page_position", args=(lviv.pk,))
    translator_client.post(f"{url}?position=0")
    assert [p.pk for p in dresden.get_parent().get_children()] == [dresden.pk, lviv.pk]


def test_translator_cannot_turn_a_translation_into_the_english_text(
    translator_client, bilingual_site, dresden, ukrainian
):
    dresden_uk = localize(dresden, ukrainian)
    url = reverse("wagtail_localize:convert_to_alias", args=(dresden_uk.pk,))
    response = translator_client.post(url)
    assert response.status_code == 302
    assert Page.objects.get(pk=dresden_uk.pk).alias_of_id is None


def test_an_editor_who_may_publish_english_may_still_convert_to_alias(
    admin_client, bilingual_site, dresden, ukrainian
):
    dresden_uk = localize(dresden, ukrainian)
    admin_client.post(reverse("wagtail_localize:convert_to_alias", args=(dresden_uk.pk,)))
    assert Page.objects.get(pk=dresden_uk.pk).alias_of_id == dresden.pk


def test_the_refusal_is_in_the_translators_admin_language(client, ukrainian_translator, dresden):
    client.force_login(ukrainian_translator)
    url = reverse("wagtailadmin_pages:set_privacy", args=(dresden.pk,))
    response = client.get(url, follow=True)
    assert response.redirect_chain == [(reverse("wagtailadmin_home"), 302)]
    assert "Вибачте, ви не маєте дозволів для доступу у цей розділ." in response.text


def test_translators_hold_page_permissions_on_translated_languages_only(bilingual_site):
    home_uk, _index_uk = bilingual_site
    grants = GroupPagePermission.objects.filter(group__name="Translators")
    assert {grant.page_id for grant in grants} == {home_uk.pk}
    assert {grant.permission.codename for grant in grants} == {"change_page", "publish_page"}


def test_a_new_language_opens_to_translators_with_its_home_page(home_page):
    german = Locale.objects.create(language_code="de")
    home_de = home_page.copy_for_translation(german)
    grants = GroupPagePermission.objects.filter(group__name="Translators", page=home_de)
    assert grants.count() == 2


def test_nobody_publishes_an_incomplete_translation_in_bulk(
    client, moderator, bilingual_site, dresden, ukrainian
):
    client.force_login(moderator)
    dresden_uk = localize(dresden, ukrainian, publish=False)  # no segment translated yet
    client.post(bulk_url("publish", dresden_uk), {"include_descendants": "on"})
    assert not Page.objects.get(pk=dresden_uk.pk).live


def test_translator_may_still_translate_an_english_page(
    translator_client, bilingual_site, dresden, ukrainian
):
    url = reverse("wagtail_localize:submit_page_translation", args=(dresden.pk,))
    translator_client.post(url, {"locales": [ukrainian.pk]})
    assert HomePage.objects.count() == 2
    assert dresden.get_translation_or_none(ukrainian) is not None
