"""Cache tags: every API response names the objects it was built from, so a change purges
exactly the responses that show them, whatever their query string.

Keys (short, because a listing carries a hundred of them in one header):

- ``p<id>``   a page: its detail, ``find/`` answers leading to it, every response showing it
              (listings, alternates in ``meta.translations``, nested partners, navigation,
              rich-text links),
- ``i<id>``   an image, also where it is left out for being private (so that moving it to a
              public collection shows it), and ``i`` every image listing,
- ``s<id>``   one locale's site content, and ``s`` every ``site/`` response,
- ``l<ct>``   listings of one page type (``?type=…``, by content type id) and ``l`` listings of
              any type: a listing with any parameters could show a newly published page, so
              publishing one purges the listings of its type (and of its parent types) and ``l``,
- ``all``     every API response: for changes that reach everything (view restrictions,
              collections, locales, sites, documents).

A response whose view named no object at all is given ``l`` as well, so that an endpoint added
without keys of its own is still purged by every page change rather than kept for a day.

While a response is built, ``collecting()`` gathers the keys; the response cache middleware
(``cms/api/cache.py``) sends them as ``xkey`` (Varnish's xkey vmod), ``Surrogate-Key`` (Fastly
and others; space separated) and ``Cache-Tag`` (Cloudflare; comma separated), and checks the
keys of a stored response against later purges. ``keys_changed_by_page`` says what a change to
a page purges.
"""

import contextvars
from collections.abc import Iterable
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page

ALL = "all"
LISTINGS = "l"
SITE = "s"
IMAGE_LISTINGS = "i"

_collected: contextvars.ContextVar[set | None] = contextvars.ContextVar(
    "api_cache_tags", default=None
)


def page_key(page_id) -> str:
    return f"p{page_id}"


def image_key(image_id) -> str:
    return f"i{image_id}"


def site_key(site_content_id) -> str:
    return f"s{site_content_id}"


def listing_key(content_type_id) -> str:
    return f"l{content_type_id}"


@contextmanager
def collecting():
    """Gather the keys that code run inside adds; yields the set they go into."""
    keys = {ALL}
    token = _collected.set(keys)
    try:
        yield keys
    finally:
        _collected.reset(token)


def add(*keys: str) -> None:
    """Name objects the response being built depends on (a no-op outside ``collecting``)."""
    collected = _collected.get()
    if collected is not None:
        collected.update(keys)


def add_pages(page_ids: Iterable) -> None:
    add(*(page_key(page_id) for page_id in page_ids if page_id is not None))


def add_images(image_ids: Iterable) -> None:
    add(*(image_key(image_id) for image_id in image_ids if image_id is not None))


def listing_keys(models: Iterable | None) -> set[str]:
    """The keys of a listing restricted to ``models`` (``type=``), or of any type (None)."""
    if not models:
        return {LISTINGS}
    return {listing_key(ContentType.objects.get_for_model(model).pk) for model in models}


def headers_for(keys: Iterable[str]) -> dict[str, str]:
    """The response headers naming ``keys`` for each kind of cache, in a stable order."""
    ordered = sorted(keys)
    return {
        "xkey": " ".join(ordered),
        "Surrogate-Key": " ".join(ordered),
        "Cache-Tag": ",".join(ordered),
    }


def page_listing_keys(model) -> set[str]:
    """Listings that could show a page of ``model``: of its type, of its parent page types
    (``type=wagtailcore.Page`` lists every page), and of any type."""
    models = [model] + [
        parent for parent in model._meta.get_parent_list() if issubclass(parent, Page)
    ]
    return {LISTINGS} | {listing_key(ContentType.objects.get_for_model(m).pk) for m in models}


def keys_changed_by_page(page, *, with_descendants: bool = False) -> set[str]:
    """What a publish, unpublish, move or deletion of ``page`` purges.

    The page itself and every translation of it, live or not: a translation's response lists
    it among its alternates (and its ``up_to_date``), and pages that nest or link to a page,
    or show it in the navigation, carry the key of the translation they asked for. Then the
    listings that could show it. After a move, the descendants' paths changed too.
    """
    model = page.specific_class or Page
    keys = {page_key(page.pk)} | page_listing_keys(model)
    translations = Page.objects.filter(translation_key=page.translation_key)
    keys |= {page_key(pk) for pk in translations.values_list("pk", flat=True)}
    if with_descendants:
        for pk, content_type_id in page.get_descendants().values_list("pk", "content_type_id"):
            keys |= {page_key(pk), listing_key(content_type_id)}
    return keys
