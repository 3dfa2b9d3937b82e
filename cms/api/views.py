"""The API's endpoints: Wagtail API v2 viewsets, extended as docs/frontend.md describes."""

import copy

from django.conf import settings
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from rest_framework import status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from wagtail.api.v2.filters import LocaleFilter
from wagtail.api.v2.serializers import PageSerializer
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.serializers import ImageDownloadUrlField, ImageSerializer
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, Site

from . import cache_tags
from .fields import (
    FrontendHtmlUrlField,
    PagePathField,
    PreviewSafeDetailUrlField,
    TranslationsField,
    UpToDateField,
)
from .filters import LocaleWithFallbackFilter
from .images import absolute_url
from .loading import fetch_for_api, with_api_prefetching
from .pagination import RowsOfOnePagePagination
from .querysets import public_page_scope
from .redirects import RedirectsListing, candidate_paths, find_redirect, redirect_answer
from .relations import PageRelations
from .validation import InvalidParameter, content_locales, validate_query, wants_fallback
from .wagtail_internals import (
    BadRequestError,
    IdInEveryItem,
    SerializerClassesKept,
    page_models_from_string,
    parameter_of,
)


class JSONErrorsMixin(IdInEveryItem):
    """Browsable API only in development; every error as ``{"message": …}`` JSON; ``id`` on
    every item."""

    renderer_classes = api_settings.DEFAULT_RENDERER_CLASSES

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        validate_query(request.GET)

    def get_renderer_context(self):
        # Compact JSON: Wagtail indents by 4, which costs bytes and a sixth of the render time.
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context

    def handle_exception(self, exc):
        if isinstance(exc, InvalidParameter):
            return Response(
                {"message": str(exc), "parameter": exc.parameter},
                status=status.HTTP_400_BAD_REQUEST,
            )
        if isinstance(exc, BadRequestError):
            # Wagtail's messages do not always name the parameter; make every 400 say it.
            message = str(exc)
            parameter = parameter_of(message, self.request.GET)
            body = {"message": message}
            if parameter:
                if not message.startswith(parameter):
                    body["message"] = f"{parameter}: {message}"
                body["parameter"] = parameter
            return Response(body, status=status.HTTP_400_BAD_REQUEST)
        return super().handle_exception(exc)


class APIPageSerializer(PageSerializer):
    """Wagtail's page serializer plus the meta fields every page carries here."""

    def get_fields(self):
        # DRF introspects the model for every serializer instance; the outcome depends only on
        # the class (Wagtail builds one per page type and fields parameter, kept by the view),
        # so it is built once and copied — DRF copies a field by re-instantiating it.
        prototypes = type(self).__dict__.get("_field_prototypes")
        if prototypes is None:
            prototypes = super().get_fields()
            type(self)._field_prototypes = prototypes
        return copy.deepcopy(prototypes)

    def to_representation(self, page):
        # Internal rich-text links (Wagtail's ``Page.localized``), country names and choice
        # labels follow the page's own language, never the request's Accept-Language: the same
        # URL gives the same bytes to everyone, as the shared caches assume.
        locale = getattr(page, "locale", None)
        language = locale.language_code if locale else settings.LANGUAGE_CODE
        with translation.override(language):
            return super().to_representation(page)

    path = PagePathField(read_only=True)
    translations = TranslationsField(read_only=True)
    up_to_date = UpToDateField(read_only=True)
    html_url = FrontendHtmlUrlField(read_only=True)
    detail_url = PreviewSafeDetailUrlField(read_only=True)


