"""A request served while a change is being committed must not keep the old content cached.

Another process answering a request between the change and its commit still reads the old
rows. Each test makes that request's cache write happen inside the open transaction (with the
response it would have read, the old one), then commits, and asks again.
"""

import json

import pytest
from django.db import transaction
from django.http import HttpResponse
from django.test import RequestFactory

from cms.api.cache import APIResponseCacheMiddleware

# serialized_rollback: the flush after each test would take the root page Wagtail migrates in.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

LISTING = "/api/v2/pages/?type=partners.PartnerPage"


def titles(body: bytes) -> list[str]:
    return [item["title"] for item in json.loads(body)["items"]]


def serve_old_listing_through_the_middleware(old):
    """A concurrent request: it reads the old rows, and the middleware stores what it got."""

    def view_reading_the_old_rows(request):
        return HttpResponse(old.content, content_type=old["Content-Type"])

    APIResponseCacheMiddleware(view_reading_the_old_rows)(RequestFactory().get(LISTING))


def test_a_listing_cached_during_a_delete_is_not_served_after_it(client, dresden):
    old = client.get(LISTING)
    assert titles(old.content) == ["City of Dresden - Landeshauptstadt Dresden (LHD)"]
    with transaction.atomic():
        dresden.delete()
        serve_old_listing_through_the_middleware(old)
    assert titles(client.get(LISTING).content) == []


def test_a_listing_cached_during_an_unpublish_is_not_served_after_it(client, dresden):
    old = client.get(LISTING)
    with transaction.atomic():
        dresden.unpublish()
        serve_old_listing_through_the_middleware(old)
    assert titles(client.get(LISTING).content) == []
    assert client.get(f"/api/v2/pages/{dresden.pk}/").status_code == 404
