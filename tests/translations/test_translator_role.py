"""The Translators group, action by action: translations yes; source pages, deletes and
settings no."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page

from home.models import SiteContent
from partners.models import PartnerPage
from tests.home.factories import SiteContentFactory
from tests.partners.admin_forms import partner_form_data
from tests.publishing import localize
from tests.translations.steps import fill_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def dresden_uk_draft(bilingual_site, dresden, ukrainian):
    """Dresden's Ukrainian translation, started through wagtail-localize and not yet published
    (tests/api/conftest.py's ``dresden_uk`` is a live copy with a Ukrainian title)."""
    return localize(dresden, ukrainian, publish=False)


def edit(client, page, **fields):
    url = reverse("wagtailadmin_pages:edit", args=(page.pk,))
    return client.post(url, partner_form_data(slug=page.slug, **fields))


def test_translator_can_submit_a_page_for_translation(
    translator_client, bilingual_site, dresden, ukrainian
):
    url = reverse("wagtail_localize:submit_page_translation", args=(dresden.pk,))
    assert translator_client.get(url).status_code == 200
    response = translator_client.post(url, {"locales": [ukrainian.pk]})
    assert response.status_code == 302
    translation = dresden.get_translation(ukrainian)
    assert not translation.live  # a new translation starts as a draft


def test_translator_can_open_and_publish_the_ukrainian_page(
    translator_client, dresden_uk_draft, django_capture_on_commit_callbacks
):
    url = reverse("wagtailadmin_pages:edit", args=(dresden_uk_draft.pk,))
    assert translator_client.get(url).status_code == 200  # the translation editor
    fill_in(dresden_uk_draft.get_translation(Locale.get_default()), dresden_uk_draft.locale)
    with django_capture_on_commit_callbacks(execute=True):
        response = translator_client.post(url, {"action": "publish"})
    assert response.status_code == 302
    assert PartnerPage.objects.get(pk=dresden_uk_draft.pk).live


def test_translator_cannot_open_or_change_an_english_page(translator_client, dresden):
    url = reverse("wagtailadmin_pages:edit", args=(dresden.pk,))
    assert translator_client.get(url)["Location"] == reverse("wagtailadmin_home")
    edit(translator_client, dresden, title="Changed by a translator", **{"action-publish": "1"})
    assert PartnerPage.objects.get(pk=dresden.pk).title == dresden.title
    assert not PartnerPage.objects.get(pk=dresden.pk).has_unpublished_changes


def test_translator_cannot_create_english_pages(translator_client, partner_index):
    url = reverse("wagtailadmin_pages:add", args=("partners", "partnerpage", partner_index.pk))
    assert translator_client.get(url)["Location"] == reverse("wagtailadmin_home")
    translator_client.post(url, partner_form_data(**{"action-publish": "1"}))
    assert not PartnerPage.objects.filter(slug="city-of-dresden").exists()


@pytest.mark.parametrize("language", ["en", "uk"])
def test_translator_cannot_delete_pages(translator_client, dresden, dresden_uk_draft, language):
    page = dresden if language == "en" else dresden_uk_draft
    url = reverse("wagtailadmin_pages:delete", args=(page.pk,))
    translator_client.post(url)
    assert Page.objects.filter(pk=page.pk).exists()


def test_translator_cannot_unpublish_english_pages(translator_client, dresden):
    translator_client.post(reverse("wagtailadmin_pages:unpublish", args=(dresden.pk,)))
    assert PartnerPage.objects.get(pk=dresden.pk).live


def test_translator_cannot_move_pages(translator_client, dresden, bilingual_site):
    _home_uk, index_uk = bilingual_site
    url = reverse("wagtailadmin_pages:move_confirm", args=(dresden.pk, index_uk.pk))
    translator_client.post(url)
    assert PartnerPage.objects.get(pk=dresden.pk).get_parent().locale.language_code == "en"


@pytest.mark.parametrize(
    "url_name", ["wagtailsites:index", "wagtailusers_users:index", "wagtailusers_groups:index"]
)
def test_translator_cannot_change_settings(translator_client, url_name):
    response = translator_client.get(reverse(url_name))
    assert response.status_code in (302, 403)


def test_translator_edits_ukrainian_site_content_but_not_english(
    translator_client, ukrainian, bilingual_site
):
    english = SiteContentFactory()
    ukrainian_content = localize(english, ukrainian)
    assert translator_client.get(
        reverse("wagtailsnippets_home_sitecontent:edit", args=(english.pk,))
    )["Location"] == reverse("wagtailadmin_home")
    assert (
        translator_client.get(
            reverse("wagtailsnippets_home_sitecontent:edit", args=(ukrainian_content.pk,))
        ).status_code
        == 200
    )
    translator_client.post(
        reverse("wagtailsnippets_home_sitecontent:delete", args=(ukrainian_content.pk,))
    )
    assert SiteContent.objects.filter(pk=ukrainian_content.pk).exists()


def test_editors_keep_their_rights(admin_client, dresden):
    url = reverse("wagtailadmin_pages:edit", args=(dresden.pk,))
    assert admin_client.get(url).status_code == 200