class PagesEndpoint(SerializerClassesKept, JSONErrorsMixin, PagesAPIViewSet):
    """``/api/v2/pages/``: live, public pages with their alternates and nested content."""

    base_serializer_class = APIPageSerializer
    pagination_class = RowsOfOnePagePagination
    known_query_parameters = PagesAPIViewSet.known_query_parameters | {"fallback"}
    # ``fallback`` is not among find/'s own parameters: the detail it redirects to needs it.
    filter_backends = [
        LocaleWithFallbackFilter if backend is LocaleFilter else backend
        for backend in PagesAPIViewSet.filter_backends
    ]
    meta_fields = [
        *PagesAPIViewSet.meta_fields,
        "path",
        "translations",
        "up_to_date",
    ]
    listing_default_fields = [*PagesAPIViewSet.listing_default_fields, "path"]
    nested_default_fields = PagesAPIViewSet.nested_default_fields

    # The page a detail shows, once fetched; a preview is given its draft instead.
    page = None

    def _public_scope(self):
        # Read once per request: filters, relations and the parent field all use it.
        if not hasattr(self, "_public_scope_of_request"):
            try:
                self._public_scope_of_request = public_page_scope(self.request)
            except ValueError as error:
                raise InvalidParameter("site", str(error)) from error
        return self._public_scope_of_request

    def get_base_queryset(self):
        if not hasattr(self, "_public_pages"):
            self._public_pages = self._public_scope()(Page)
        return self._public_pages

    def get_queryset(self):
        model = self._single_page_type()
        if model is None:
            return with_api_prefetching(super().get_queryset())
        # The public-page conditions on the page type's own query rather than Wagtail's
        # IN (every public page), so no subquery lists every public page of the site. The
        # database still sorts the ids and paths of every page of the type in the locale to
        # find a page of results, and reads whole rows for that page alone (``pagination``);
        # bench/scale.py measures what a page deep into a long listing costs.
        return with_api_prefetching(self._public_scope()(model))

    def _listed_types(self):
        """The page models ``type`` names; None when it names none (all pages are listed)."""
        try:
            return page_models_from_string(self.request.GET.get("type") or "") or None
        except (LookupError, ValueError):
            return None  # Wagtail's own get_queryset answers with its 400

    def _single_page_type(self):
        models = self._listed_types()
        return models[0] if models and len(models) == 1 else None

    def get_object(self):
        # DRF's lookup, then the page again from its own type's table with what serialising
        # it needs: Wagtail's ``.specific`` would fetch it without.
        if self.page is None:
            queryset = self.filter_queryset(self.get_queryset())
            page = get_object_or_404(queryset, pk=self.kwargs["pk"])
            self.check_object_permissions(self.request, page)
            model = page.specific_class or Page
            queryset = with_api_prefetching(model.objects.filter(pk=page.pk))
            (self.page,) = fetch_for_api([queryset.get()])
        return self.page

    def listing_view(self, request):
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        pages = fetch_for_api(self.paginate_queryset(queryset))
        self.relations = PageRelations(self._public_scope()).load(pages, public=True)
        # Whatever its other parameters, a listing may show any page of its types.
        cache_tags.add(*cache_tags.listing_keys(self._listed_types()))
        cache_tags.add_pages(page.pk for page in pages)
        cache_tags.add_pages(self.relations.page_ids())
        serializer = self.get_serializer(pages, many=True)
        return self.get_paginated_response(serializer.data)

    def detail_view(self, request, pk):
        page = self.get_object()
        self.relations = PageRelations(self._public_scope()).load([page], public=True)
        cache_tags.add_pages([page.pk, *self.relations.page_ids()])
        return Response(self.get_serializer(page).data)

    def draft_representation(self, page) -> dict:
        """``page``, which need not be saved, in the shape of its detail: nothing it links to
        is taken as public for being in the response."""
        self.page = page
        self.relations = PageRelations(self._public_scope()).load([page])
        return self.get_serializer(page).data

    def find_view(self, request):
        try:
            return super().find_view(request)
        except Http404:
            # No live page has this path: an old one (a changed slug, a moved page, an
            # editor's redirect) answers with where the page is now.
            redirect = self._redirect_for(request)
            if redirect is None:
                raise
            return redirect_answer(redirect, request)

    def _redirect_for(self, request):
        if "html_path" not in request.GET:
            return None
        locale_code, components = self._split_language_prefix(request)
        paths = candidate_paths(locale_code, components)
        return find_redirect(paths, Site.find_for_request(request), request)

    def find_object(self, queryset, request):
        page = self._find_page(queryset, request)
        if page is not None:
            # A change to any of its translations purges this key too (a fallback answer).
            cache_tags.add_pages([page.pk])
        return page

    def _find_page(self, queryset, request):
        if "html_path" not in request.GET:
            if "id" in request.GET:
                return super().find_object(queryset, request)
            raise InvalidParameter("html_path", "is required: the page's path, e.g. /en/")
        locale_code, components = self._split_language_prefix(request)
        site = Site.find_for_request(request)
        if site is None:
            return None
        rest = "".join(f"{component}/" for component in components)
        locale = Locale.objects.filter(language_code=locale_code).first()
        home = site.root_page.get_translation_or_none(locale) if locale else None
        page = None
        if home is not None:
            page = self._page_at(queryset, home, rest)
        if page is None and wants_fallback(request.GET):
            # The same path in the source language, when this language has no such page.
            page = self._page_at(queryset, site.root_page, rest)
        return page

    @staticmethod
    def _page_at(queryset, home, rest):
        """The page at ``rest`` below ``home``, in ``home``'s language. Its slug is the path's
        last segment: the slug is indexed and ``url_path`` is not, so the database looks up a
        handful of rows instead of reading every page (a Seq Scan on PostgreSQL)."""
        url_path = home.url_path + rest
        slug = url_path.rstrip("/").rpartition("/")[2]
        return queryset.filter(url_path=url_path, slug=slug, locale=home.locale_id).first()

    def _split_language_prefix(self, request):
        """Read the locale from the path's prefix (/uk/…) or, failing that, ``locale``."""
        components = [part for part in request.GET["html_path"].split("/") if part]
        if components and components[0] in content_locales():
            prefix = components.pop(0)
            requested = request.GET.get("locale")
            if requested and requested != prefix:
                raise InvalidParameter("locale", f"contradicts the path's prefix /{prefix}/")
            return prefix, components
        return request.GET.get("locale", settings.LANGUAGE_CODE), components

    def get_serializer_context(self):
        context = super().get_serializer_context()
        context["relations"] = getattr(self, "relations", None) or PageRelations(
            self._public_scope()
        )
        return context


