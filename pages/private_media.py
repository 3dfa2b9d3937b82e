"""Warning editors who choose an image from a private collection.

The API never shows an image from a collection under a view restriction (``cms.api.images``):
a logo, team photo or funding emblem chosen from one appears on the website as none at all.
Saving such a choice is allowed — the image may be made public later — but the editor is told,
with a warning after the save, which image and which collection it is.
"""

from django.contrib import messages
from wagtail.models import Collection


def restricted_collection(image) -> Collection | None:
    """The collection whose view restriction covers ``image`` (its own or one above it)."""
    if image is None:
        return None
    covering = image.collection.get_ancestors(inclusive=True).filter(
        view_restrictions__isnull=False
    )
    return covering.first()


def warn_if_private(request, image, message: str, **params) -> None:
    """Warn with ``message`` (taking ``%(image)s``, ``%(collection)s`` and ``params``) when
    ``image`` is in a private collection."""
    collection = restricted_collection(image)
    if collection is not None:
        names = {"image": image.title, "collection": collection.name, **params}
        messages.warning(request, message % names)
