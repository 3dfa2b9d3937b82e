"""The CMS host itself: a landing page, documentation, redirects to the frontend, CORS."""

import pytest

from tests.partners.factories import PartnerPageFactory

pytestmark = pytest.mark.django_db


def test_root_is_a_landing_page_linking_to_admin_api_and_docs(client):
    html = client.get("/").content.decode()
    for link in ('href="/admin/"', 'href="/api/v2/pages/"', 'href="/docs/"'):
        assert link in html


def test_documentation_is_served_from_the_readme(client):
    response = client.get("/docs/")
    assert response.status_code == 200
    assert "make run" in response.content.decode()


def test_page_url_redirects_to_the_frontend_when_configured(client, settings, partner_index):
    partner = PartnerPageFactory(parent=partner_index, slug="city-of-dresden")
    partner.save_revision().publish()
    settings.FRONTEND_URL = "https://www.ucan.example"
    response = client.get("/en/partners/city-of-dresden/")
    assert response.status_code == 302
    assert response["Location"] == "https://www.ucan.example/en/partners/city-of-dresden/"


def test_page_url_without_a_frontend_points_to_the_api(client, partner_index):
    partner = PartnerPageFactory(parent=partner_index, slug="city-of-dresden")
    partner.save_revision().publish()
    response = client.get("/en/partners/city-of-dresden/")
    assert response.status_code == 200
    assert f'href="/api/v2/pages/{partner.pk}/"' in response.content.decode()


def test_api_answers_json(client, home_page):
    response = client.get("/api/v2/pages/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


def test_cors_only_for_configured_origins_and_only_on_the_api(client, home_page):
    allowed = client.get("/api/v2/pages/", HTTP_ORIGIN="https://frontend.example")
    assert allowed["Access-Control-Allow-Origin"] == "https://frontend.example"

    other = client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in other

    admin = client.get("/admin/login/", HTTP_ORIGIN="https://frontend.example")
    assert "Access-Control-Allow-Origin" not in admin
