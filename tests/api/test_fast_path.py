"""API cache hits answered before Django: the same response, and never a stale or foreign one."""

from io import BytesIO
from wsgiref.util import setup_testing_defaults

import pytest
from django.core import signals
from django.db import close_old_connections

import cms.wsgi
from tests.partners.factories import PartnerPageFactory

pytestmark = pytest.mark.django_db


class CountingApp:
    """Django's WSGI application, counting how often a request reaches it."""

    def __init__(self, application):
        self.application, self.calls = application, 0

    def __call__(self, environ, start_response):
        self.calls += 1
        return self.application(environ, start_response)


@pytest.fixture
def app(monkeypatch):
    # As Django's test client does: the test's transaction must survive the request's end.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    django = CountingApp(cms.wsgi.django_application)
    monkeypatch.setattr(cms.wsgi.application, "application", django)
    cms.wsgi.application.django = django
    yield cms.wsgi.application
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def call(app, path, method="GET", **headers):
    environ = {"REQUEST_METHOD": method, "HTTP_HOST": "testserver", "wsgi.input": BytesIO()}
    environ["PATH_INFO"], _, environ["QUERY_STRING"] = path.partition("?")
    environ.update({f"HTTP_{name.upper()}": value for name, value in headers.items()})
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        # Header names are case-insensitive (django-cors-headers writes them in lower case).
        answer["status"] = status
        answer["headers"] = {name.lower(): value for name, value in response_headers}

    body = b"".join(app(environ, start_response))
    return answer["status"], answer["headers"], body


@pytest.fixture
def partner(partner_index):
    page = PartnerPageFactory(parent=partner_index, title="City of Dresden")
    page.save_revision().publish()
    return page


def test_a_hit_is_the_same_response_without_django(app, partner):
    url = f"/api/v2/pages/{partner.pk}/"
    first = call(app, url)
    assert app.django.calls == 1
    second = call(app, url)
    assert app.django.calls == 1  # answered from the stored response
    assert second == first
    status, headers, body = second
    assert status == "200 OK"
    assert headers["cache-control"].startswith("public, max-age=")
    assert headers["x-content-type-options"] == "nosniff"  # the security headers came along
    assert b"City of Dresden" in body


def test_a_publish_is_seen_on_the_next_request(app, partner):
    url = f"/api/v2/pages/{partner.pk}/"
    call(app, url)
    partner.title = "Landeshauptstadt Dresden"
    partner.save_revision().publish()
    _status, _headers, body = call(app, url)
    assert b"Landeshauptstadt Dresden" in body
    assert app.django.calls == 2


def test_an_unknown_host_is_never_served_from_the_store(app, partner):
    url = f"/api/v2/pages/{partner.pk}/"
    call(app, url)
    for _ in range(2):
        status, _headers, _body = call(app, url, host="evil.example")
        assert status.startswith("400")
    assert app.django.calls == 3


def test_each_origin_gets_its_own_cors_answer(app, partner):
    url = f"/api/v2/pages/{partner.pk}/"
    _s, allowed, _b = call(app, url, origin="https://frontend.example")
    _s, again, _b = call(app, url, origin="https://frontend.example")
    _s, foreign, _b = call(app, url, origin="https://attacker.example")
    assert allowed["access-control-allow-origin"] == "https://frontend.example"
    assert again["access-control-allow-origin"] == "https://frontend.example"
    assert "access-control-allow-origin" not in foreign
    assert app.django.calls == 2


def test_if_none_match_gets_a_304_with_its_etag(app, partner):
    url = f"/api/v2/pages/{partner.pk}/"
    _s, headers, _b = call(app, url, origin="https://frontend.example")
    status, not_modified, body = call(
        app, url, if_none_match=headers["etag"], origin="https://frontend.example"
    )
    assert status == "304 Not Modified"
    assert body == b""
    assert not_modified["etag"] == headers["etag"]
    assert not_modified["access-control-allow-origin"] == "https://frontend.example"
    assert "content-type" not in not_modified


def test_head_is_answered_without_a_body_and_post_passes_through(app, partner):
    url = f"/api/v2/pages/{partner.pk}/"
    _s, headers, _b = call(app, url)
    status, head_headers, body = call(app, url, method="HEAD")
    assert (status, body) == ("200 OK", b"")
    assert head_headers["etag"] == headers["etag"]
    status, _headers, _body = call(app, url, method="POST")
    assert status.startswith("405")
    assert app.django.calls == 2


def test_nothing_is_stored_with_the_cache_off(app, partner, settings):
    settings.API_CACHE_ENABLED = False
    url = f"/api/v2/pages/{partner.pk}/"
    call(app, url)
    call(app, url)
    assert app.django.calls == 2


def test_previews_are_never_stored(app):
    call(app, "/api/v2/page_preview/?content_type=x&token=y")
    call(app, "/api/v2/page_preview/?content_type=x&token=y")
    assert app.django.calls == 2
