"""Purge by cache key when content changes: the CMS's response cache, Varnish and Cloudflare.

Every API response names the objects it was built from (``cms/api/cache_tags.py``); a change
purges the keys of what it changed, so every response showing it — a listing with any query
string included — is fresh on the next request, and the rest stays cached.

- The CMS's own response cache is purged in the process that made the change, once the change
  has committed (``cms.api.cache.purge_keys_on_commit``).
- Caches in front are purged from the background queue, so that a slow CDN does not hold up the
  editor's publish: Varnish (``FRONTEND_CACHE_PURGE_URL``) by a ``PURGE`` request with an
  ``xkey`` header (``deploy/varnish/default.vcl``, the xkey vmod of Debian's varnish-modules),
  Cloudflare (``CLOUDFLARE_API_TOKEN``) by its purge-by-tags API.
- With ``API_CACHE_WARM``, the worker then asks the proxy again for the changed page's canonical
  URLs (its detail, ``find/`` by its path, its type's listing), so that the first visitor after
  a publish does not pay for the cold response.
"""

import json
import logging
import urllib.request
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.db import transaction
from django_tasks import task

from cms.api import cache_tags
from cms.api.affected import page_path
from cms.api.cache import invalidate_api_responses, purge_keys_on_commit

logger = logging.getLogger(__name__)

HTTP_BACKEND = "wagtail.contrib.frontend_cache.backends.HTTPBackend"
CLOUDFLARE_BACKEND = "wagtail.contrib.frontend_cache.backends.CloudflareBackend"
CLOUDFLARE_API = "https://api.cloudflare.com/client/v4/zones/{zone}/purge_cache"
# Cloudflare takes at most this many tags per purge request.
CLOUDFLARE_TAGS_PER_REQUEST = 30
TIMEOUT = 10


def purge_on_commit(keys, warm_urls=()) -> None:
    """Purge ``keys`` everywhere once the change commits; then fetch ``warm_urls`` again."""
    keys = sorted(set(keys))
    purge_keys_on_commit(keys)
    if settings.WAGTAILFRONTENDCACHE:
        transaction.on_commit(lambda: _enqueue(keys, list(warm_urls)), robust=True)


def purge_everything_on_commit(**_signal_kwargs) -> None:
    """For changes that reach every response (view restrictions, collections, locales …)."""
    invalidate_api_responses()
    if settings.WAGTAILFRONTENDCACHE:
        transaction.on_commit(lambda: _enqueue([cache_tags.ALL], []), robust=True)


def _enqueue(keys, warm_urls):
    purge_keys_in_front.using(backend=settings.BACKGROUND_TASK_BACKEND).enqueue(keys, warm_urls)


@task()
def purge_keys_in_front(keys: list[str], warm_urls: list[str]):
    """Purge ``keys`` from every cache in front of the CMS, then warm ``warm_urls``."""
    for name, config in settings.WAGTAILFRONTENDCACHE.items():
        try:
            if config["BACKEND"] == HTTP_BACKEND:
                purge_varnish(config["LOCATION"], keys)
            elif config["BACKEND"] == CLOUDFLARE_BACKEND:
                purge_cloudflare(config["ZONEID"], config["BEARER_TOKEN"], keys)
            else:
                logger.warning("Cache %s cannot purge by key; it keeps responses to max-age", name)
        except OSError:
            # The proxy's own TTL still bounds what it keeps; say so loudly, carry on.
            logger.exception("Purging %s of %s keys failed", name, len(keys))
    if settings.API_CACHE_WARM:
        warm(warm_urls)


def _http(url: str, method: str = "GET", headers: dict | None = None, data=None) -> bytes:
    # Only configured http(s) URLs come here: the proxy, Cloudflare's API, the public API.
    if urlsplit(url).scheme not in ("http", "https"):
        raise ValueError(f"not an HTTP URL: {url}")
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})  # noqa: S310
    with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
        return response.read()


def purge_varnish(location: str, keys: list[str]) -> None:
    """One PURGE naming every key: default.vcl hands the header to xkey.purge()."""
    host = urlsplit(settings.WAGTAILAPI_BASE_URL).netloc
    _http(location.rstrip("/") + "/", "PURGE", {"xkey": " ".join(keys), "Host": host})


def purge_cloudflare(zone: str, token: str, keys: list[str]) -> None:
    for start in range(0, len(keys), CLOUDFLARE_TAGS_PER_REQUEST):
        body = json.dumps({"tags": keys[start : start + CLOUDFLARE_TAGS_PER_REQUEST]}).encode()
        headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
        answer = json.loads(_http(CLOUDFLARE_API.format(zone=zone), "POST", headers, body) or b"{}")
        if not answer.get("success", False):
            logger.error("Cloudflare refused a purge by tags: %s", answer.get("errors"))


def warm(urls: list[str]) -> None:
    """Ask the public URLs again, so the caches hold the new responses before a visitor asks."""
    for url in urls:
        try:
            _http(url)
        except (OSError, ValueError) as error:
            logger.info("Warming %s failed: %s", url, error)


def canonical_urls(page) -> list[str]:
    """The URLs a frontend asks first for ``page``: its detail, ``find/`` by its path, and its
    type's listing in its language (as docs/frontend.md recommends), absolute on the public host."""
    base = settings.WAGTAILAPI_BASE_URL.rstrip("/") + "/api/v2/pages/"
    language = page.locale.language_code
    urls = [f"{base}{page.pk}/"]
    path = page_path(page)
    if path:
        urls.append(f"{base}find/?" + urlencode({"html_path": path}, safe="/"))
    label = page.specific_class._meta.label if page.specific_class else "wagtailcore.Page"
    for query in (
        {"type": label, "locale": language},
        {"type": label, "fields": "*", "locale": language},
    ):
        urls.append(f"{base}?" + urlencode(query, safe="*"))
    return urls
