"""``/api/v2/page_preview/``: the draft behind a preview token, for the frontend.

The admin's frontend preview (``pages/headless.py``) stores the draft with a signed, expiring
token (wagtail-headless-preview's ``PagePreview``) and opens the frontend with it; the frontend
then asks ``/api/v2/page_preview/?content_type=partners.partnerpage&token=…`` and gets the
draft in exactly the shape of the page detail.
"""

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature, SignatureExpired, TimestampSigner
from django.urls import path
from rest_framework import status
from rest_framework.response import Response
from wagtail.models import Page
from wagtail_headless_preview.models import HeadlessPreviewMixin, PagePreview

from .validation import InvalidParameter
from .views import PagesEndpoint


def preview_signer() -> TimestampSigner:
    return HeadlessPreviewMixin.get_preview_signer()


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
    """``/api/v2/page_preview/``: an unsaved draft, shaped like ``/api/v2/pages/<id>/``.

    ``PagePreviewEndpoint.as_view({"get": "preview_view"}, page=draft)`` shows ``draft``
    without a token: the admin's own previews (``cms.api.preview``)."""

    def preview_view(self, request):
        if self.page is None:
            try:
                self.page = previewed_page(request.GET)
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
        response = Response(self.draft_representation(self.page))
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
        return [path("", cls.as_view({"get": "preview_view"}), name="listing")]
