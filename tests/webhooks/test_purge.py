"""A caching proxy in front of the API hears of every API URL a publish changes."""

import pytest
from django.test import override_settings

from tests.partners.factories import PartnerPageFactory

pytestmark = pytest.mark.django_db


def test_a_publish_purges_detail_listings_find_and_site(
    partner_index, receiver, run_worker, django_capture_on_commit_callbacks
):
    proxy = {
        "proxy": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{receiver.port}",
        }
    }
    with override_settings(WAGTAILFRONTENDCACHE=proxy):
        partner = PartnerPageFactory.build(title="Kyiv", slug="kyiv")
        partner_index.add_child(instance=partner)
        with django_capture_on_commit_callbacks(execute=True):
            partner.save_revision().publish()
        run_worker()

    purged = {request.path for request in receiver.requests if request.method == "PURGE"}
    assert {
        f"/api/v2/pages/{partner.pk}/",
        "/api/v2/pages/?type=partners.PartnerPage&locale=en",
        "/api/v2/pages/?type=partners.PartnerPage&fields=*&locale=en",
        "/api/v2/pages/?type=partners.PartnerPage",
        "/api/v2/pages/?type=partners.PartnerPage&fields=*",
        f"/api/v2/pages/?child_of={partner_index.pk}",
        "/api/v2/pages/find/?html_path=/en/partners/kyiv/",
        "/api/v2/pages/find/?html_path=/partners/kyiv/&locale=en",
        "/api/v2/site/?locale=en",
        "/api/v2/site/",
    } <= purged
    # Sent to the proxy with the API's public host, as a CDN expects.
    api_hosts = {r.headers["Host"] for r in receiver.requests if r.path.startswith("/api/")}
    assert api_hosts == {"testserver"}


def test_without_a_configured_cache_nothing_is_queued(
    partner_index, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    partner = PartnerPageFactory.build()
    partner_index.add_child(instance=partner)
    with django_capture_on_commit_callbacks(execute=True):
        partner.save_revision().publish()
    assert not DBTaskResult.objects.exists()
