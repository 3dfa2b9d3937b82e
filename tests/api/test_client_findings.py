"""What independent clients (a JavaScript client, generated TypeScript types, schemathesis)
found wrong in the API's contract, each held here so it cannot come back."""

import subprocess
from pathlib import Path

import pytest
from django.test import Client

from tests.publishing import publish, translate

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parents[2]


# --- find/ keeps what decides the answer ----------------------------------------------------------


def test_find_with_fallback_lands_on_a_page_that_answers(client, dresden, ukrainian_copies):
    # Dresden has no Ukrainian translation: fallback serves the English page.
    response = client.get(
        "/api/v2/pages/find/?html_path=/partners/city-of-dresden/&locale=uk&fallback=true"
    )
    assert response.status_code == 302
    assert "fallback=true" in response["Location"]
    detail = client.get(response["Location"])
    assert detail.status_code == 200
    assert detail.json()["id"] == dresden.pk


def test_find_without_html_path_is_a_400_naming_it(client, dresden):
    response = client.get("/api/v2/pages/find/")
    assert response.status_code == 400
    assert response.json()["parameter"] == "html_path"
    assert "html_path" in response.json()["message"]


# --- rich text follows the page's language, not the request's -------------------------------------


@pytest.fixture
def dresden_linking_to_khmelnytskyi(dresden, khmelnytskyi, ukrainian, ukrainian_copies):
    translate(khmelnytskyi, ukrainian, title="ХНУ")
    dresden.brief_description = (
        f'<p>Works with <a linktype="page" id="{khmelnytskyi.pk}">KhNU</a>.</p>'
    )
    return publish(dresden)


def test_internal_links_follow_the_pages_language(client, dresden_linking_to_khmelnytskyi):
    url = f"/api/v2/pages/{dresden_linking_to_khmelnytskyi.pk}/"
    ukrainian_reader = client.get(url, HTTP_ACCEPT_LANGUAGE="uk")
    assert (
        "/en/partners/khmelnytskyi-national-university/"
        in (ukrainian_reader.json()["brief_description"])
    )
    assert "/uk/" not in ukrainian_reader.json()["brief_description"]


def test_the_same_url_gives_the_same_bytes_whatever_the_language_header(
    settings, dresden_linking_to_khmelnytskyi
):
    settings.API_CACHE_ENABLED = False  # the view's own output, not a cached copy
    url = f"/api/v2/pages/{dresden_linking_to_khmelnytskyi.pk}/?fields=*"
    bodies = {
        Client().get(url, HTTP_ACCEPT_LANGUAGE=language).content
        for language in ("uk", "en", "de", "")
    }
    assert len(bodies) == 1


# --- fields ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("endpoint", ["pages", "images", "documents"])
def test_id_is_present_even_with_no_fields(client, dresden, endpoint):
    items = client.get(f"/api/v2/{endpoint}/?fields=_").json()["items"]
    for item in items:
        assert "id" in item
    detail = client.get(f"/api/v2/pages/{dresden.pk}/?fields=_").json()
    assert detail == {"id": dresden.pk}


def test_the_team_members_example_is_offered_only_where_it_works(client):
    document = client.get("/api/v2/openapi.json").json()
    for path, operations in document["paths"].items():
        # The newsletter's endpoints are POST only and take no `fields`.
        for parameter in operations.get("get", {}).get("parameters", []):
            if parameter["name"] != "fields":
                continue
            offered = "*,-team_members" in parameter.get("examples", {})
            assert offered == (path == "/api/v2/pages/"), path


# --- every error body is {"message": …} -----------------------------------------------------------


def test_method_not_allowed_is_a_message(client, dresden):
    response = client.post("/api/v2/pages/")
    assert response.status_code == 405
    assert "message" in response.json()
    assert "detail" not in response.json()


def test_post_to_the_openapi_document_is_a_json_405():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/api/v2/openapi.json")
    assert response.status_code == 405
    assert response["Content-Type"].startswith("application/json")
    assert "message" in response.json()


def test_a_refused_csrf_check_under_the_api_is_json():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/api/v2/no-such-endpoint/")
    assert response.status_code == 403
    assert "message" in response.json()


def test_a_disallowed_host_is_json_in_development_too(settings, client):
    settings.DEBUG = True  # `make run`: Django would answer with its technical HTML page
    response = client.get("/api/v2/pages/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    assert response.json() == {"message": "Host: this server does not answer to that host name."}


# --- CORS: revalidation from another origin -------------------------------------------------------


def test_a_preflight_allows_if_none_match_and_etag_is_exposed(client, dresden):
    preflight = client.options(
        "/api/v2/pages/",
        HTTP_ORIGIN="https://frontend.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert "if-none-match" in preflight["Access-Control-Allow-Headers"].lower()
    response = client.get("/api/v2/pages/", HTTP_ORIGIN="https://frontend.example")
    assert "etag" in response["Access-Control-Expose-Headers"].lower()


# --- URLs follow the address the CMS is served at -------------------------------------------------


def test_make_run_on_another_port_puts_that_port_into_api_urls():
    # make from the PATH, as a developer runs it; --dry-run only prints the commands.
    command = ["make", "--dry-run", "--always-make", "run", "PORT=8701"]
    dry_run = subprocess.run(  # noqa: S603
        command,
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=True,
        env={"PATH": "/usr/bin:/bin", "UV_PYTHON_DOWNLOADS": "never"},
    ).stdout
    served = "${WAGTAILADMIN_BASE_URL:-http://127.0.0.1:8701}"
    assert f'WAGTAILADMIN_BASE_URL="{served}"' in dry_run
    assert 'WAGTAILAPI_BASE_URL="${WAGTAILAPI_BASE_URL:-' + served + '}"' in dry_run
    assert ":8000" not in dry_run


def test_image_download_url_is_absolute_like_images_in_pages(client, image, dresden):
    detail = client.get(f"/api/v2/images/{image.pk}/").json()
    assert detail["meta"]["download_url"].startswith("http://testserver/media/")
    page_logo = client.get(f"/api/v2/pages/{dresden.pk}/").json()["logo"]["url"]
    assert detail["meta"]["download_url"] == page_logo


# --- the frontend guide's examples ------------------------------------------------------------


def test_the_frontend_guides_first_listing_example_names_a_locale():
    guide = (PROJECT / "docs" / "frontend.md").read_text()
    first_listing = next(
        line for line in guide.splitlines() if "/api/v2/pages/" in line and "?type=" in line
    )
    assert "locale=" in first_listing
