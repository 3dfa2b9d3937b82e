"""The admin's previews of unsaved pages, drawn from the page_preview endpoint.

``page_representation`` is the JSON the frontend would get for a draft: the admin's JSON
preview mode shows it, and the reading view (``pages/reading_view.py``) is drawn from it. The
frontend's own preview reads ``/api/v2/page_preview/`` (``cms.api.drafts``).
"""

from django.conf import settings
from django.core.signing import BadSignature
from django.http import JsonResponse
from wagtail_headless_preview.models import PagePreview

from .drafts import PagePreviewEndpoint, preview_signer
from .router import api_router
from .wagtail_internals import routed


def page_representation(page, request) -> dict:
    """The page detail JSON for ``page``, which need not be saved."""
    view = routed(api_router, PagePreviewEndpoint.as_view({"get": "preview_view"}, page=page))
    return view(request).data


def page_preview_response(page, request):
    """The admin's JSON preview mode: indented, and in UTF-8 rather than ``\\u`` escapes, so
    that Ukrainian text reads as text."""
    return JsonResponse(
        page_representation(page, request),
        json_dumps_params={"indent": 2, "ensure_ascii": False},
        content_type="application/json; charset=utf-8",
    )


def delete_expired_previews() -> int:
    """Delete stored drafts whose token has expired (``PREVIEW_TOKEN_MAX_AGE``); returns how many.

    wagtail-headless-preview's ``PagePreview.garbage_collect``, which each frontend preview
    runs, keeps drafts until the day after tomorrow whatever their token's age; the
    ``clean_previews`` command deletes them as soon as no token can open them.
    """
    signer = preview_signer()
    expired = []
    for preview in PagePreview.objects.only("pk", "token"):
        try:
            signer.unsign(preview.token, max_age=settings.PREVIEW_TOKEN_MAX_AGE)
        except BadSignature:  # SignatureExpired included
            expired.append(preview.pk)
    PagePreview.objects.filter(pk__in=expired).delete()
    return len(expired)
