"""Delivery of API responses: a shared response cache, ETags and 304s.

Every successful GET under /api/ is stored in the default cache (Redis when ``REDIS_URL`` is
set, process memory otherwise) under a key that includes a *generation* number. Publishing,
unpublishing, moving or deleting a page, changing a view restriction or the site content bumps
the generation (see ``cms/signals.py``), so every stored response goes stale at once and the
very next request sees the change. Cache hits skip sessions, authentication and the view;
``cms/api/fast_cache.py`` answers them before Django when the app runs under WSGI.

Note: without Redis the cache lives in each process; run several processes only with Redis.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified

GENERATION_KEY = "api-response-generation"
API_PREFIX = "/api/"
# Page content, and find/'s redirect to it.
CACHEABLE_STATUSES = {200, 302}


def _new_series() -> int:
    # If the generation key is lost (flush, eviction, restart) while stored responses survive,
    # a restarted counter must not meet their numbers again: start from the clock instead.
    return time.time_ns()


def current_generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, _new_series(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    return generation if generation is not None else _new_series()


def invalidate_api_responses(**_signal_kwargs) -> None:
    """Make every cached API response stale. Safe to call from any signal."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _new_series(), timeout=None)


def _response_key(request, generation: int) -> str:
    # The scheme too: image URLs in the body are absolute (http:// or https://).
    identity = "\n".join(
        [
            request.scheme,
            request.get_host(),
            request.get_full_path(),
            request.META.get("HTTP_ACCEPT", ""),
        ]
    )
    return f"api-response:{generation}:{hashlib.sha256(identity.encode()).hexdigest()}"


def _etag_for(content: bytes) -> str:
    return '"' + hashlib.blake2b(content, digest_size=16).hexdigest() + '"'


def matches_if_none_match(if_none_match: str, etag: str) -> bool:
    candidates = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return etag in candidates or "*" in candidates


class APIResponseCacheMiddleware:
    """Serve API GETs from the shared cache, and answer If-None-Match with 304."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)

        enabled = settings.API_CACHE_ENABLED
        key = _response_key(request, current_generation()) if enabled else None
        stored = cache.get(key) if enabled else None
        if stored is None:
            response = self.get_response(request)
            if "no-store" in response.get("Cache-Control", ""):
                return response  # a draft preview: the view said no cache may keep it
            if response.status_code not in CACHEABLE_STATUSES or response.streaming:
                response["Cache-Control"] = "no-cache"
                return response
            location = response.get("Location", "")
            stored = {
                "status": response.status_code,
                "content": response.content,
                "content_type": response.get("Content-Type", "application/json"),
                "location": location,
                "etag": _etag_for(response.content + location.encode()),
            }
            if enabled:
                cache.set(key, stored, timeout=settings.API_CACHE_TIMEOUT)
        else:
            response = HttpResponse(
                stored["content"], content_type=stored["content_type"], status=stored["status"]
            )
            if stored["location"]:
                response["Location"] = stored["location"]

        if matches_if_none_match(request.META.get("HTTP_IF_NONE_MATCH", ""), stored["etag"]):
            response = HttpResponseNotModified()
        response["ETag"] = stored["etag"]
        response["Cache-Control"] = f"public, max-age={settings.API_CACHE_MAX_AGE}"
        # The body depends on the Accept header (and CORS headers on Origin), never on cookies:
        # the API shows everyone the same public content.
        response["Vary"] = "Accept, Origin"
        return response
