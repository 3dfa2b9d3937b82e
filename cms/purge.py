"""Purge a CDN or caching proxy in front of the API when content changes.

``wagtail.contrib.frontend_cache`` does the talking to Varnish, nginx, Cloudflare …; by itself
it purges only a page's own URL on this host. Here every API URL a change affects is purged —
the detail, the listings of its type and locale, ``find/`` by its old and new path, ``site/``,
its translations and the partners that nest it (see ``cms/api/affected.py``).
"""

from django.conf import settings
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task
from wagtail.contrib.frontend_cache.utils import get_backends

from cms.events import ContentChange, content_changed


def purge_affected_api_urls(sender, change: ContentChange, **kwargs):
    if not get_backends():
        return
    # On the background queue: a slow CDN must not hold up the editor's publish.
    purge_urls_from_cache_task.using(backend=settings.BACKGROUND_TASK_BACKEND).enqueue(
        change.affected.absolute_api_urls()
    )


def connect():
    content_changed.connect(purge_affected_api_urls, dispatch_uid="purge-affected-api-urls")
