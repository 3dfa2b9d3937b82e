"""Delivery of API responses: a shared response cache, ETags and 304s.

Every successful GET under /api/ is stored in the default cache (Redis when ``REDIS_URL`` is
set, process memory otherwise) under a key that includes a *generation* number. Publishing,
unpublishing, moving or deleting a page, changing a view restriction or the site content bumps
the generation (see ``cms/api/invalidation.py``), so every stored response goes stale at once
and the very next request sees the change. Cache hits skip sessions, authentication and the
view, and carry the headers those layers set on the stored response, so a hit is the same bytes
as the response it was stored from. This is the only response cache in the process: a Varnish or CDN
in front (``deploy/varnish/``) is what answers cached responses without reaching Django.

**After the commit.** The generation is bumped once the change's transaction has committed, not
when the signal fires inside it: a request served in between still reads the old rows, and had
the bump come first, it would store them under the new generation for a day.

**When Redis does not take the bump** (it answers errors, is paused or away): the bump is
retried from the background queue (``manage.py db_worker``), after ``INVALIDATION_RETRY_DELAY``
seconds and then doubling up to ``INVALIDATION_RETRY_MAX_DELAY``, until Redis takes it — so once
Redis is back, stale responses outlive the outage by at most that delay. A retry waiting in the
queue covers every change before it, so one is enough; retries stop once ``API_CACHE_TIMEOUT``
has passed since the first failure, by when every response stored before it has expired. While
Redis is away nothing is read from it, so the API serves fresh responses from the database.

**Keys.** A response depends on the query as the API reads it, not on how it is spelled:
``normalised_query`` decodes it, sorts the parameters, writes integers plainly and drops
parameters given their default value, so the spellings of one listing share one entry. Keys are
hashes of fixed length. Redis itself is bounded (``maxmemory`` with ``allkeys-lru``, see
docs/operators.md), so distinct queries in bulk evict old entries rather than fill the memory.

**Tags.** Each stored response keeps the cache keys it was built from (``cache_tags``) and the
value of a purge clock read before it was built. A change to a page, an image or the site
content purges by key (``purge_keys``): it advances the clock and records the new value under
each key, and a stored response any of whose keys was purged after it was built is stale — so
only the responses that show the changed objects are rebuilt. Changes that reach everything
(view restrictions, collections, locales, sites) start a new generation instead. A purge the
cache does not take falls back to the generation's retry below, which covers it.

Note: without Redis the cache lives in each process; run several processes only with Redis.
"""

import hashlib
import logging
import time
from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse, HttpResponseNotModified, QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from . import cache_tags
from .validation import NON_NEGATIVE_INTEGERS, PAGE_IDS

logger = logging.getLogger(__name__)

GENERATION_KEY = "api-response-generation"
PURGE_CLOCK_KEY = "api-purge-clock"
PURGED_AT_PREFIX = "api-purged-at:"
API_PREFIX = "/api/"
# Page content, and find/'s redirect to it.
CACHEABLE_STATUSES = {200, 302}
INTEGER_PARAMETERS = NON_NEGATIVE_INTEGERS | PAGE_IDS


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


def _new_clock_series() -> int:
    # Microseconds: a restarted clock starts above the old one's values, and stays below 2**53,
    # where django-redis's incr (a Lua script: numbers are doubles there) would round it.
    return time.time_ns() // 1000


def purge_clock() -> int | None:
    """The purge clock now: read before a response is built, kept with it. None when the
    cache is away (nothing is stored then)."""
    try:
        clock = cache.get(PURGE_CLOCK_KEY)
        if clock is None:
            cache.add(PURGE_CLOCK_KEY, _new_clock_series(), timeout=None)
            clock = cache.get(PURGE_CLOCK_KEY)
        return clock
    except Exception:
        logger.warning("The cache did not answer for the purge clock", exc_info=True)
        return None


def purged_at_key(key: str) -> str:
    return PURGED_AT_PREFIX + key


def purge_keys(keys) -> bool:
    """Make stale every stored response built from any of ``keys``; False when the cache
    did not take it. Call it after the change has committed (``purge_keys_on_commit``)."""
    keys = set(keys)
    if not keys:
        return True
    try:
        try:
            clock = cache.incr(PURGE_CLOCK_KEY)
        except ValueError:  # no clock yet (flushed, evicted): a new series beats the old one
            cache.add(PURGE_CLOCK_KEY, _new_clock_series(), timeout=None)
            clock = cache.get(PURGE_CLOCK_KEY)
        if clock is None:
            return False
        # Kept as long as a response built before the purge can be stored.
        failed = cache.set_many(
            {purged_at_key(key): clock for key in keys}, timeout=settings.API_CACHE_TIMEOUT
        )
        return not failed
    except Exception:
        logger.warning("The cache refused a purge by key", exc_info=True)
        return False


def purge_keys_on_commit(keys) -> None:
    """Purge ``keys`` from the response cache once the change commits (or now, outside a
    transaction); when the cache does not take it, every response goes stale instead."""
    keys = set(keys)

    def purge():
        if not purge_keys(keys):
            make_api_responses_stale()

    transaction.on_commit(purge, robust=True)


def is_fresh(keys, built_at: int | None) -> bool:
    """Whether a response built at purge clock ``built_at`` from ``keys`` is still current."""
    if built_at is None:
        return False
    purged = cache.get_many([purged_at_key(key) for key in keys])
    return all(clock <= built_at for clock in purged.values())


def invalidate_api_responses(**_signal_kwargs) -> None:
    """Make every cached API response stale once the change is committed. Safe from any signal.

    Outside a transaction (autocommit) that is at once; a rolled-back change changes nothing.
    """
    transaction.on_commit(make_api_responses_stale, robust=True)


