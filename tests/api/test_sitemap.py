"""Every live public page in one call, and sitemap.xml with hreflang alternates."""

import xml.etree.ElementTree as ET

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from tests.api.test_contract import assert_matches
from tests.partners.factories import PartnerPageFactory
from tests.publishing import publish, translate

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
# Site (Wagtail's root paths), the public-page conditions (restrictions, site roots), the
# pages and their translations: the same for any number of pages.
SITEMAP_QUERIES = 7


def by_path(body):
    return {item["html_path"]: item for item in body["items"]}


def test_lists_every_live_public_page_with_its_translations(client, dresden, dresden_uk):
    items = by_path(client.get("/api/v2/sitemap/").json())
    assert set(items) == {
        "/en/",
        "/en/partners/",
        "/en/partners/city-of-dresden/",
        "/uk/",
        "/uk/partners/",
        "/uk/partners/city-of-dresden/",
    }
    entry = items["/en/partners/city-of-dresden/"]
    assert entry["id"] == dresden.pk
    assert entry["type"] == "partners.PartnerPage"
    assert entry["locale"] == "en"
    assert entry["last_published_at"]
    assert entry["translations"] == [{"locale": "uk", "html_path": "/uk/partners/city-of-dresden/"}]


def test_locale_selects_one_language(client, dresden, dresden_uk):
    items = by_path(client.get("/api/v2/sitemap/?locale=uk").json())
    assert set(items) == {"/uk/", "/uk/partners/", "/uk/partners/city-of-dresden/"}
    assert items["/uk/partners/city-of-dresden/"]["translations"] == [
        {"locale": "en", "html_path": "/en/partners/city-of-dresden/"}
    ]


def test_drafts_and_restricted_pages_are_left_out(client, dresden, khmelnytskyi, partner_index):
    draft = PartnerPageFactory.build(title="Draft", slug="draft", live=False)
    partner_index.add_child(instance=draft)
    PageViewRestriction.objects.create(page=khmelnytskyi, restriction_type="login")
    paths = set(by_path(client.get("/api/v2/sitemap/").json()))
    assert "/en/partners/city-of-dresden/" in paths
    assert "/en/partners/draft/" not in paths
    assert "/en/partners/khmelnytskyi-national-university/" not in paths


@pytest.mark.parametrize("locale", ["xx", ""])
def test_bad_input_is_a_400_naming_it(client, locale):
    response = client.get(f"/api/v2/sitemap/?locale={locale}")
    assert response.status_code == 400
    assert response.json()["parameter"] == "locale"


def add_partners(partner_index, ukrainian, count):
    for number in range(count):
        partner = PartnerPageFactory.build(title=f"Partner {number}", slug=f"partner-{number}")
        partner_index.add_child(instance=partner)
        translate(publish(partner), ukrainian)


@pytest.mark.parametrize("partners", [2, 12])
def test_costs_the_same_queries_for_few_and_many_pages(
    client, partner_index, ukrainian, ukrainian_copies, partners, django_assert_max_num_queries
):
    add_partners(partner_index, ukrainian, partners)
    client.get("/api/v2/sitemap/")  # warm Wagtail's site and content-type caches
    cache.clear()
    with django_assert_max_num_queries(SITEMAP_QUERIES):
        body = client.get("/api/v2/sitemap/").json()
    assert body["meta"]["total_count"] == 2 * (partners + 2)
    assert all(len(item["translations"]) == 1 for item in body["items"])


def test_sitemap_xml_names_frontend_addresses_and_alternates(client, settings, dresden, dresden_uk):
    settings.FRONTEND_URL = "https://www.ucan.example"
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)  # noqa: S314 (our own response)
    urls = {url.find(f"{SITEMAP}loc").text: url for url in root}
    dresden_url = urls["https://www.ucan.example/en/partners/city-of-dresden/"]
    assert dresden_url.find(f"{SITEMAP}lastmod").text
    alternates = {
        link.get("hreflang"): link.get("href") for link in dresden_url.iter(f"{XHTML}link")
    }
    assert alternates == {
        "en": "https://www.ucan.example/en/partners/city-of-dresden/",
        "uk": "https://www.ucan.example/uk/partners/city-of-dresden/",
    }


def test_sitemap_xml_without_a_frontend_says_what_is_missing(client, dresden):
    response = client.get("/sitemap.xml")
    assert response.status_code == 404
    assert "FRONTEND_URL" in response.content.decode()


def test_the_answer_matches_the_document(client, dresden, dresden_uk):
    document = client.get("/api/v2/openapi.json").json()
    assert "/api/v2/sitemap/" in document["paths"]
    assert_matches(document, "Sitemap", client.get("/api/v2/sitemap/").json())
