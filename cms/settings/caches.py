"""The Redis cache configuration, in one place for every environment and for the tests.

A cache must never cost more than it saves. A Redis that stalls (paused, swapping, a network
partition that drops packets) would otherwise hold every request for as long as the kernel keeps
the socket open, so connecting and every read have a deadline, and after a failure the process
leaves Redis alone for a moment (``operations/redis_pool.py``) instead of paying the deadline
again on each of a request's cache calls. Errors are ignored by the cache (a miss, a write that
did not happen): the site serves from the database. Where a lost write matters — the
invalidation on publish — ``cms/api/cache.py`` notices and retries it.
"""

# Seconds. Redis answers within a millisecond on a healthy network; these only bound a stall.
REDIS_CONNECT_TIMEOUT = 0.5
REDIS_READ_TIMEOUT = 0.5


def redis_cache(url: str) -> dict:
    """The ``CACHES["default"]`` entry for the Redis at ``url``."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "ucan",
        "OPTIONS": {
            "SOCKET_CONNECT_TIMEOUT": REDIS_CONNECT_TIMEOUT,
            "SOCKET_TIMEOUT": REDIS_READ_TIMEOUT,
            "CONNECTION_POOL_CLASS": "operations.redis_pool.GuardedConnectionPool",
            # With Redis away the site keeps serving from the database.
            "IGNORE_EXCEPTIONS": True,
        },
    }
