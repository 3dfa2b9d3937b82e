"""When a dependency fails: the API keeps its JSON manners and serves what it still can."""

from unittest import mock

import pytest
from django.db import OperationalError

from tests.cms.test_health import UNREACHABLE_REDIS
from tests.partners.factories import PartnerPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(partner_index):
    page = PartnerPageFactory(parent=partner_index, title="City of Dresden")
    page.save_revision().publish()
    return page


def test_without_redis_the_api_serves_from_the_database(client, settings, partner):
    settings.CACHES = UNREACHABLE_REDIS
    detail = client.get(f"/api/v2/pages/{partner.pk}/")
    assert detail.status_code == 200
    assert detail.json()["title"] == "City of Dresden"
    listing = client.get("/api/v2/pages/?type=partners.PartnerPage&fields=*")
    assert listing.status_code == 200
    # Publishing still works (the invalidation cannot reach Redis and is skipped).
    partner.title = "Dresden"
    partner.save_revision().publish()
    assert client.get(f"/api/v2/pages/{partner.pk}/").json()["title"] == "Dresden"


def test_a_lost_database_is_a_json_503_without_a_traceback(client, partner):
    client.raise_request_exception = False
    lost = OperationalError('connection to server at "db.internal" failed: password=hunter2')
    with mock.patch("cms.api.views.PagesEndpoint.get_object", side_effect=lost):
        response = client.get(f"/api/v2/pages/{partner.pk}/")
    assert response.status_code == 503
    assert response.json() == {"message": "The database is unavailable; try again shortly."}
    assert response["Retry-After"] == "10"
    assert response["Cache-Control"] == "no-store"
    assert b"hunter2" not in response.content and b"Traceback" not in response.content
    # The next request, with the database back, is served normally.
    assert client.get(f"/api/v2/pages/{partner.pk}/").status_code == 200


def test_any_other_server_error_in_the_api_is_json_too(client, partner):
    client.raise_request_exception = False
    with mock.patch("cms.api.views.PagesEndpoint.get_object", side_effect=RuntimeError("bug")):
        response = client.get(f"/api/v2/pages/{partner.pk}/")
    assert response.status_code == 500
    assert response.json() == {"message": "Internal server error."}
