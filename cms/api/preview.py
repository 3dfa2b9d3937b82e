"""Previews of unsaved pages: in the admin as JSON, and for the frontend at page_preview/.

(The admin's default preview without a frontend is the reading view, ``home/reading_view.py``,
drawn from ``page_representation`` below.)

The admin's frontend preview (``home/headless.py``) stores the draft with a signed, expiring
token (wagtail-headless-preview's ``PagePreview``) and opens the frontend with it; the frontend
then asks ``/api/v2/page_preview/?content_type=partners.partnerpage&token=…`` and gets the
draft in exactly the shape of the page detail.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature, SignatureExpired, TimestampSigner
from django.http import JsonResponse
from django.urls import path
from rest_framework import status
from rest_framework.response import Response
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from .relations import PageRelations
from .validation import InvalidParameter
from .views import PagesEndpoint


def page_representation(page, request) -> dict:
    """The page detail JSON for ``page``, which need not be saved."""
    view = PagesEndpoint()
    view.request = request
    view.action = "detail_view"
    view.format_kwarg = None
    view.kwargs = {"pk": page.pk}
    view.headers = {}
    from .router import api_router  # the router imports this module's endpoint

    request.wagtailapi_router = api_router
    view.relations = PageRelations(view._public_scope()).load([page])
    view._cached_object = page
    return view.get_serializer(page).data


def page_preview_response(page, request):
    """The admin's JSON preview mode: indented, and in UTF-8 rather than ``\\u`` escapes, so
    that Ukrainian text reads as text."""
    return JsonResponse(
        page_representation(page, request),
        json_dumps_params={"indent": 2, "ensure_ascii": False},
        content_type="application/json; charset=utf-8",
    )


def preview_signer() -> TimestampSigner:
    return HeadlessPreviewMixin.get_preview_signer()


def delete_expired_previews() -> int:
    """Delete stored drafts whose token has expired; returns how many."""
    signer = preview_signer()
    expired = []
    for preview in PagePreview.objects.only("pk", "token"):
        try:
            signer.unsign(preview.token, max_age=settings.PREVIEW_TOKEN_MAX_AGE)
        except BadSignature:  # SignatureExpired included
            expired.append(preview.pk)
    PagePreview.objects.filter(pk__in=expired).delete()
    return len(expired)


class PreviewGone(Exception):
    pass


class PreviewNotFound(Exception):
    pass


PARAMETERS = {"content_type", "token", "id"}


def preview_page_model(content_type: str):
    app_label, _, model_name = content_type.partition(".")
    try:
        model = apps.get_model(app_label, model_name) if model_name else None
    except LookupError:
        model = None
    if model is None or not issubclass(model, Page) or not issubclass(model, HeadlessPreviewMixin):
        raise InvalidParameter(
            "content_type", f"is not a page type that can be previewed: {content_type}"
        )
    return model


def previewed_page(query):
    """The draft behind ``content_type`` and ``token``, checked against ``id`` when given."""
    for parameter in query:
        if parameter not in PARAMETERS:
            raise InvalidParameter(
                parameter, "is not a parameter of page_preview/ (content_type, token, id)"
            )
    for parameter in ("content_type", "token"):
        if not query.get(parameter):
            raise InvalidParameter(parameter, "is required; take it from the preview URL")
    model = preview_page_model(query["content_type"])
    token = query["token"]
    try:
        identifier = preview_signer().unsign(token, max_age=settings.PREVIEW_TOKEN_MAX_AGE)
    except SignatureExpired as error:
        raise PreviewGone from error
    except BadSignature as error:
        raise InvalidParameter("token", "is not a valid preview token") from error
    preview = PagePreview.objects.filter(
        content_type=ContentType.objects.get_for_model(model), token=token
    ).first()
    if preview is None:
        raise PreviewNotFound
    page = preview.as_page()
    if not issues_for(identifier, page, model):
        raise PreviewNotFound
    if "id" in query and str(page.pk) != query["id"]:
        raise InvalidParameter("id", "is not the page this token previews")
    return page


def issues_for(identifier: str, page, model) -> bool:
    """Whether the token's signed identifier names this stored draft's page."""
    if identifier.startswith("id="):
        return str(page.pk) == identifier.removeprefix("id=")
    # A page not saved yet: "parent_id=<id>;page_type=<app.Model>".
    return page.pk is None and identifier.endswith(f";page_type={model._meta.label}")


class PagePreviewEndpoint(PagesEndpoint):
    """``/api/v2/page_preview/``: an unsaved draft, shaped like ``/api/v2/pages/<id>/``."""

    def listing_view(self, request):
        try:
            page = previewed_page(request.GET)
        except PreviewGone:
            return self._error(
                status.HTTP_410_GONE,
                "This preview has expired; open the preview again from the admin.",
            )
        except PreviewNotFound:
            return self._error(
                status.HTTP_404_NOT_FOUND,
                "No preview for this token and content_type: it was deleted, or the token "
                "belongs to another page type.",
            )
        response = Response(page_representation(page, request))
        # A draft, and a token that works for anyone who has it: never kept by any cache.
        response["Cache-Control"] = "no-store"
        return response

    @staticmethod
    def _error(code, message):
        response = Response({"message": message}, status=code)
        response["Cache-Control"] = "no-store"
        return response

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]
