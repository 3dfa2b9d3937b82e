"""What the API says about translations: only live Ukrainian content, alternates, up-to-date
flags and an explicit fallback."""

import pytest

from tests.home.factories import SiteContentFactory
from tests.partners.factories import PartnerPageFactory
from tests.publishing import localize

pytestmark = pytest.mark.django_db


@pytest.fixture
def aarhus(partner_index):
    page = PartnerPageFactory(parent=partner_index, title="Aarhus University", slug="aarhus")
    page.save_revision().publish()
    return page


def titles(client, query):
    return sorted(item["title"] for item in client.get(f"/api/v2/pages/?{query}").json()["items"])


def test_locale_uk_returns_only_live_ukrainian_pages(
    client, bilingual_site, dresden, aarhus, ukrainian
):
    localize(dresden, ukrainian)
    localize(aarhus, ukrainian, publish=False)  # a draft never leaves the API
    listing = client.get("/api/v2/pages/?type=partners.PartnerPage&locale=uk").json()
    assert [item["meta"]["locale"] for item in listing["items"]] == ["uk"]
    assert listing["meta"]["total_count"] == 1


def test_fallback_fills_missing_translations_with_the_source_marked_as_such(
    client, bilingual_site, dresden, aarhus, ukrainian
):
    dresden_uk = localize(dresden, ukrainian)
    items = client.get("/api/v2/pages/?type=partners.PartnerPage&locale=uk&fallback=true").json()[
        "items"
    ]
    by_id = {item["id"]: item["meta"]["locale"] for item in items}
    assert by_id == {dresden_uk.pk: "uk", aarhus.pk: "en"}


def test_find_without_fallback_is_404_and_with_fallback_the_english_page(
    client, bilingual_site, aarhus
):
    missing = client.get("/api/v2/pages/find/?html_path=/uk/partners/aarhus/")
    assert missing.status_code == 404
    found = client.get("/api/v2/pages/find/?html_path=/uk/partners/aarhus/&fallback=true")
    assert found.status_code == 302
    assert f"/api/v2/pages/{aarhus.pk}/" in found["Location"]


def test_site_content_fallback(client, bilingual_site):
    SiteContentFactory()
    assert client.get("/api/v2/site/?locale=uk").status_code == 404
    body = client.get("/api/v2/site/?locale=uk&fallback=true").json()
    assert body["locale"] == "en"


def test_translation_out_of_date_after_the_source_changes(
    client, bilingual_site, dresden, ukrainian
):
    dresden_uk = localize(dresden, ukrainian)
    assert client.get(f"/api/v2/pages/{dresden_uk.pk}/").json()["meta"]["up_to_date"] is True
    dresden.title = "City of Dresden (LHD)"
    dresden.save_revision().publish()
    meta = client.get(f"/api/v2/pages/{dresden_uk.pk}/").json()["meta"]
    assert meta["up_to_date"] is False
    english_meta = client.get(f"/api/v2/pages/{dresden.pk}/").json()["meta"]
    assert english_meta["up_to_date"] is True
    assert english_meta["translations"][0]["up_to_date"] is False


def test_bad_fallback_value_is_a_400(client, bilingual_site):
    response = client.get("/api/v2/pages/?locale=uk&fallback=maybe")
    assert response.status_code == 400
    assert response.json()["parameter"] == "fallback"


def test_find_falls_back_even_without_a_ukrainian_tree(client, partner_index, aarhus):
    partner_index.save_revision().publish()
    assert client.get("/api/v2/pages/find/?html_path=/uk/partners/aarhus/").status_code == 404
    found = client.get("/api/v2/pages/find/?html_path=/uk/partners/aarhus/&fallback=true")
    assert found.status_code == 302
    assert f"/api/v2/pages/{aarhus.pk}/" in found["Location"]
