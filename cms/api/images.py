"""Images as the API serves them: ready to use, with a few renditions chosen by the server.

Example::

    {"url": "http://cms.example/media/original_images/lhd.png", "width": 800, "height": 400,
     "alt": "City of Dresden logo",
     "renditions": {"thumbnail": {"url": ".../lhd.fill-160x160.format-webp.webp",
                                  "width": 160, "height": 160}, ...}}

Renditions are generated on first use and stored by Wagtail, so every later request reuses them;
querysets prefetch them (``prefetch_renditions``) so that serialising costs no query.
"""

import functools

from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.images.models import Filter

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


def image_prefetch(lookup: str) -> Prefetch:
    """Prefetch the image behind ``lookup`` together with its renditions.

    All of them: Wagtail stores renditions under the cleaned spec ("preserve-svg" removed, and
    for SVGs the rasterising steps too), and an image has only a handful.
    """
    return Prefetch(lookup, queryset=get_image_model().objects.prefetch_renditions())


def with_image(queryset, lookup: str):
    """``queryset`` with the image behind the foreign key ``lookup`` joined in and its
    renditions prefetched: one query fewer than ``image_prefetch``, for a key on the
    queryset's own model."""
    renditions = Prefetch(
        f"{lookup}__renditions",
        queryset=get_image_model().get_rendition_model().objects.all(),
        # Where Wagtail's prefetch_renditions() puts them, so that get_renditions finds them.
        to_attr="prefetched_renditions",
    )
    return queryset.select_related(lookup).prefetch_related(renditions)


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
