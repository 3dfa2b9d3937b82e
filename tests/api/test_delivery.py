"""ETags, Cache-Control, 304s, and a response cache that never serves stale content."""

import pytest
from django.conf import settings
from wagtail.models import PageViewRestriction

from tests.partners.factories import PartnerPageFactory
from tests.publishing import publish

pytestmark = pytest.mark.django_db

LISTING = "/api/v2/pages/?type=partners.PartnerPage&fields=*"


def titles(client):
    return [item["title"] for item in client.get(LISTING).json()["items"]]


def test_every_get_has_etag_and_cache_control(client, dresden, site_content):
    for url in (LISTING, f"/api/v2/pages/{dresden.pk}/", "/api/v2/site/", "/api/v2/images/"):
        response = client.get(url)
        assert response.status_code == 200
        assert response["ETag"].startswith('"')
        assert response["Cache-Control"] == f"public, max-age={settings.API_CACHE_MAX_AGE}"


def test_if_none_match_gets_304_until_the_content_changes(client, dresden):
    etag = client.get(LISTING)["ETag"]
    not_modified = client.get(LISTING, HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304
    assert not_modified.content == b""

    dresden.title = "Landeshauptstadt Dresden"
    publish(dresden)
    changed = client.get(LISTING, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_cached_responses_are_identical_to_fresh_ones(client, dresden):
    first = client.get(LISTING)
    second = client.get(LISTING)
    assert first.content == second.content
    assert first["ETag"] == second["ETag"]


def test_publish_shows_on_the_next_request(client, dresden):
    assert titles(client) == ["City of Dresden - Landeshauptstadt Dresden (LHD)"]
    dresden.title = "Dresden"
    publish(dresden)
    assert titles(client) == ["Dresden"]


def test_new_page_shows_on_the_next_request(client, dresden, partner_index):
    titles(client)
    publish(PartnerPageFactory(parent=partner_index, title="Aarhus University"))
    assert "Aarhus University" in titles(client)


def test_unpublish_shows_on_the_next_request(client, dresden):
    titles(client)
    dresden.unpublish()
    assert titles(client) == []
    assert client.get(f"/api/v2/pages/{dresden.pk}/").status_code == 404


def test_delete_shows_on_the_next_request(client, dresden):
    titles(client)
    dresden.delete()
    assert titles(client) == []


def test_move_shows_on_the_next_request(client, dresden, partner_index):
    other = publish(PartnerPageFactory(parent=partner_index, title="Aarhus University"))
    assert titles(client)[0] == dresden.title
    dresden.move(other, pos="right")  # after Aarhus in the tree order
    assert titles(client) == ["Aarhus University", dresden.title]
    path = client.get(f"/api/v2/pages/{dresden.pk}/").json()["meta"]["path"]
    assert path == "/en/partners/city-of-dresden/"


def test_view_restriction_shows_on_the_next_request(client, dresden):
    titles(client)
    PageViewRestriction.objects.create(page=dresden, restriction_type="login")
    assert titles(client) == []


def test_site_content_change_shows_on_the_next_request(client, site_content):
    assert client.get("/api/v2/site/").json()["tagline"] == "Ukraine Towards Carbon Neutrality"
    site_content.tagline = "Towards carbon neutrality"
    site_content.save()
    assert client.get("/api/v2/site/").json()["tagline"] == "Towards carbon neutrality"


def test_a_social_link_or_navigation_item_change_shows_on_the_next_request(client, site_content):
    site = client.get("/api/v2/site/").json()
    assert (len(site["social_links"]), len(site["navigation"])) == (1, 1)
    link = site_content.social_links.get()
    link.url = "https://facebook.com/ucan"
    link.save()
    assert client.get("/api/v2/site/").json()["social_links"][0]["url"] == link.url
    site_content.navigation_items.get().delete()
    assert client.get("/api/v2/site/").json()["navigation"] == []


def test_cors_headers_on_cached_responses_only_for_allowed_origins(client, dresden):
    for _ in range(2):  # the second answer comes from the cache
        allowed = client.get(LISTING, HTTP_ORIGIN="https://frontend.example")
        assert allowed["Access-Control-Allow-Origin"] == "https://frontend.example"
        other = client.get(LISTING, HTTP_ORIGIN="https://attacker.example")
        assert "Access-Control-Allow-Origin" not in other


def test_losing_the_generation_key_never_serves_stale_responses(client, dresden):
    from django.core.cache import cache

    from cms.api.cache import GENERATION_KEY

    titles(client)  # a response is stored under the current generation
    cache.delete(GENERATION_KEY)  # e.g. evicted by Redis, while the response survives
    dresden.unpublish()
    assert titles(client) == []
