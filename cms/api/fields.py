"""Serializer fields shared by every page type.

Each class documents the JSON it produces. Fields that need related pages (translations,
cooperating partners) read them from ``context["relations"]``, loaded once per response by the
view, so that a listing costs the same number of queries whatever its length.
"""

from django.conf import settings
from rest_framework.fields import Field, SkipField
from wagtail.api.v2.serializers import DetailUrlField, PageHtmlUrlField

from .context import relations_for
from .paths import page_full_url, page_path
from .wagtail_internals import get_object_detail_url


class PagePathField(Field):
    """``"path": "/en/partners/city-of-dresden/"`` — the page's path on the frontend."""

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return page_path(page, self.context.get("request"))


class FrontendHtmlUrlField(PageHtmlUrlField):
    """``"html_url": "https://www.example/en/partners/x/"`` — on the frontend when it is known."""

    def to_representation(self, page):
        request = self.context.get("request")
        if settings.FRONTEND_URL:
            path = page_path(page, request)
            return settings.FRONTEND_URL + path if path else None
        return page_full_url(page, request)


class TranslationsField(Field):
    """The page's live, public translations, for a language switcher and hreflang links.

    Example::

        "translations": [{"locale": "uk", "id": 87, "path": "/uk/partners/city-of-dresden/",
                          "up_to_date": true}]

    ``up_to_date`` is false while a translation lags behind a change to its source.
    """

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        relations = relations_for(self, page)
        return [
            {
                "locale": translation.locale.language_code,
                "id": translation.pk,
                "path": page_path(translation, self.context.get("request")),
                "up_to_date": relations.is_up_to_date(translation),
            }
            for translation in relations.translations_of(page)
        ]


class UpToDateField(Field):
    """``"up_to_date": false`` — the page is a translation behind a change to its source.

    Always true for pages in the source language.
    """

    def get_attribute(self, instance):
        return instance

    def to_representation(self, page):
        return relations_for(self, page).is_up_to_date(page)


class PreviewSafeDetailUrlField(DetailUrlField):
    """Wagtail's ``detail_url``, and null for a page that is not saved yet (a preview)."""

    # Any id will do: the URL is made once per response and page type with this one in it,
    # and each page's own id is put in its place (reversing the URL per page cost more).
    PLACEHOLDER_ID = 987654321

    def get_attribute(self, instance):
        if instance.pk is None:
            return None
        templates = self.context.setdefault("_detail_url_templates", {})
        model = type(instance)
        if model not in templates:
            url = get_object_detail_url(
                self.context["router"], self.context["request"], model, self.PLACEHOLDER_ID
            )
            templates[model] = url.rpartition(f"/{self.PLACEHOLDER_ID}/") if url else None
        if templates[model] is None:
            raise SkipField  # no endpoint serves this model (as Wagtail's field does)
        head, _, tail = templates[model]
        return f"{head}/{instance.pk}/{tail}"
