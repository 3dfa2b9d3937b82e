"""A translator learns in the translation editor that the source changed, syncs from there and
comes back to the editor; no link sends them to the English editor they are refused."""

import re
from html import unescape

import pytest
from django.urls import reverse
from wagtail_localize.models import TranslationSource

from tests.publishing import localize
from tests.translations.steps import fill_in

pytestmark = pytest.mark.django_db

OVERVIEW = reverse("translations_overview")


@pytest.fixture
def translated_dresden(bilingual_site, dresden, ukrainian):
    ukrainian_page = localize(dresden, ukrainian)
    fill_in(dresden, ukrainian)
    return dresden, ukrainian_page


def change_english(english):
    english.city = "Dresden (Saxony)"
    english.save_revision().publish()


def editor_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def sync_link(html):
    match = re.search(r'href="([^"]+)" data-sync-with-source', html)
    return unescape(match.group(1)) if match else None


def test_the_editor_is_quiet_while_the_translation_is_in_step(
    translator_client, translated_dresden
):
    _english, ukrainian_page = translated_dresden
    html = translator_client.get(editor_url(ukrainian_page)).content.decode()
    assert "data-source-change" not in html


def test_the_editor_says_the_source_changed_and_syncs_back_into_itself(
    translator_client, translated_dresden, django_capture_on_commit_callbacks
):
    english, ukrainian_page = translated_dresden
    change_english(english)

    editor = translator_client.get(editor_url(ukrainian_page))
    assert editor.status_code == 200
    html = editor.content.decode()
    assert "data-source-change" in html
    assert "Out of date" in html
    link = sync_link(html)
    source = TranslationSource.objects.get_for_instance(english)
    assert link.startswith(reverse("wagtail_localize:update_translations", args=(source.pk,)))

    # The sync page opens for a translator, and its "Go back" leads to the editor too.
    confirm = translator_client.get(link)
    assert confirm.status_code == 200
    assert f'name="next" value="{editor_url(ukrainian_page)}"' in confirm.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        synced = translator_client.post(link, {"next": editor_url(ukrainian_page)})
    assert synced.status_code == 302
    assert synced["Location"] == editor_url(ukrainian_page)

    after = translator_client.get(synced["Location"]).content.decode()
    assert "data-source-change" not in after
    assert "Dresden (Saxony)" in after  # the changed segment is there to translate


def test_a_sync_without_a_return_address_ends_in_the_overview(
    translator_client, translated_dresden, django_capture_on_commit_callbacks
):
    english, _ukrainian_page = translated_dresden
    change_english(english)
    source = TranslationSource.objects.get_for_instance(english)
    url = reverse("wagtail_localize:update_translations", args=(source.pk,))
    with django_capture_on_commit_callbacks(execute=True):
        response = translator_client.post(url)
    assert response["Location"] == OVERVIEW
    assert translator_client.get(OVERVIEW).status_code == 200


def test_the_overview_sync_returns_to_the_overview(translator_client, translated_dresden):
    english, _ukrainian_page = translated_dresden
    change_english(english)
    html = translator_client.get(OVERVIEW, {"state": "out_of_date"}).content.decode()
    links = [unescape(href) for href in re.findall(r'href="([^"]*/localize/update/[^"]*)"', html)]
    assert links and all(link.endswith(f"?next={OVERVIEW.replace('/', '%2F')}") for link in links)


def test_no_link_a_translator_meets_leads_to_the_english_editor(
    translator_client, translated_dresden
):
    english, ukrainian_page = translated_dresden
    change_english(english)
    english_editor = editor_url(english)
    for url in (editor_url(ukrainian_page), OVERVIEW):
        html = translator_client.get(url).content.decode()
        assert f'href="{english_editor}"' not in html, url
    # And the English editor itself is indeed refused to them.
    assert translator_client.get(english_editor).status_code in (302, 403)


def test_editors_of_the_source_keep_their_link_to_it(admin_client, translated_dresden):
    english, ukrainian_page = translated_dresden
    html = admin_client.get(editor_url(ukrainian_page)).content.decode()
    assert f'href="{editor_url(english)}"' in html
