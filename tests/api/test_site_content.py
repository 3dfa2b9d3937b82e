"""/api/v2/site/: the frame around every page in one call."""

import pytest

pytestmark = pytest.mark.django_db


def test_site_content_in_one_call(client, site_content, partner_index):
    body = client.get("/api/v2/site/?locale=en").json()
    assert body["locale"] == "en"
    assert {"code": "uk", "name": "Українська"} in body["available_locales"]
    assert body["project_name"] == "U_CAN"
    assert body["tagline"] == "Ukraine Towards Carbon Neutrality"
    assert body["navigation"] == [
        {"id": partner_index.pk, "title": "Partners", "path": "/en/partners/"}
    ]
    assert body["coordinator"] == {
        "organisation": "Technische Universität Dresden",
        "unit": "WISSENSARCHITEKTUR – Laboratory of Knowledge Architecture",
        "address": "01062 Dresden\nGermany",
        "email": "u-can@example.org",
    }
    assert body["social_links"] == [{"platform": "facebook", "url": "https://facebook.com/u"}]
    assert body["newsletter"]["title"] == "Subscribe to our newsletter"
    image = body["funding_notice"]["image"]
    assert image["alt"] == 'Banner of EU Missions "Climate-neutral smart cities"'
    assert image["renditions"]["large"]["url"].endswith(".webp")


def test_navigation_leaves_out_pages_that_are_not_live(client, site_content, partner_index):
    partner_index.unpublish()
    assert client.get("/api/v2/site/").json()["navigation"] == []


def test_navigation_is_localised_for_ukrainian(
    client, site_content, partner_index, ukrainian, ukrainian_copies
):
    _home_uk, index_uk = ukrainian_copies
    site_uk = site_content.copy_for_translation(ukrainian)
    site_uk.tagline = "Україна на шляху до вуглецевої нейтральності"
    site_uk.save()
    body = client.get("/api/v2/site/?locale=uk").json()
    assert body["locale"] == "uk"
    assert body["tagline"] == "Україна на шляху до вуглецевої нейтральності"
    assert body["navigation"] == [{"id": index_uk.pk, "title": "Партнери", "path": "/uk/partners/"}]


def test_missing_site_content_is_a_json_404(client, site_content):
    response = client.get("/api/v2/site/?locale=uk")
    assert response.status_code == 404
    assert "uk" in response.json()["message"]
