"""Query filters beyond Wagtail's own."""

from types import SimpleNamespace

from django.conf import settings
from django.shortcuts import get_object_or_404
from wagtail.api.v2.filters import LocaleFilter, SearchFilter
from wagtail.models import Locale

from .validation import wants_fallback


class LocaleWithFallbackFilter(LocaleFilter):
    """``?locale=uk`` as in Wagtail; with ``&fallback=true`` pages that have no live
    translation in that locale appear in the source language instead, marked by their own
    ``meta.locale``.
    """

    def filter_queryset(self, request, queryset, view):
        if "locale" not in request.GET or not wants_fallback(request.GET):
            return super().filter_queryset(request, queryset, view)
        child_of = getattr(queryset, "_filtered_by_child_of", None)
        locale = get_object_or_404(Locale, language_code=request.GET["locale"])
        source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        translated_keys = view.get_base_queryset().filter(locale=locale).values("translation_key")
        queryset = queryset.filter(locale=locale) | queryset.filter(locale=source).exclude(
            translation_key__in=translated_keys
        )
        if child_of:
            queryset._filtered_by_child_of = child_of
        return queryset


class PlainTextSearchFilter(SearchFilter):
    """Wagtail's ``?search=``, with double quotes read as the punctuation they are in a
    plain-text search (the full-text tokenisers drop them anyway), and no words finding
    nothing.

    The SQLite full-text backend (the embedded default) wraps each term in double quotes
    without escaping the term's own, so ``?search=a"b`` was an FTS5 syntax error: a 500.
    """

    def filter_queryset(self, request, queryset, view):
        search = request.GET.get("search")
        if search is not None and '"' in search:
            search = search.replace('"', " ")
            query = request.GET.copy()
            query["search"] = search
            request = SimpleNamespace(GET=query)  # Wagtail's filter reads only request.GET
        if search is not None and not search.split():
            # No word to look for finds nothing (the backends fail on an empty query).
            return queryset.none()
        return super().filter_queryset(request, queryset, view)


def with_our_filters(backends: list) -> list:
    """An endpoint's filter backends with ours in place of the Wagtail ones they extend."""
    replacements = {LocaleFilter: LocaleWithFallbackFilter, SearchFilter: PlainTextSearchFilter}
    return [replacements.get(backend, backend) for backend in backends]
