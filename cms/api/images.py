"""Images as the API serves them: ready to use, with a few renditions chosen by the server.

Example::

    {"url": "http://cms.example/media/original_images/lhd.png", "width": 800, "height": 400,
     "alt": "City of Dresden logo",
     "renditions": {"thumbnail": {"url": ".../lhd.fill-160x160.format-webp.webp",
                                  "width": 160, "height": 160}, ...}}

Renditions are generated on first use and stored by Wagtail, so every later request reuses them;
querysets prefetch them (``prefetch_renditions``) so that serialising costs no query.

An image in a private collection (one under a view restriction, or below one) is never shown:
a field that refers to one is ``null``, as if no image were chosen. Whether an image is private
is read in the query that loads it (``in_private_collection``), never image by image.
"""

import functools
from collections.abc import Iterable

from django.db.models import Exists, F, OuterRef, Prefetch
from django.db.models.lookups import StartsWith
from wagtail.images import get_image_model
from wagtail.images.models import Filter
from wagtail.models import CollectionViewRestriction

from . import cache_tags
from .wagtail_internals import PREFETCHED_RENDITIONS

# Named renditions per use. WebP keeps them small; the names are part of the API contract.
# "preserve-svg" keeps SVG uploads as SVG (they cannot be rasterised to WebP).
LOGO_RENDITIONS = {
    "thumbnail": "fill-160x160|format-webp|preserve-svg",
    "card": "max-480x240|format-webp|preserve-svg",
}
PHOTO_RENDITIONS = {
    "thumbnail": "fill-160x160|format-webp|preserve-svg",
    "portrait": "fill-480x600|format-webp|preserve-svg",
}
BANNER_RENDITIONS = {
    "small": "max-480x160|format-webp|preserve-svg",
    "large": "max-1200x400|format-webp|preserve-svg",
}


@functools.cache
def _raster_filter(spec: str) -> Filter:
    # Built once per process: Wagtail would parse the spec, then parse it again without
    # "preserve-svg", for every image of every response (most of get_renditions' cost).
    return Filter(spec=spec.replace("|preserve-svg", ""))


def filters_for(image, renditions: dict[str, str]) -> list:
    """The filters of ``renditions`` for ``image``: pre-parsed unless it is an SVG."""
    if image.is_svg():
        return list(renditions.values())  # Wagtail drops the rasterising steps itself
    return [_raster_filter(spec) for spec in renditions.values()]


def in_private_collection(collection: str = "collection") -> Exists:
    """An SQL condition: the image's collection, or one above it, has a view restriction.

    ``collection`` leads from the queried model to the image's collection ("logo__collection"
    from a partner page). Collections form a tree with materialised paths: a collection lies
    under a restricted one when its path starts with that one's.
    """
    return Exists(
        CollectionViewRestriction.objects.filter(
            StartsWith(OuterRef(f"{collection}__path"), F("collection__path"))
        )
    )


def public_images():
    """Images outside private collections, with their renditions prefetched."""
    return get_image_model().objects.filter(~in_private_collection()).prefetch_renditions()


def image_prefetch(lookup: str) -> Prefetch:
    """Prefetch the image behind ``lookup`` together with its renditions; an image in a
    private collection is left out, so the field reads as None.

    All the renditions: Wagtail stores them under the cleaned spec ("preserve-svg" removed,
    and for SVGs the rasterising steps too), and an image has only a handful.
    """
    return Prefetch(lookup, queryset=public_images())


def private_flag(lookup: str) -> str:
    """The attribute ``with_image`` sets: whether the image at ``lookup`` is private."""
    return f"{lookup}_is_private"


def with_image(queryset, lookup: str):
    """``queryset`` with the image behind the foreign key ``lookup`` joined in and its
    renditions prefetched: one query fewer than ``image_prefetch``, for a key on the
    queryset's own model. Whether the image is private comes along in the same query
    (read it with ``public_image``)."""
    renditions = Prefetch(
        f"{lookup}__renditions",
        queryset=get_image_model().get_rendition_model().objects.all(),
        # Where Wagtail's prefetch_renditions() puts them, so that get_renditions finds them.
        to_attr=PREFETCHED_RENDITIONS,
    )
    private = in_private_collection(f"{lookup}__collection")
    return (
        queryset.select_related(lookup)
        .prefetch_related(renditions)
        .annotate(**{private_flag(lookup): private})
    )


def private_image_ids(images: Iterable) -> set[int]:
    """The ids of those of ``images`` that are in private collections, in one query."""
    ids = {image.pk for image in images if image is not None}
    if not ids:
        return set()
    private = get_image_model().objects.filter(in_private_collection(), pk__in=ids)
    return set(private.values_list("pk", flat=True))


def public_image(instance, lookup: str):
    """The image at ``instance.<lookup>``, or None when there is none or it is private.

    An instance from a ``with_image`` queryset carries the answer; one built otherwise (a
    preview of unsaved changes) costs a query.
    """
    image = getattr(instance, lookup)
    if image is None:
        return None
    # Tagged even when private: moving it to a public collection must show it.
    cache_tags.add_images([image.pk])
    private = getattr(instance, private_flag(lookup), None)
    if private is None:
        private = image.pk in private_image_ids([image])
    return None if private else image


def absolute_url(request, url: str) -> str:
    """Media on object storage already has absolute URLs; local media gets this host's."""
    if request is None:
        return url
    if url.startswith("/") and not url.startswith("//") and "/." not in url:
        # What build_absolute_uri returns for a plain path, without parsing and re-quoting
        # it: storage URLs are quoted already, and a listing has a hundred of them.
        origin = getattr(request, "_absolute_url_origin", None)
        if origin is None:
            origin = request._absolute_url_origin = request.build_absolute_uri("/")[:-1]
        return origin + url
    return request.build_absolute_uri(url)


def image_representation(image, alt: str, renditions: dict[str, str], request) -> dict | None:
    if image is None:
        return None
    cache_tags.add_images([image.pk])
    # get_renditions keeps the order of the filters it is given (and keys by the cleaned spec).
    generated = image.get_renditions(*filters_for(image, renditions)).values()
    return {
        "url": absolute_url(request, image.file.url),
        "width": image.width,
        "height": image.height,
        "alt": alt,
        "renditions": {
            name: {
                "url": absolute_url(request, rendition.url),
                "width": rendition.width,
                "height": rendition.height,
            }
            for name, rendition in zip(renditions, generated, strict=True)
        },
    }
