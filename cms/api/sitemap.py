"""Every live public page in one call: for ``generateStaticParams``, a static build and an XML
sitemap with hreflang alternates.

``GET /api/v2/sitemap/?locale=uk`` (all languages without ``locale``)::

    {"meta": {"total_count": 2},
     "items": [{"id": 3, "type": "home.HomePage", "locale": "en", "html_path": "/en/",
                "last_published_at": "2026-11-26T10:00:00Z",
                "translations": [{"locale": "uk", "html_path": "/uk/"}]}, …]}

``/sitemap.xml`` is the same list as frontend addresses (``FRONTEND_URL``), each with its
``<xhtml:link rel="alternate" hreflang=…>`` siblings. Without ``FRONTEND_URL`` the CMS does not
know the frontend's addresses, and a sitemap of its own redirecting page URLs would mislead
crawlers: it answers 404 saying so.

Three queries whatever the number of pages: the site's root paths (Wagtail caches them on the
request), the pages, and their translations.
"""

from collections import defaultdict
from xml.sax.saxutils import escape, quoteattr

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponse
from rest_framework.response import Response
from rest_framework.views import APIView

from .paths import page_path
from .querysets import public_pages
from .validation import InvalidParameter
from .views import JSONErrorsMixin

KNOWN_PARAMETERS = {"locale", "site"}
SITEMAP_NAMESPACES = (
    'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml"'
)


def _load(queryset):
    return list(
        queryset.select_related("locale")
        .only(
            "pk",
            "path",
            "url_path",
            "depth",
            "content_type_id",
            "translation_key",
            "last_published_at",
            "locale__language_code",
        )
        .order_by("path")
    )


def sitemap_entries(request, locale_code: str | None = None) -> list[dict]:
    """The live public pages (of one language, or all), in tree order, with their paths."""
    pages = public_pages(request)
    listed = pages.filter(locale__language_code=locale_code) if locale_code else pages
    listed = _load(listed.exclude(depth=1))
    translations_by_key = defaultdict(list)
    for translation in _load(
        pages.filter(translation_key__in={page.translation_key for page in listed})
    ):
        translations_by_key[translation.translation_key].append(translation)

    entries = []
    for page in listed:
        html_path = page_path(page, request)
        if html_path is None:
            continue  # not reachable on this site's URL scheme
        entries.append(
            {
                "id": page.pk,
                "type": _type_of(page),
                "locale": page.locale.language_code,
                "html_path": html_path,
                "last_published_at": page.last_published_at,
                "translations": [
                    {"locale": other.locale.language_code, "html_path": other_path}
                    for other in translations_by_key[page.translation_key]
                    if other.pk != page.pk and (other_path := page_path(other, request))
                ],
            }
        )
    return entries


def _type_of(page) -> str:
    # ContentType's manager keeps every type it has read: one query per type per process.
    model = ContentType.objects.get_for_id(page.content_type_id).model_class()
    return model._meta.label if model else "wagtailcore.Page"


class SitemapListing(JSONErrorsMixin, APIView):
    """``GET /api/v2/sitemap/``: every live public page, its path and its translations."""

    def get(self, request):
        unknown = set(request.GET) - KNOWN_PARAMETERS
        if unknown:
            raise InvalidParameter(sorted(unknown)[0], "is not a parameter of this endpoint")
        entries = sitemap_entries(request, request.GET.get("locale"))
        for entry in entries:
            published = entry["last_published_at"]
            entry["last_published_at"] = published.isoformat() if published else None
        return Response({"meta": {"total_count": len(entries)}, "items": entries})


def sitemap_xml(request):
    """``/sitemap.xml`` with frontend addresses and hreflang alternates."""
    if not settings.FRONTEND_URL:
        return HttpResponse(
            "No sitemap: set FRONTEND_URL so that the CMS knows the public site's addresses.\n",
            status=404,
            content_type="text/plain; charset=utf-8",
        )
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f"<urlset {SITEMAP_NAMESPACES}>"]
    for entry in sitemap_entries(request):
        lines.append(f"<url><loc>{escape(settings.FRONTEND_URL + entry['html_path'])}</loc>")
        if entry["last_published_at"]:
            lines.append(f"<lastmod>{entry['last_published_at'].date().isoformat()}</lastmod>")
        if entry["translations"]:
            alternates = [{"locale": entry["locale"], "html_path": entry["html_path"]}]
            for alternate in [*alternates, *entry["translations"]]:
                href = quoteattr(settings.FRONTEND_URL + alternate["html_path"])
                lines.append(
                    f'<xhtml:link rel="alternate" hreflang="{alternate["locale"]}" href={href}/>'
                )
        lines.append("</url>")
    lines.append("</urlset>")
    response = HttpResponse("\n".join(lines) + "\n", content_type="application/xml")
    response["Cache-Control"] = f"public, max-age={settings.API_CACHE_MAX_AGE}"
    return response
