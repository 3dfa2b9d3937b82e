"""When a dependency fails: the API keeps its JSON manners and serves what it still can."""

from unittest import mock

import pytest
from django.db import OperationalError

from tests.operations.test_health import UNREACHABLE_REDIS

pytestmark = pytest.mark.django_db


def test_without_redis_the_api_serves_from_the_database(client, settings, dresden):
    settings.CACHES = UNREACHABLE_REDIS
    detail = client.get(f"/api/v2/pages/{dresden.pk}/")
    assert detail.status_code == 200
    assert detail.json()["title"] == dresden.title
    listing = client.get("/api/v2/pages/?type=partners.PartnerPage&fields=*")
    assert listing.status_code == 200
    # Publishing still works (the invalidation cannot reach Redis and is skipped).
    dresden.title = "Dresden"
    dresden.save_revision().publish()
    assert client.get(f"/api/v2/pages/{dresden.pk}/").json()["title"] == "Dresden"


def test_a_lost_database_is_a_json_503_without_a_traceback(client, dresden):
    client.raise_request_exception = False
    lost = OperationalError('connection to server at "db.internal" failed: password=hunter2')
    with mock.patch("cms.api.views.PagesEndpoint.get_object", side_effect=lost):
        response = client.get(f"/api/v2/pages/{dresden.pk}/")
    assert response.status_code == 503
    assert response.json() == {"message": "The database is unavailable; try again shortly."}
    assert response["Retry-After"] == "10"
    assert response["Cache-Control"] == "no-store"
    assert b"hunter2" not in response.content and b"Traceback" not in response.content
    # The next request, with the database back, is served normally.
    assert client.get(f"/api/v2/pages/{dresden.pk}/").status_code == 200


def test_any_other_server_error_in_the_api_is_json_too(client, dresden):
    client.raise_request_exception = False
    with mock.patch("cms.api.views.PagesEndpoint.get_object", side_effect=RuntimeError("bug")):
        response = client.get(f"/api/v2/pages/{dresden.pk}/")
    assert response.status_code == 500
    assert response.json() == {"message": "Internal server error."}
