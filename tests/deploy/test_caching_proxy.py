"""Varnish in front of gunicorn: the public API is served from the proxy, and a publish purges it.

The stack runs as separate processes on a scratch SQLite file and Redis, as in production:
nothing here goes through the test client. CI runs the same stack on PostgreSQL too
(deploy/smoke.py).
"""

import pytest

from tests.deploy.stack_marks import native_stack_with_redis

# Several gunicorn workers and the process that publishes share the response cache only
# through Redis (without it each process keeps its own), as in production. demo_stack
# (conftest.py) runs this module's stack on this database.
REDIS_URL = "redis://127.0.0.1:6379/13"

pytestmark = [pytest.mark.slow, *native_stack_with_redis(REDIS_URL)]

RENAMED = "City of Dresden (renamed through the proxy test)"


def test_a_published_change_is_visible_through_the_proxy_on_the_next_request(demo_stack):
    dresden = demo_stack.shell(
        "from partners.models import PartnerPage; print(PartnerPage.objects.get("
        "slug='city-of-dresden', locale__language_code='en').pk)"
    )
    detail = f"/api/v2/pages/{dresden}/"
    listing = "/api/v2/pages/?type=partners.PartnerPage&fields=*&locale=en"
    for url in (detail, listing):
        # The first may be a HIT already: the worker warms what the demo's publishes changed.
        first, second = demo_stack.get(url), demo_stack.get(url)
        assert (first.status, second.status) == (200, 200)
        assert second.headers["X-Cache"] == "HIT"
        assert first.body == second.body

    demo_stack.shell(
        "from partners.models import PartnerPage; page = PartnerPage.objects.get("
        "slug='city-of-dresden', locale__language_code='en'); "
        f"page.title = {RENAMED!r}; page.save_revision().publish()"
    )
    demo_stack.wait_for_background_work()  # the worker has sent the purges, then warmed the detail

    changed = demo_stack.get(detail)
    assert changed.headers["X-Cache"] == "HIT"  # the new copy, fetched again after the purge
    assert changed.json()["title"] == RENAMED
    assert RENAMED in [item["title"] for item in demo_stack.get(listing).json()["items"]]


def test_the_admin_and_previews_are_never_cached(demo_stack):
    for path in ("/admin/login/", "/api/v2/page_preview/?content_type=x&token=y"):
        assert demo_stack.get(path).headers["X-Cache"] == "MISS"
        assert demo_stack.get(path).headers["X-Cache"] == "MISS"
    assert demo_stack.get("/admin/login/").status == 200


def test_a_cookie_does_not_keep_the_api_out_of_the_cache(demo_stack):
    demo_stack.get("/api/v2/site/?locale=en")
    with_session = demo_stack.get("/api/v2/site/?locale=en", headers={"Cookie": "sessionid=abc"})
    assert with_session.headers["X-Cache"] == "HIT"
