"""The public API: Wagtail API v2 mounted at /api/v2/, extended for a headless frontend.

``router`` holds the endpoints, ``views`` the viewsets, ``querysets`` the pages the public may
see, ``filters`` the query filters beyond Wagtail's, ``validation`` the query parameter checks,
``pagination`` the pages of results, ``fields``, ``images``, ``paths`` and ``context`` what the
serializer fields share, ``loading`` and ``relations`` the batch loading page apps register
with, ``affected`` the URLs a change alters (apps register which of their pages nest others),
``redirects`` and ``sitemap`` their endpoints, ``drafts`` the page_preview endpoint and
``preview`` the admin's previews drawn from it, ``openapi`` the OpenAPI document, ``cache`` the
response cache, ``cache_tags`` the keys a response is stored under, ``invalidation`` the
receivers that make responses stale and ``purge`` the purges of this cache and the caches in
front, ``events`` the publish notifications a change sends, ``search`` the search backend, and
``wagtail_internals`` every private part of Wagtail, DRF, wagtail-localize, modelsearch and
Django that the rest relies on.

The package imports no feature app (``partners``, ``translations``, ...): they register with it
from their own ``api`` modules, which their ``AppConfig.ready()`` imports.
"""
