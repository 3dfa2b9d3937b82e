"""A small bilingual site, translated with wagtail-localize as a translator would."""

import pytest
from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from partners.models import TeamMember
from tests.partners.factories import PartnerPageFactory


def localize(instance, locale, publish=True):
    """Translate ``instance`` into ``locale`` through wagtail-localize; return the copy."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    # wagtail-localize publishes on commit; the test transaction never commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=publish)
    return instance.get_translation(locale)


def fill_in(source_instance, locale):
    """A translator translates every segment as "UK <english>"."""
    source = TranslationSource.objects.get_for_instance(source_instance)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": f"UK {segment.string.data}", "translation_type": "manual"},
        )


def submit_translation(client, page, locale):
    """Start the translation of ``page`` into ``locale`` as the admin's "Translate" form does."""
    url = reverse("wagtail_localize:submit_page_translation", args=(page.pk,))
    assert client.post(url, {"locales": [locale.pk]}).status_code == 302
    return Translation.objects.get(source__object_id=page.translation_key, target_locale=locale)


def published_dresden(partner_index, brief_description, with_team=True):
    """The City of Dresden's partner page, live, with ``brief_description`` to translate."""
    partner = PartnerPageFactory.build(
        title="City of Dresden", slug="city-of-dresden", brief_description=brief_description
    )
    if with_team:
        partner.team_members.add(
            TeamMember(name="Regine Kramer", position="City Mission facilitator")
        )
    partner_index.add_child(instance=partner)
    partner.save_revision().publish()
    return partner


@pytest.fixture
def bilingual_tree(home_page, partner_index, ukrainian):
    home_page.save_revision().publish()
    partner_index.save_revision().publish()
    home_uk = localize(home_page, ukrainian)
    index_uk = localize(partner_index, ukrainian)
    return home_uk, index_uk


@pytest.fixture
def translator(django_user_model):
    user = django_user_model.objects.create_user(username="translator", password="password")
    user.groups.add(Group.objects.get(name="Translators"))
    return user


@pytest.fixture
def translator_client(client, translator):
    client.force_login(translator)
    return client
