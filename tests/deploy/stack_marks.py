"""When the tests that run the native stack through Varnish and Redis can run."""

import os

import pytest
import redis

from deploy.native_stack import varnishd


def redis_is_up(url: str) -> bool:
    try:
        return redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError:
        return False


def native_stack_with_redis(redis_url: str) -> list:
    """Skip marks: Varnish with xkey missing, no Redis at ``redis_url``, or a PostgreSQL pass."""
    return [
        pytest.mark.skipif(
            varnishd() is None,
            reason="varnishd or its xkey vmod is missing (apt-get install varnish varnish-modules)",
        ),
        pytest.mark.skipif(not redis_is_up(redis_url), reason=f"no Redis at {redis_url}"),
        # The stack brings its own database; the suite's PostgreSQL pass in CI would only
        # repeat this on SQLite, and deploy/smoke.py runs the stack on PostgreSQL there instead.
        pytest.mark.skipif(
            bool(os.environ.get("DATABASE_URL")), reason="runs once, in the SQLite pass"
        ),
    ]
