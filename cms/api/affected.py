"""Which public URLs a change to a page can alter.

A page shows up in more responses than its own detail: in listings of its type and locale, in
``find/`` by its path, in its translations' ``meta.translations``, nested in the partners that
cooperate with it, and in the site navigation. Publish notifications (``webhooks``) tell the
frontend what to revalidate from this list.

Which pages nest a page is known to the app that defines the nesting: it registers a function
with ``pages_nesting("app.Model")`` (``partners.api`` does so for cooperating partners), so this
module imports no page app.

The listing URLs are the canonical ones docs/frontend.md recommends to frontends; caches are purged
by cache key instead (``cms/api/cache_tags.py``, ``cms/api/purge.py``), which reaches a listing
asked for with any parameters.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from wagtail.models import Page

from .loading import model_registry, registered

API = "/api/v2"

# Per page model's label, a function returning the live pages that show a page of it nested.
_NESTING_PAGES: dict[str, Callable] = {}

pages_nesting = model_registry(
    _NESTING_PAGES,
    "a function returning the live pages that nest a page of the model (its cooperating partners, "
    "say)",
)


@dataclass
class AffectedURLs:
    """Frontend page paths (``/en/partners/x/``) and API URLs (``/api/v2/…``), relative."""

    paths: list[str] = field(default_factory=list)
    api_urls: list[str] = field(default_factory=list)

    def add_path(self, path: str | None):
        if path and path not in self.paths:
            self.paths.append(path)

    def add_api(self, url: str, **query):
        if query:
            url += "?" + urlencode(query, safe="/*")
        if url not in self.api_urls:
            self.api_urls.append(url)

    def absolute_api_urls(self) -> list[str]:
        base = settings.WAGTAILAPI_BASE_URL.rstrip("/")
        return [base + url for url in self.api_urls]


def page_path(page) -> str | None:
    """The frontend path of ``page``, language prefix included."""
    url_parts = page.get_url_parts()
    return url_parts[2] if url_parts else None


def site_content_urls(language_code: str, into: AffectedURLs | None = None) -> AffectedURLs:
    affected = into or AffectedURLs()
    affected.add_api(f"{API}/site/", locale=language_code)
    if language_code == settings.LANGUAGE_CODE:
        affected.add_api(f"{API}/site/")
    return affected


def listing_urls(model_label: str, language_code: str, affected: AffectedURLs):
    default_language = language_code == settings.LANGUAGE_CODE
    for query in ({"type": model_label}, {"type": model_label, "fields": "*"}, {}):
        affected.add_api(f"{API}/pages/", **query, locale=language_code)
        if default_language:
            affected.add_api(f"{API}/pages/", **query)


def find_urls(path: str, language_code: str, affected: AffectedURLs):
    affected.add_api(f"{API}/pages/find/", html_path=path)
    prefix = f"/{language_code}/"
    if path.startswith(prefix):
        unprefixed = "/" + path.removeprefix(prefix)
        affected.add_api(f"{API}/pages/find/", html_path=unprefixed, locale=language_code)
        if language_code == settings.LANGUAGE_CODE:
            affected.add_api(f"{API}/pages/find/", html_path=unprefixed)


def affected_by_page(
    page: Page, *, old_path: str | None = None, old_parent: Page | None = None
) -> AffectedURLs:
    """Everything a publish, unpublish, move or deletion of ``page`` can change.

    For a move, ``old_path`` and ``old_parent`` say where the page was.
    """
    page = page.specific_deferred
    language_code = page.locale.language_code
    affected = AffectedURLs()
    path = page_path(page)
    for each in (path, old_path):
        affected.add_path(each)
        if each:
            find_urls(each, language_code, affected)
    affected.add_api(f"{API}/pages/{page.pk}/")
    listing_urls(page._meta.label, language_code, affected)
    for parent in (page.get_parent(), old_parent):
        if parent is not None and parent.depth > 1:
            affected.add_api(f"{API}/pages/", child_of=parent.pk)

    # Its translations list it among their alternates.
    for translation in page.get_translations().live().select_related("locale"):
        affected.add_api(f"{API}/pages/{translation.pk}/")
        affected.add_path(page_path(translation))
    # Pages that nest it (cooperating partners) show its title, path and logo.
    nesting = registered(_NESTING_PAGES, type(page))
    for linking in nesting(page) if nesting else ():
        affected.add_api(f"{API}/pages/{linking.pk}/")
        affected.add_path(page_path(linking))
    # The navigation shows page titles and paths.
    site_content_urls(language_code, into=affected)
    return affected
