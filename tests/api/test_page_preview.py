"""Previews in the frontend: the admin hands the frontend a token, the API hands it the draft."""

import json
import re
import time
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.messages import get_messages
from django.core.signing import TimestampSigner, b62_encode
from django.urls import reverse
from wagtail_headless_preview.models import PagePreview

from cms.api.preview import delete_expired_previews
from tests.api.test_contract import assert_matches
from tests.partners.admin_forms import partner_form_data, team_member
from tests.partners.factories import PartnerPageFactory

pytestmark = pytest.mark.django_db

PREVIEW_ROUTE = "https://frontend.example/api/preview?secret=draft-mode-secret"


@pytest.fixture
def frontend_preview(settings):
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"default": PREVIEW_ROUTE},
        "SERVE_BASE_URL": None,
        "REDIRECT_ON_PREVIEW": False,
        "ENFORCE_TRAILING_SLASH": False,
    }


@pytest.fixture
def published_partner(partner_index):
    partner = PartnerPageFactory(parent=partner_index, title="City of Dresden", slug="dresden")
    partner.save_revision().publish()
    return partner


def frontend_preview_url(admin_client, preview_url, data) -> str:
    """Preview as an editor does: post the form, open the frontend preview; the iframe's URL."""
    assert json.loads(admin_client.post(preview_url, data).content)["is_valid"]
    response = admin_client.get(preview_url, {"mode": "frontend"})
    assert response.status_code == 200
    return unescape(re.search(r'<iframe src="([^"]+)"', response.content.decode()).group(1))


def preview_query(iframe_url) -> dict:
    """What the frontend's preview route passes on to the API: content_type and token."""
    query = parse_qs(urlsplit(iframe_url).query)
    return {key: query[key][0] for key in ("content_type", "token")}


def test_the_frontend_gets_the_unsaved_draft_in_the_detail_shape(
    admin_client,
    client,
    frontend_preview,
    published_partner,
    openapi,  # noqa: F811
):
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(published_partner.pk,))
    data = partner_form_data(title="Draft title", team=[team_member("Regine Kramer")])
    iframe_url = frontend_preview_url(admin_client, preview_url, data)

    assert iframe_url.startswith("https://frontend.example/api/preview?secret=draft-mode-secret&")
    query = preview_query(iframe_url)
    assert query["content_type"] == "partners.partnerpage"

    response = client.get(
        "/api/v2/page_preview/",
        {"content_type": query["content_type"], "token": query["token"]},
        HTTP_ORIGIN="https://frontend.example",
    )
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert "ETag" not in response
    assert response["Access-Control-Allow-Origin"] == "https://frontend.example"
    draft = response.json()
    assert draft["id"] == published_partner.pk
    assert draft["title"] == "Draft title"
    assert [member["name"] for member in draft["team_members"]] == ["Regine Kramer"]
    assert_matches(openapi, "PartnerPageDetail", draft)
    # The same keys as the live detail: a frontend renders both with one component.
    live = client.get(f"/api/v2/pages/{published_partner.pk}/").json()
    assert live["title"] == "City of Dresden"
    assert draft.keys() == live.keys()
    assert draft["meta"].keys() == live["meta"].keys()

    # Editing on and previewing again updates what the same frontend route shows.
    data["title"] = "Second draft"
    second = preview_query(frontend_preview_url(admin_client, preview_url, data))
    again = client.get("/api/v2/page_preview/", second).json()
    assert again["title"] == "Second draft"


def test_a_page_never_saved_can_be_previewed(
    admin_client,
    client,
    frontend_preview,
    partner_index,
    openapi,  # noqa: F811
):
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add", args=("partners", "partnerpage", partner_index.pk)
    )
    query = preview_query(
        frontend_preview_url(admin_client, preview_url, partner_form_data(title="New partner"))
    )
    draft = client.get("/api/v2/page_preview/", query).json()
    assert draft["id"] is None
    assert draft["title"] == "New partner"
    assert_matches(openapi, "PagePreview", draft)


def test_the_frontend_preview_is_the_default_only_when_configured(
    settings, published_partner, frontend_preview
):
    assert published_partner.default_preview_mode == "frontend"
    modes = [mode for mode, _label in published_partner.preview_modes]
    assert modes == ["frontend", "reading", "json"]
    settings.WAGTAIL_HEADLESS_PREVIEW = {"CLIENT_URLS": {}}
    # Without a frontend: the CMS's own reading view (tests/translations/test_page_preview.py).
    assert published_partner.default_preview_mode == "reading"
    assert [mode for mode, _label in published_partner.preview_modes] == ["reading", "json"]