def make_api_responses_stale() -> None:
    if not bump_generation():
        logger.warning("The cache did not take an invalidation; retrying it in the background")
        retry_later(first_failure=timezone.now())


def bump_generation() -> bool:
    """Start a new generation; False when the cache did not take it.

    django-redis, told to ignore Redis's failures, answers a failed call with None; local
    memory never fails.
    """
    try:
        try:
            return cache.incr(GENERATION_KEY) is not None
        except ValueError:  # no generation yet: flushed, evicted, a Redis restarted empty
            return cache.add(GENERATION_KEY, _new_series(), timeout=None) is not None
    except Exception:  # a cache configured to raise: the same failure, said louder
        logger.warning("The cache refused an invalidation", exc_info=True)
        return False


def retry_later(first_failure, attempt: int = 1) -> None:
    """Queue another try at the invalidation, unless one is waiting already (it covers this)."""
    waiting = DBTaskResult.objects.filter(
        task_path=retry_invalidation.module_path, status=TaskResultStatus.READY
    )
    if attempt == 1 and waiting.exists():
        return
    delay = min(
        settings.INVALIDATION_RETRY_DELAY * 2 ** (attempt - 1),
        settings.INVALIDATION_RETRY_MAX_DELAY,
    )
    retry_invalidation.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
        first_failure.isoformat(), attempt
    )


@task(backend=settings.BACKGROUND_TASK_BACKEND)
def retry_invalidation(first_failure: str, attempt: int):
    """Bump the generation for a change whose invalidation the cache did not take."""
    if bump_generation():
        logger.info("Invalidation taken by the cache after %s retries", attempt)
        return
    started = parse_datetime(first_failure)
    if timezone.now() - started > timedelta(seconds=settings.API_CACHE_TIMEOUT):
        logger.warning("Invalidation given up: every response stored before it has expired")
        return
    retry_later(started, attempt + 1)


def _default_values() -> dict[str, str]:
    # Wagtail's pagination: 20 items unless WAGTAILAPI_LIMIT_MAX is lower, from the start.
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
    return {"limit": str(min(20, limit_max) if limit_max else 20), "offset": "0"}


def _plain_integer(raw: str) -> str:
    # "007", "٧" and "7" are one number to the API (int() reads them all alike).
    try:
        return str(int(raw)) if raw.isdigit() else raw
    except ValueError:
        return raw


def normalised_query(query: QueryDict) -> str:
    """The query string as the API reads it: one spelling for each meaning.

    Decoded (``%74ype`` is ``type``), parameters in name order (repeated ones keep their own
    order, which decides their meaning), integers without leading zeros, and a parameter
    given its default value (``limit=20``, ``offset=0``) left out.
    """
    defaults = _default_values()
    pairs = []
    for name in sorted(query):
        values = query.getlist(name)
        if name in INTEGER_PARAMETERS:
            values = [_plain_integer(value) for value in values]
        if values == [defaults.get(name)]:
            continue
        pairs.extend((name, value) for value in values)
    return urlencode(pairs)


def _response_key(request, generation: int) -> str:
    # The scheme too: image URLs in the body are absolute (http:// or https://).
    identity = "\n".join(
        [
            request.scheme,
            request.get_host(),
            request.path,
            normalised_query(request.GET),
            request.META.get("HTTP_ACCEPT", ""),
        ]
    )
    digest = hashlib.sha256(identity.encode()).hexdigest()
    # "v2": entries with their headers; processes of an older release, running beside this one
    # during a deploy, keep to entries of their own shape.
    return f"api-response:v2:{generation}:{digest}"


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
        if stored is not None and not is_fresh(stored["tags"], stored["built_at"]):
            stored = None
        if stored is None:
            built_at = purge_clock() if enabled else None
            with cache_tags.collecting() as tags:
                response = self.get_response(request)
            if tags == {cache_tags.ALL}:
                # A view that names no object (a new endpoint, say) is not left to the next
                # global change: it goes whenever any page changes, like a listing of any type.
                tags.add(cache_tags.LISTINGS)
            if "no-store" in response.get("Cache-Control", ""):
                return response  # a draft preview: the view said no cache may keep it
            if response.status_code not in CACHEABLE_STATUSES or response.streaming:
                response["Cache-Control"] = "no-cache"
                return response
            location = response.get("Location", "")
            stored = {
                "status": response.status_code,
                "content": response.content,
                # Everything the view and the middleware below this one set (Content-Type,
                # Content-Length, Location, X-Frame-Options, ...), in their order: a hit
                # repeats them. Cookies are not headers here, and are never kept.
                "headers": dict(response.items()),
                "etag": _etag_for(response.content + location.encode()),
                "tags": sorted(tags),
                "built_at": built_at,
            }
            if enabled and built_at is not None:
                cache.set(key, stored, timeout=settings.API_CACHE_TIMEOUT)
        else:
            response = HttpResponse(
                stored["content"], status=stored["status"], headers=stored["headers"]
            )

        if matches_if_none_match(request.META.get("HTTP_IF_NONE_MATCH", ""), stored["etag"]):
            response = HttpResponseNotModified()
        response["ETag"] = stored["etag"]
        for name, value in cache_tags.headers_for(stored["tags"]).items():
            response[name] = value
        response["Cache-Control"] = f"public, max-age={settings.API_CACHE_MAX_AGE}"
        # The body depends on the Accept header (and CORS headers on Origin), never on cookies:
        # the API shows everyone the same public content.
        response["Vary"] = "Accept, Origin"
        return response
