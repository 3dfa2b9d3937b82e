"""Caches in front of the API are purged by key when content changes, then warmed again."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import override_settings

from partners.models import PartnerPage
from tests.partners.factories import PartnerPageFactory

pytestmark = pytest.mark.django_db


def purged_keys(receiver) -> set[str]:
    return {
        key
        for request in receiver.requests
        if request.method == "PURGE" and "xkey" in request.headers
        for key in request.headers["xkey"].split()
    }


def proxy_at(receiver) -> dict:
    return {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{receiver.port}",
        }
    }


def test_a_publish_purges_the_page_its_listings_by_key_and_warms_its_urls(
    partner_index, receiver, run_worker, django_capture_on_commit_callbacks
):
    public = f"http://127.0.0.1:{receiver.port}"
    with override_settings(
        WAGTAILFRONTENDCACHE=proxy_at(receiver), API_CACHE_WARM=True, WAGTAILAPI_BASE_URL=public
    ):
        partner = PartnerPageFactory.build(title="Kyiv", slug="kyiv")
        partner_index.add_child(instance=partner)
        with django_capture_on_commit_callbacks(execute=True):
            partner.save_revision().publish()
        run_worker()

    partner_type = ContentType.objects.get_for_model(PartnerPage).pk
    assert {f"p{partner.pk}", f"l{partner_type}", "l"} <= purged_keys(receiver)
    # After the purge, the canonical URLs are asked for again, through the proxy.
    methods = [request.method for request in receiver.requests]
    warmed = [request.path for request in receiver.requests if request.method == "GET"]
    assert methods.index("GET") > methods.index("PURGE")
    assert {
        f"/api/v2/pages/{partner.pk}/",
        "/api/v2/pages/find/?html_path=/en/partners/kyiv/",
        "/api/v2/pages/?type=partners.PartnerPage&locale=en",
        "/api/v2/pages/?type=partners.PartnerPage&fields=*&locale=en",
    } <= set(warmed)


def test_a_view_restriction_purges_everything(
    dresden, receiver, run_worker, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    with override_settings(WAGTAILFRONTENDCACHE=proxy_at(receiver)):
        with django_capture_on_commit_callbacks(execute=True):
            PageViewRestriction.objects.create(page=dresden, restriction_type="login")
        run_worker()
    assert "all" in purged_keys(receiver)


def test_cloudflare_is_purged_by_tags(
    dresden, receiver, run_worker, django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(
        "cms.api.purge.CLOUDFLARE_API",
        f"http://127.0.0.1:{receiver.port}/zones/{{zone}}/purge_cache",
    )
    cloudflare = {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": "token",
            "ZONEID": "zone-1",
        }
    }
    with override_settings(WAGTAILFRONTENDCACHE=cloudflare):
        dresden.title = "Dresden"
        with django_capture_on_commit_callbacks(execute=True):
            dresden.save_revision().publish()
        run_worker()
    calls = [r for r in receiver.requests if r.path == "/zones/zone-1/purge_cache"]
    assert calls and all(r.headers["Authorization"] == "Bearer token" for r in calls)
    tags = {tag for call in calls for tag in json.loads(call.body)["tags"]}
    assert {f"p{dresden.pk}", "l"} <= tags


def test_without_a_configured_cache_nothing_is_queued(
    partner_index, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    partner = PartnerPageFactory.build()
    partner_index.add_child(instance=partner)
    with django_capture_on_commit_callbacks(execute=True):
        partner.save_revision().publish()
    assert not DBTaskResult.objects.exists()