def test_each_site_can_have_its_own_preview_route(settings, rf, published_partner):
    settings.WAGTAIL_HEADLESS_PREVIEW = {
        "CLIENT_URLS": {"localhost": "https://preview.one.example/", "default": PREVIEW_ROUTE}
    }
    request = rf.get("/", HTTP_HOST="localhost")
    assert published_partner.get_client_root_url(request) == "https://preview.one.example/"


def old_token(identifier: str, seconds_ago: int) -> str:
    class PastSigner(TimestampSigner):
        def timestamp(self):
            return b62_encode(int(time.time()) - seconds_ago)

    return PastSigner(salt="headlesspreview.token").sign(identifier)


def store_preview(page, token):
    PagePreview.objects.create(
        token=token, content_type=page.content_type, content_json=page.to_json()
    )


def test_an_expired_token_gets_410_and_its_draft_is_deleted(
    client, published_partner, settings, frontend_preview
):
    settings.PREVIEW_TOKEN_MAX_AGE = 3600
    expired = old_token(f"id={published_partner.pk}", seconds_ago=3700)
    fresh = old_token(f"id={published_partner.pk}", seconds_ago=60)
    store_preview(published_partner, expired)
    store_preview(published_partner, fresh)
    query = {"content_type": "partners.partnerpage"}

    response = client.get("/api/v2/page_preview/", {**query, "token": expired})
    assert response.status_code == 410
    assert "expired" in response.json()["message"]
    assert client.get("/api/v2/page_preview/", {**query, "token": fresh}).status_code == 200

    assert delete_expired_previews() == 1
    assert list(PagePreview.objects.values_list("token", flat=True)) == [fresh]


@pytest.mark.parametrize(
    ("query", "status", "parameter"),
    [
        ({"token": "x"}, 400, "content_type"),
        ({"content_type": "partners.partnerpage"}, 400, "token"),
        ({"content_type": "partners.partnerpage", "token": "id=1:tampered:sig"}, 400, "token"),
        ({"content_type": "auth.user", "token": "x"}, 400, "content_type"),
        ({"content_type": "nonsense", "token": "x"}, 400, "content_type"),
        ({"content_type": "partners.partnerpage", "token": "x", "fields": "*"}, 400, "fields"),
        ({"content_type": "partners.partnerpage", "token": "x", "id": "abc"}, 400, "id"),
    ],
)
def test_bad_preview_requests_get_a_400_naming_the_parameter(client, query, status, parameter):
    response = client.get("/api/v2/page_preview/", query)
    assert response.status_code == status
    assert response.json()["parameter"] == parameter


def test_a_token_opens_only_the_page_it_was_issued_for(
    client, published_partner, partner_index, frontend_preview
):
    token = old_token(f"id={published_partner.pk}", seconds_ago=5)
    store_preview(published_partner, token)
    other = PartnerPageFactory(parent=partner_index, slug="other")

    wrong_id = client.get(
        "/api/v2/page_preview/",
        {"content_type": "partners.partnerpage", "token": token, "id": other.pk},
    )
    assert wrong_id.status_code == 400
    assert wrong_id.json()["parameter"] == "id"
    wrong_type = client.get(
        "/api/v2/page_preview/", {"content_type": "home.homepage", "token": token}
    )
    assert wrong_type.status_code == 404
    # A validly signed token for another page cannot be pointed at this page's draft.
    forged = old_token(f"id={other.pk}", seconds_ago=5)
    PagePreview.objects.create(
        token=forged,
        content_type=published_partner.content_type,
        content_json=published_partner.to_json(),
    )
    response = client.get(
        "/api/v2/page_preview/", {"content_type": "partners.partnerpage", "token": forged}
    )
    assert response.status_code == 404


def test_view_live_in_the_admin_opens_the_frontend(
    admin_client, published_partner, partner_index, settings
):
    settings.FRONTEND_URL = "https://www.ucan.example"
    live = 'href="https://www.ucan.example/en/partners/dresden/"'
    listing = admin_client.get(reverse("wagtailadmin_explore", args=(partner_index.pk,)))
    assert live in listing.content.decode()
    # And the message after publishing links there too.
    edit_url = reverse("wagtailadmin_pages:edit", args=(published_partner.pk,))
    data = partner_form_data(title="City of Dresden", slug="dresden", **{"action-publish": "1"})
    response = admin_client.post(edit_url, data)
    assert response.status_code == 302
    [message] = [str(message) for message in get_messages(response.wsgi_request)]
    assert "View live" in message
    assert live in message
