"""Content-Security-Policy and Permissions-Policy on the admin, the API and the documentation.

The API's JSON allows nothing to load or frame it; the admin's HTML loads scripts, styles,
fonts and connections from this origin only, frames only itself and the frontend's preview
route, and is framed only by itself.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.partners.factories import PartnerPageFactory

ROOT = Path(__file__).resolve().parents[2]
API_POLICY = "default-src 'none'; frame-ancestors 'none'"
DISABLED_FEATURES = ("camera", "microphone", "geolocation", "payment", "usb")

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    header = response.headers["Content-Security-Policy"]
    policy = {}
    for directive in header.split(";"):
        name, *sources = directive.split()
        policy[name] = sources
    return policy


def assert_html_policy(response):
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'self'"]
    # Scripts, styles and connections from this origin only: no other host, no wildcard.
    for directive in ("script-src", "style-src", "connect-src", "font-src"):
        hosts = [source for source in policy[directive] if not source.endswith(("'", ":"))]
        assert hosts == [], (directive, hosts)
    assert "'unsafe-eval'" not in policy["script-src"]


def assert_permissions_policy(response):
    header = response.headers["Permissions-Policy"]
    features = dict(feature.strip().split("=", 1) for feature in header.split(","))
    for feature in DISABLED_FEATURES:
        assert features[feature] == "()", feature


def test_the_admin_sign_in_page_has_the_admin_policy(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert_html_policy(response)
    assert_permissions_policy(response)


def test_admin_pages_have_the_admin_policy(admin_client, partner_index):
    partner = PartnerPageFactory(parent=partner_index)
    for path in ("/admin/", f"/admin/pages/{partner.pk}/edit/", "/admin/account/"):
        response = admin_client.get(path)
        assert response.status_code == 200, path
        assert_html_policy(response)
        assert_permissions_policy(response)


def test_api_responses_allow_nothing(client, partner_index):
    PartnerPageFactory(parent=partner_index)
    for path in (
        "/api/v2/pages/?type=partners.PartnerPage&fields=*",
        "/api/v2/pages/?type=partners.PartnerPage&fields=*",  # now from the response cache
        "/api/v2/openapi.json",
        "/api/v2/pages/?limit=-1",
        "/api/v2/pages/987654/",
        "/api/v2/nothing-here/",
    ):
        response = client.get(path)
        assert response["Content-Type"].startswith("application/"), path
        assert response.headers["Content-Security-Policy"] == API_POLICY, path
        assert_permissions_policy(response)


def test_the_documentation_and_landing_pages_have_the_html_policy(client):
    for path in ("/", "/docs/"):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_html_policy(response)
        assert_permissions_policy(response)


def docs_policy_with(**environment) -> str:
    """The documentation page's policy in a fresh process with these environment variables."""
    code = (
        "import django; django.setup(); from django.test import Client; "
        "print(Client().get('/docs/').headers['Content-Security-Policy'])"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test", **environment},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return dict(
        (name, sources)
        for name, *sources in (directive.split() for directive in result.stdout.strip().split(";"))
    )


def test_the_frontend_preview_route_may_be_framed_by_the_admin():
    policy = docs_policy_with(
        FRONTEND_PREVIEW_URL="https://www.ucan.example/api/preview?secret=x",
        FRONTEND_PREVIEW_URLS="cms.example.org=https://preview.example.org:8443/api/preview",
    )
    assert policy["frame-src"] == [
        "'self'",
        "https://preview.example.org:8443",
        "https://www.ucan.example",
    ]


def test_images_on_the_media_bucket_may_be_shown():
    policy = docs_policy_with(
        AWS_STORAGE_BUCKET_NAME="ucan-media", AWS_S3_CUSTOM_DOMAIN="media.ucan.example"
    )
    assert "https://media.ucan.example" in policy["img-src"]
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
