"""Redis paused or answering errors: requests stay quick, /readyz says so, no change is lost.

Each test runs its own ``redis-server`` (tests/security/conftest.py) with the production cache
options, and pauses it (SIGSTOP), makes it refuse writes, and resumes it.
"""

import signal
import time
from contextlib import contextmanager

import pytest
from django.conf import settings

from operations.redis_pool import SKIP_SECONDS
from tests.publishing import publish

pytestmark = pytest.mark.django_db

LISTING = "/api/v2/pages/?type=partners.PartnerPage"


class StillWaiting(BaseException):  # noqa: N818 - reads as what happened
    """Not an Exception: no ``except Exception`` on the way (the probe, on_commit) hides it."""


@contextmanager
def at_most(seconds: float):
    """Fail, rather than hang, when the block takes longer than ``seconds``."""

    def give_up(_signum, _frame):
        raise StillWaiting(f"still waiting after {seconds} s")

    previous = signal.signal(signal.SIGALRM, give_up)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def titles(client) -> list[str]:
    return [item["title"] for item in client.get(LISTING).json()["items"]]


def test_a_paused_redis_costs_a_request_at_most_a_second(client, redis_cache_on, dresden):
    titles(client)  # stored in Redis
    redis_cache_on.pause()
    try:
        for _ in range(5):
            with at_most(1.5):
                assert titles(client) == [dresden.title]
        with at_most(1.5):
            response = client.get(f"/api/v2/pages/{dresden.pk}/")
        assert response.status_code == 200
    finally:
        redis_cache_on.resume()


def test_readyz_names_a_paused_cache_quickly(client, redis_cache_on):
    redis_cache_on.pause()
    try:
        with at_most(2):
            response = client.get("/readyz")
    finally:
        redis_cache_on.resume()
    assert response.status_code == 503
    assert response.json() == {
        "status": "unavailable",
        "checks": {"database": "ok", "cache": "unavailable"},
    }
    time.sleep(SKIP_SECONDS)  # the pause after a failure ends; Redis is asked again
    assert client.get("/readyz").json()["checks"]["cache"] == "ok"


def wait_for_the_retry(attempt: int):
    time.sleep(settings.INVALIDATION_RETRY_DELAY * 2 ** (attempt - 1))


def test_a_change_published_while_redis_refuses_writes_shows_once_it_recovers(
    client, redis_cache_on, dresden, run_worker
):
    assert titles(client) == [dresden.title]
    redis_cache_on.refuse_writes()
    dresden.title = "Landeshauptstadt Dresden"
    publish(dresden)
    wait_for_the_retry(1)
    run_worker()  # the first retry, while Redis still refuses: another is queued
    redis_cache_on.accept_writes()
    wait_for_the_retry(2)
    run_worker()
    assert titles(client) == ["Landeshauptstadt Dresden"]


def test_a_change_published_while_redis_is_paused_shows_once_it_resumes(
    client, redis_cache_on, dresden, run_worker
):
    assert titles(client) == [dresden.title]
    redis_cache_on.pause()
    try:
        with at_most(3):
            dresden.unpublish()
    finally:
        redis_cache_on.resume()
    time.sleep(max(SKIP_SECONDS, settings.INVALIDATION_RETRY_DELAY))
    run_worker()
    assert titles(client) == []
