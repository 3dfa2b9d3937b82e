"""Health probes for load balancers and orchestrators: /healthz and /readyz.

``/healthz``: the process answers (touches neither database nor cache).
``/readyz``: the database answers a query and the cache a write and read; a 503 names which
does not. Both are served by a middleware placed first, before host validation (probes come
with the container's IP as Host), the HTTPS redirect, sessions and the response cache, so they
stay cheap and are never cached.

Not django-health-check: its checks are views reached through the URL configuration, after the
middleware that refuses a probe with the container's IP as Host or redirects it to HTTPS, and
they answer in a report of their own, not the ``{"status", "checks"}`` JSON /readyz gives here.
"""

import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import JsonResponse

logger = logging.getLogger(__name__)

HEALTH_PATHS = {"/healthz", "/healthz/", "/readyz", "/readyz/"}


def probe_response(body: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response


def database_ok() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        logger.warning("Readiness check: the database does not answer", exc_info=True)
        return False


def cache_ok() -> bool:
    # django-redis is configured to swallow connection errors (the site keeps serving without
    # Redis), so an unreachable cache shows as a value that does not come back.
    key, value = f"readyz:{uuid.uuid4().hex}", uuid.uuid4().hex
    try:
        cache.set(key, value, timeout=10)
        answered = cache.get(key) == value
        cache.delete(key)
    except Exception:  # any backend's connection error: the probe must answer, not raise
        logger.warning("Readiness check: the cache does not answer", exc_info=True)
        return False
    if not answered:
        logger.warning("Readiness check: the cache did not keep a value")
    return answered


def readiness() -> JsonResponse:
    checks = {
        "database": "ok" if database_ok() else "unavailable",
        "cache": "ok" if cache_ok() else "unavailable",
    }
    ready = all(state == "ok" for state in checks.values())
    return probe_response(
        {"status": "ok" if ready else "unavailable", "checks": checks},
        status=200 if ready else 503,
    )


class HealthCheckMiddleware:
    """Answer /healthz and /readyz before anything else runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info not in HEALTH_PATHS:
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            response = probe_response({"message": "Use GET or HEAD."}, status=405)
            response["Allow"] = "GET, HEAD"
            return response
        if request.path_info.startswith("/healthz"):
            return probe_response({"status": "ok"})
        return readiness()
