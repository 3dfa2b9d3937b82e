"""Steps of translating with wagtail-localize as a translator would, for tests to import: filling
in segments (``fill_in``), submitting a page for translation (``submit_translation``), and a live
Dresden page to translate (``published_dresden``). Plain functions, not fixtures; the bilingual
site and the translator fixtures are tests/conftest.py's."""

from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from partners.models import TeamMember
from tests.partners.factories import PartnerPageFactory


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