def public_collection_ids():
    """Collections without a view restriction on themselves or an ancestor."""
    restricted = Collection.objects.none()
    for restriction in CollectionViewRestriction.objects.select_related("collection"):
        restricted |= Collection.objects.descendant_of(restriction.collection, inclusive=True)
    return Collection.objects.exclude(pk__in=restricted.values("pk")).values("pk")


class AbsoluteImageDownloadUrlField(ImageDownloadUrlField):
    """``"download_url": "http://cms.example/media/original_images/lhd.png"`` — absolute, as
    image URLs inside pages are (Wagtail's own is a bare path)."""

    def to_representation(self, image):
        return absolute_url(self.context.get("request"), image.file.url)


class APIImageSerializer(ImageSerializer):
    download_url = AbsoluteImageDownloadUrlField(read_only=True)


class ImagesEndpoint(JSONErrorsMixin, ImagesAPIViewSet):
    """``/api/v2/images/``: images in public collections only."""

    base_serializer_class = APIImageSerializer
    pagination_class = RowsOfOnePagePagination

    def get_queryset(self):
        return super().get_queryset().filter(collection__in=public_collection_ids())

    def listing_view(self, request):
        cache_tags.add(cache_tags.IMAGE_LISTINGS)
        return super().listing_view(request)

    def detail_view(self, request, pk):
        cache_tags.add(cache_tags.image_key(pk))
        return super().detail_view(request, pk)


class DocumentsEndpoint(JSONErrorsMixin, DocumentsAPIViewSet):
    """``/api/v2/documents/``: documents in public collections only."""

    pagination_class = RowsOfOnePagePagination

    def get_queryset(self):
        return super().get_queryset().filter(collection__in=public_collection_ids())


class RedirectsEndpoint(JSONErrorsMixin, RedirectsListing):
    """``/api/v2/redirects/``: editor-made redirects for frontend middleware."""


def api_not_found(request, *args, **kwargs):
    """Any other path under /api/: a JSON 404 rather than an HTML page."""
    return JsonResponse({"message": "not found"}, status=404)


__all__ = [
    "BadRequestError",
    "DocumentsEndpoint",
    "ImagesEndpoint",
    "PagesEndpoint",
    "RedirectsEndpoint",
]
