"""Behind a caching proxy: what a Host header can put into URLs, and which redirects a cache keeps.

The Varnish side (who may purge, and that a redirect is not served from the proxy's cache) is
tested through a real varnishd in tests/deploy/test_proxy_access.py.
"""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

BOGUS_PORT = "99999999999"


def api_urls(dresden):
    return [
        f"/api/v2/pages/{dresden.pk}/",
        "/api/v2/pages/?type=partners.PartnerPage&fields=*",
        "/api/v2/images/",
    ]


def test_a_host_whose_port_is_beyond_65535_gets_a_json_400_that_does_not_repeat_it(client, dresden):
    for url in api_urls(dresden):
        response = client.get(url, HTTP_HOST=f"127.0.0.1:{BOGUS_PORT}")
        assert response.status_code == 400, url
        assert response.json() == {"message": "Host: the port must be a number from 1 to 65535."}
        assert response["Cache-Control"] == "no-store"
        assert BOGUS_PORT.encode() not in response.content
    # Outside the API it is Django's plain 400 page, without the port either.
    admin = client.get("/admin/login/", HTTP_HOST=f"localhost:{BOGUS_PORT}")
    assert admin.status_code == 400
    assert BOGUS_PORT.encode() not in admin.content


@pytest.mark.parametrize("port", ["0", "65536", "080", "00000000000000000080"])
def test_a_port_that_is_zero_too_large_or_zero_padded_is_refused(client, dresden, port):
    # Zero-padded ports name a valid port, but every spelling would be one more copy of the
    # same response in each cache, with that spelling in its URLs.
    response = client.get(f"/api/v2/pages/{dresden.pk}/", HTTP_HOST=f"localhost:{port}")
    assert response.status_code == 400
    assert port.encode() not in response.content


def test_the_https_redirect_never_names_a_bogus_port(settings, dresden):
    settings.SECURE_SSL_REDIRECT = True
    response = Client().get("/api/v2/pages/", HTTP_HOST=f"127.0.0.1:{BOGUS_PORT}")
    assert response.status_code == 400
    assert BOGUS_PORT not in response.get("Location", "")


def test_valid_ports_still_work_and_appear_in_image_urls(client, dresden):
    for host in ("localhost:1", "localhost:8080", "127.0.0.1:65535", "localhost"):
        response = client.get(f"/api/v2/pages/{dresden.pk}/?fields=logo", HTTP_HOST=host)
        assert response.status_code == 200, host
        assert response.json()["logo"]["url"].startswith(f"http://{host}/")
    # The bogus port made no cache entry that a valid request could be served from.
    response = client.get(f"/api/v2/pages/{dresden.pk}/", HTTP_HOST=f"localhost:{BOGUS_PORT}")
    assert response.status_code == 400


def test_a_host_the_site_does_not_serve_gets_a_json_400_in_the_api(client, dresden):
    response = client.get(f"/api/v2/pages/{dresden.pk}/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    assert response.json() == {"message": "Host: this server does not answer to that host name."}
    assert b"attacker.example" not in response.content


def test_the_https_redirect_is_kept_out_of_shared_caches(settings, dresden):
    # A proxy's cache key has no X-Forwarded-Proto: a stored 301 would send HTTPS clients
    # round the redirect too.
    settings.SECURE_SSL_REDIRECT = True
    client = Client()
    for url in api_urls(dresden) + ["/admin/login/", "/"]:
        redirect = client.get(url)
        assert redirect.status_code == 301, url
        assert redirect["Location"] == f"https://testserver{url}"
        assert redirect["Cache-Control"] == "private", url
    # Over HTTPS the API is shared as before.
    over_https = client.get(f"/api/v2/pages/{dresden.pk}/", secure=True)
    assert over_https.status_code == 200
    assert over_https["Cache-Control"].startswith("public")


def test_slash_and_language_redirects_are_private_and_find_keeps_its_own(client, dresden):
    slash = client.get("/docs")
    assert (slash.status_code, slash["Location"]) == (301, "/docs/")
    assert slash["Cache-Control"] == "private"
    language = client.get("/partners/")
    assert (language.status_code, language["Location"]) == (302, "/en/partners/")
    assert language["Cache-Control"] == "private"
    # find/'s redirect is marked public by the API and purged on change: it stays shareable.
    found = client.get("/api/v2/pages/find/?html_path=/en/partners/city-of-dresden/")
    assert found.status_code == 302
    assert found["Cache-Control"].startswith("public")
