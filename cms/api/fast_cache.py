"""Cache hits of the public API answered before Django handles the request at all.

``APIResponseCacheMiddleware`` (``cms/api/cache.py``) decides what may be shared and keeps the
generation that every publish bumps. A hit through it still costs Django's request object,
the middleware chain and two cache reads. This WSGI wrapper keeps, next to it, the *complete*
response Django sent — status, every header the middleware stack added (CORS, security, ETag),
body — under a key of everything the response depends on, and replays it with one cache round
trip (``get_many`` of the entry and the current generation) and a second for the purges of
its cache keys (``cache.is_fresh``). An entry made under an older generation, or built before
one of its keys was purged, is ignored, so a publish is visible on the very next request, in
every process.

Entries are keyed like the middleware's (``normalised_query``): every spelling of one query
shares one entry. Only responses the middleware marked shareable (``Cache-Control: public``) to
a GET are kept, and never one that sets a cookie. Entries are made only after Django answered
the request, so a host Django would reject (ALLOWED_HOSTS) never has an entry to be served from.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.core.handlers.wsgi import get_bytes_from_wsgi
from django.http import QueryDict

from . import cache_tags
from .cache import (
    API_PREFIX,
    CACHEABLE_STATUSES,
    GENERATION_KEY,
    is_fresh,
    matches_if_none_match,
    normalised_query,
    purge_clock,
)

# Headers a 304 repeats: what identifies and governs the cached copy (RFC 9110, 15.4.5), and
# CORS, so that a browser accepts the 304 for a cross-origin fetch.
NOT_MODIFIED_HEADERS = {
    "etag",
    "cache-control",
    "vary",
    "expires",
    "content-location",
    "access-control-allow-origin",
    "access-control-allow-credentials",
    "access-control-expose-headers",
}


def request_host(environ) -> str:
    """The host as Django's HttpRequest.get_host() reads it, before validating it."""
    if settings.USE_X_FORWARDED_HOST and "HTTP_X_FORWARDED_HOST" in environ:
        return environ["HTTP_X_FORWARDED_HOST"]
    if "HTTP_HOST" in environ:
        return environ["HTTP_HOST"]
    return f"{environ['SERVER_NAME']}:{environ['SERVER_PORT']}"


def request_scheme(environ) -> str:
    header, secure_value = settings.SECURE_PROXY_SSL_HEADER or (None, None)
    if header and header in environ:
        return "https" if environ[header].split(",")[0].strip() == secure_value else "http"
    return environ.get("wsgi.url_scheme", "http")


def entry_key(environ) -> str:
    identity = "\n".join(
        [
            request_scheme(environ),
            request_host(environ),
            environ.get("SCRIPT_NAME", "") + environ.get("PATH_INFO", ""),
            # Decoded and in a fixed order, as the middleware keys it: spellings share an entry.
            normalised_query(QueryDict(get_bytes_from_wsgi(environ, "QUERY_STRING", ""))),
            environ.get("HTTP_ACCEPT", ""),
            environ.get("HTTP_ORIGIN", ""),  # CORS headers differ per origin
        ]
    )
    return "api-wsgi:" + hashlib.sha256(identity.encode("latin-1", "replace")).hexdigest()


def _shareable(status: str, headers: list) -> bool:
    code = status.split(" ", 1)[0]
    if not code.isdigit() or int(code) not in CACHEABLE_STATUSES:
        return False
    names = {name.lower(): value for name, value in headers}
    return (
        "public" in names.get("cache-control", "")
        and "etag" in names
        and "set-cookie" not in names
        and "cookie" not in names.get("vary", "").lower()
    )


class CachedAPIResponses:
    """WSGI middleware: replay stored API responses, store the ones Django marks shareable."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        method = environ.get("REQUEST_METHOD")
        if (
            method not in ("GET", "HEAD")
            or not environ.get("PATH_INFO", "").startswith(API_PREFIX)
            or not settings.API_CACHE_ENABLED
        ):
            return self.application(environ, start_response)

        key = entry_key(environ)
        found = cache.get_many([GENERATION_KEY, key])
        entry = found.get(key)
        generation = found.get(GENERATION_KEY)
        if (
            entry is not None
            and generation is not None
            and entry["generation"] == generation
            and is_fresh(entry["tags"], entry["built_at"])
        ):
            return self._replay(entry, environ, start_response, head=method == "HEAD")
        if method == "HEAD":
            return self.application(environ, start_response)
        return self._respond_and_keep(key, environ, start_response)

    def _replay(self, entry, environ, start_response, head: bool):
        if matches_if_none_match(environ.get("HTTP_IF_NONE_MATCH", ""), entry["etag"]):
            headers = [(n, v) for n, v in entry["headers"] if n.lower() in NOT_MODIFIED_HEADERS]
            start_response("304 Not Modified", headers)
            return [b""]
        start_response(entry["status"], entry["headers"])
        return [b""] if head else [entry["body"]]

    def _respond_and_keep(self, key, environ, start_response):
        captured = {}

        def capture(status, headers, exc_info=None):
            captured["status"], captured["headers"] = status, headers
            return start_response(status, headers, exc_info)

        # The generation before Django runs: a publish during the request makes this entry
        # stale rather than letting an older body pass for the new generation.
        generation = cache.get(GENERATION_KEY)
        built_at = purge_clock()  # likewise for a purge by key
        response = self.application(environ, capture)
        status, headers = captured.get("status", ""), captured.get("headers", [])
        if generation is None or built_at is None or not _shareable(status, headers):
            return response
        if getattr(response, "streaming", True):
            return response  # streamed bodies pass through untouched
        body = response.content
        # Closing the response ends the request for Django (request_finished: connections
        # are released), which the server would otherwise do when it closes what we return.
        response.close()
        etag = next(value for name, value in headers if name.lower() == "etag")
        entry = {
            "generation": generation,
            "status": status,
            "headers": list(headers),
            "body": body,
            "etag": etag,
            "tags": sorted(cache_tags.keys_in_headers(headers)),
            "built_at": built_at,
        }
        cache.set(key, entry, timeout=settings.API_CACHE_TIMEOUT)
        return [body]
