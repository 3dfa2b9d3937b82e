"""Uploaded files as served in development, with the headers the production proxy adds.

A file in the media library is served as data, never as a page of this site: browsers must
not guess another type than the one it is served with (``nosniff``), and anything but a
raster image is a download (``attachment``), so that an uploaded HTML or SVG file cannot run
scripts under this site's address. Documents are not served from here at all: they go through
Wagtail's document view, which checks the privacy of their collection. The Varnish
configuration (deploy/varnish/default.vcl) does the same in front of production.
"""

from django.http import Http404
from django.views.static import serve

# Served inline: pictures a browser only ever displays. SVG is not among them: opened
# directly, an SVG is a document that can run scripts.
INLINE_CONTENT_TYPES = ("image/png", "image/jpeg", "image/gif", "image/webp", "image/avif")
DOCUMENTS_PREFIX = "documents/"


def serve_media(request, path, document_root=None):
    if path.startswith(DOCUMENTS_PREFIX):
        raise Http404("Documents are served at /documents/<id>/<filename>.")
    response = serve(request, path, document_root=document_root)
    response["X-Content-Type-Options"] = "nosniff"
    if response.get("Content-Type", "").split(";")[0] not in INLINE_CONTENT_TYPES:
        response["Content-Disposition"] = "attachment"
    return response
