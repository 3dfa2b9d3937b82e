"""The CMS host itself: a landing page, redirects to the frontend, CORS (docs: test_docs.py)."""

import pytest
from django.conf import settings as django_settings
from wagtail.models import Locale
from wagtail.test.utils import WagtailTestUtils

from tests.partners.factories import PartnerPageFactory

pytestmark = pytest.mark.django_db

FRONTEND = "https://frontend.example"


def test_root_is_a_landing_page_linking_to_admin_api_and_docs(client):
    response = client.get("/")
    assert response.status_code == 200
    links = [a["href"] for a in WagtailTestUtils.get_soup(response.content).select("a[href]")]
    for prefix in ("/admin/", "/api/v2/", "/docs/"):
        assert any(link.startswith(prefix) for link in links), prefix
    # Every link leads somewhere: the admin to its login, the others answer directly.
    for link in links:
        assert client.get(link).status_code in (200, 302), link


def test_page_url_redirects_to_the_frontend_when_configured(client, settings, dresden):
    settings.FRONTEND_URL = "https://www.ucan.example"
    response = client.get("/en/partners/city-of-dresden/")
    assert response.status_code == 302
    assert response["Location"] == "https://www.ucan.example/en/partners/city-of-dresden/"
    home = client.get("/en/")
    assert home.status_code == 302
    assert home["Location"] == "https://www.ucan.example/en/"


def test_ukrainian_page_url_redirects_to_the_ukrainian_frontend_page(client, settings, dresden):
    ukrainian = Locale.objects.get(language_code="uk")
    for page in (dresden.get_parent().get_parent(), dresden.get_parent(), dresden):
        page.specific.copy_for_translation(ukrainian).save_revision().publish()
    settings.FRONTEND_URL = "https://www.ucan.example"
    response = client.get("/uk/partners/city-of-dresden/")
    assert response.status_code == 302
    assert response["Location"] == "https://www.ucan.example/uk/partners/city-of-dresden/"


def test_page_url_without_a_frontend_points_to_the_api(client, settings, dresden):
    settings.FRONTEND_URL = ""
    response = client.get("/en/partners/city-of-dresden/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert dresden.title in html
    assert f'href="/api/v2/pages/{dresden.pk}/"' in html
    api = client.get(f"/api/v2/pages/{dresden.pk}/")
    assert api.json()["title"] == dresden.title


def test_unpublished_page_url_is_not_found(client, settings, partner_index):
    PartnerPageFactory(parent=partner_index, slug="draft", live=False)
    settings.FRONTEND_URL = "https://www.ucan.example"
    assert client.get("/en/partners/draft/").status_code == 404


def test_api_answers_json(client, dresden):
    response = client.get("/api/v2/pages/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert dresden.pk in [item["id"] for item in response.json()["items"]]


def test_cors_allows_the_configured_frontend(client, home_page):
    assert FRONTEND in django_settings.CORS_ALLOWED_ORIGINS
    response = client.get("/api/v2/pages/", HTTP_ORIGIN=FRONTEND)
    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == FRONTEND
    assert "Origin" in response["Vary"]

    preflight = client.options(
        "/api/v2/pages/", HTTP_ORIGIN=FRONTEND, HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET"
    )
    assert preflight["Access-Control-Allow-Origin"] == FRONTEND
    assert "GET" in preflight["Access-Control-Allow-Methods"]


def test_cors_refuses_unknown_origins_even_from_the_cache(client, home_page):
    unknown = client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in unknown
    # The frontend's request puts the response in the server-side cache ...
    client.get("/api/v2/pages/", HTTP_ORIGIN=FRONTEND)
    # ... which must not hand the frontend's permission to another origin.
    again = client.get("/api/v2/pages/", HTTP_ORIGIN="https://evil.example")
    assert again.status_code == 200
    assert "Access-Control-Allow-Origin" not in again


@pytest.mark.parametrize("path", ["/admin/", "/admin/login/", "/"])
def test_no_cors_outside_the_api(client, home_page, path):
    response = client.get(path, HTTP_ORIGIN=FRONTEND)
    assert "Access-Control-Allow-Origin" not in response


def test_frontend_redirect_keeps_the_query_string(client, settings, partner_index):
    partner = PartnerPageFactory(parent=partner_index, slug="city-of-dresden")
    partner.save_revision().publish()
    settings.FRONTEND_URL = "https://www.ucan.example"
    response = client.get("/en/partners/city-of-dresden/?utm_source=newsletter")
    assert response["Location"] == (
        "https://www.ucan.example/en/partners/city-of-dresden/?utm_source=newsletter"
    )
