"""Through the WSGI application gunicorn serves: a cached answer is the fresh one, byte for byte.

A cache hit skips the view and the middleware below the response cache; what a client receives
(status, every header, body) must not show it. Host and scheme are Django's to decide for hits
as for misses.
"""

import json
from io import BytesIO
from wsgiref.util import setup_testing_defaults

import pytest
from django.core import signals
from django.db import close_old_connections

import cms.wsgi
from partners.models import PartnerPage
from tests.publishing import publish

pytestmark = pytest.mark.django_db

FRONTEND = "https://frontend.example"


@pytest.fixture
def app():
    # As Django's test client does: the test's transaction must survive the request's end.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield cms.wsgi.application
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def call(app, path, method="GET", **headers):
    """Status line, headers (in order, as sent) and body of one request; None omits a header."""
    environ = {"REQUEST_METHOD": method, "HTTP_HOST": "testserver", "wsgi.input": BytesIO()}
    environ["PATH_INFO"], _, environ["QUERY_STRING"] = path.partition("?")
    environ.update(
        {f"HTTP_{name.upper()}": value for name, value in headers.items() if value is not None}
    )
    setup_testing_defaults(environ)
    answer = {}

    def start_response(status, response_headers, exc_info=None):
        answer["status"], answer["headers"] = status, list(response_headers)

    result = app(environ, start_response)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()  # ends the request for Django, as a WSGI server does
    return answer["status"], answer["headers"], body


def header(headers, name):
    # Header names are case-insensitive (django-cors-headers writes them in lower case).
    return {key.lower(): value for key, value in headers}.get(name.lower())


def urls(partner):
    return [
        f"/api/v2/pages/{partner.pk}/",
        "/api/v2/pages/?type=partners.PartnerPage&fields=*",
        "/api/v2/pages/find/?html_path=/en/partners/city-of-dresden/",  # a 302
    ]


def test_a_cached_answer_is_the_fresh_one_byte_for_byte(
    app, dresden, settings, django_assert_num_queries
):
    for url in urls(dresden):
        settings.API_CACHE_ENABLED = False
        fresh = {origin: call(app, url, origin=origin) for origin in (None, FRONTEND)}
        settings.API_CACHE_ENABLED = True
        call(app, url, origin=FRONTEND)  # stored by this one
        for origin in (None, FRONTEND):  # the entry serves every origin
            with django_assert_num_queries(0):  # answered from the response cache
                cached = call(app, url, origin=origin)
            assert cached == fresh[origin], (url, origin)
        status, headers, body = cached
        assert status in ("200 OK", "302 Found"), url
        for name in ("ETag", "Cache-Control", "Vary", "xkey", "Surrogate-Key", "Cache-Tag"):
            assert header(headers, name), (url, name)
        assert header(headers, "Access-Control-Allow-Origin") == FRONTEND
        assert header(headers, "X-Content-Type-Options") == "nosniff"
        # Set below the response cache (by the view and Django's middleware), kept with it.
        assert header(headers, "X-Frame-Options")
        assert header(headers, "Content-Length") == str(len(body))


def test_head_has_the_status_and_headers_of_the_get(app, dresden):
    # The body the server leaves out (gunicorn does, for HEAD).
    url = f"/api/v2/pages/{dresden.pk}/"
    status, headers, _body = call(app, url)
    assert call(app, url, method="HEAD")[:2] == (status, headers)


def test_if_none_match_gets_a_304_with_its_etag_and_cors(app, dresden):
    url = f"/api/v2/pages/{dresden.pk}/"
    _status, headers, _body = call(app, url, origin=FRONTEND)
    status, not_modified, body = call(
        app, url, if_none_match=header(headers, "ETag"), origin=FRONTEND
    )
    assert (status, body) == ("304 Not Modified", b"")
    assert header(not_modified, "ETag") == header(headers, "ETag")
    assert header(not_modified, "Access-Control-Allow-Origin") == FRONTEND
    assert header(not_modified, "Content-Type") is None


def test_each_origin_gets_its_own_cors_answer_from_one_entry(app, dresden):
    url = f"/api/v2/pages/{dresden.pk}/"
    for _ in range(2):
        _status, allowed, _body = call(app, url, origin=FRONTEND)
        assert header(allowed, "Access-Control-Allow-Origin") == FRONTEND
        _status, foreign, _body = call(app, url, origin="https://attacker.example")
        assert header(foreign, "Access-Control-Allow-Origin") is None


def test_a_host_django_refuses_is_refused_after_a_hit_too(app, dresden):
    url = f"/api/v2/pages/{dresden.pk}/"
    call(app, url)
    call(app, url)
    for host in ("attacker.example", "testserver:99999999999"):
        status, headers, body = call(app, url, host=host)
        assert status.startswith("400"), host
        assert b"City of Dresden" not in body
        assert header(headers, "ETag") is None


def test_the_scheme_the_proxy_reports_keeps_its_own_answer(app, dresden, settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    url = f"/api/v2/pages/{dresden.pk}/?fields=logo"

    def logo_url(**headers):
        status, _headers, body = call(app, url, **headers)
        assert status == "200 OK"
        return json.loads(body)["logo"]["url"]

    for _ in range(2):
        assert logo_url().startswith("http://testserver/")
        assert logo_url(x_forwarded_proto="https").startswith("https://testserver/")


def test_a_publish_is_seen_on_the_next_request(app, dresden):
    url = f"/api/v2/pages/{dresden.pk}/"
    call(app, url)
    dresden.title = "Landeshauptstadt Dresden"
    publish(dresden)
    _status, _headers, body = call(app, url)
    assert b"Landeshauptstadt Dresden" in body


def test_with_the_cache_off_every_answer_is_built_afresh(app, dresden, settings):
    settings.API_CACHE_ENABLED = False
    url = f"/api/v2/pages/{dresden.pk}/"
    call(app, url)
    # Changed behind the CMS's back: no signal, no purge; only a fresh answer shows it.
    PartnerPage.objects.filter(pk=dresden.pk).update(title="Landeshauptstadt Dresden")
    _status, _headers, body = call(app, url)
    assert json.loads(body)["title"] == "Landeshauptstadt Dresden"
