"""A Redis connection pool that stops asking a Redis which has just failed to answer.

The socket deadlines in ``cms/settings/caches.py`` bound one stalled call; but one API request
makes several cache calls (the stored response, the generation, Wagtail's own site lookup …), and
each would wait its full deadline again. Here, once connecting, sending or reading times out or
the connection breaks, every connection of this pool fails at once for ``SKIP_SECONDS``; then the
next call tries Redis again. So a stalled Redis costs each process one deadline every few seconds,
and requests in between are served from the database without waiting.

Redis's error *answers* (a refused write, out of memory) come back at once and are not counted:
Redis is answering. Configured by django-redis's ``CONNECTION_POOL_CLASS`` option.
"""

import logging
import time

from redis import Connection, ConnectionPool
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

SKIP_SECONDS = 2.0
_FAILURES = (RedisConnectionError, RedisTimeoutError)


class Pause:
    """When this process may ask Redis again, shared by the connections of one pool."""

    def __init__(self):
        self.until = 0.0

    def check(self):
        if time.monotonic() < self.until:
            raise RedisConnectionError("Redis failed a moment ago; not asking again yet")

    def begin(self, error: Exception):
        if time.monotonic() >= self.until:
            logger.warning("Redis does not answer (%s); skipping it for %s s", error, SKIP_SECONDS)
        self.until = time.monotonic() + SKIP_SECONDS


class GuardedConnectionMixin:
    """Fail fast while the pool's pause lasts; start a pause on a timeout or lost connection."""

    pause: Pause

    def connect_check_health(self, *args, **kwargs):
        self.pause.check()
        return self._guarded(super().connect_check_health, *args, **kwargs)

    def send_packed_command(self, *args, **kwargs):
        self.pause.check()
        return self._guarded(super().send_packed_command, *args, **kwargs)

    def read_response(self, *args, **kwargs):
        return self._guarded(super().read_response, *args, **kwargs)

    def _guarded(self, call, *args, **kwargs):
        try:
            return call(*args, **kwargs)
        except _FAILURES as error:
            self.pause.begin(error)
            raise


class GuardedConnectionPool(ConnectionPool):
    """redis-py's pool, its connection class (TCP, TLS or Unix socket) wrapped in the guard."""

    def __init__(self, connection_class=Connection, **kwargs):
        base = connection_class
        self.pause = Pause()
        guarded = type(
            f"Guarded{base.__name__}", (GuardedConnectionMixin, base), {"pause": self.pause}
        )
        super().__init__(connection_class=guarded, **kwargs)
