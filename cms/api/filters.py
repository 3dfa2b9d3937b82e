"""Query filters beyond Wagtail's own."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from wagtail.api.v2.filters import LocaleFilter
from wagtail.models import Locale

from .validation import wants_fallback
from .wagtail_internals import keep_child_of_mark


class LocaleWithFallbackFilter(LocaleFilter):
    """``?locale=uk`` as in Wagtail; with ``&fallback=true`` pages that have no live
    translation in that locale appear in the source language instead, marked by their own
    ``meta.locale``.
    """

    def filter_queryset(self, request, queryset, view):
        if "locale" not in request.GET or not wants_fallback(request.GET):
            return super().filter_queryset(request, queryset, view)
        locale = get_object_or_404(Locale, language_code=request.GET["locale"])
        source = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        translated_keys = view.get_base_queryset().filter(locale=locale).values("translation_key")
        combined = queryset.filter(locale=locale) | queryset.filter(locale=source).exclude(
            translation_key__in=translated_keys
        )
        return keep_child_of_mark(queryset, combined)
