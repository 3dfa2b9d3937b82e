"""Related pages a response needs, loaded once for all the pages in it.

A listing of 50 partners needs their translations and their cooperating partners; asking for
them page by page would cost queries per item. ``PageRelations.load`` fetches them in a fixed
number of queries, restricted to live, public pages, and the serializer fields look them up.

Page apps register what they know: ``linked_pages("app.Model")`` how to find the pages a model
links to (``partners.api``), ``translation_freshness(...)`` how to tell whether a translation
shows its source's current content (``translations.api``). Without the latter every translation
counts as up to date. This module imports no page app.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import NamedTuple

from django.conf import settings
from wagtail.models import Page

from .loading import model_registry, registered, with_api_prefetching

# Per page model's label, a function returning the translation keys of the pages it links to.
_LINKED_PAGE_KEYS: dict[str, Callable] = {}


linked_pages = model_registry(
    _LINKED_PAGE_KEYS, "how to find the pages the model links to (its cooperating partners, say)"
)


class Freshness(NamedTuple):
    # translation keys → per key, what ``is_up_to_date`` needs beside the two pages (one query)
    load: Callable[[set], dict]
    # (translation, source, the loaded value or None) → whether the translation is current
    is_up_to_date: Callable[[Page, Page, object], bool]


def _always_up_to_date(translation, source, loaded) -> bool:
    return True


# Every translation is up to date until an app registers how to tell (``translations/api.py``).
_freshness_rule = Freshness(load=lambda keys: {}, is_up_to_date=_always_up_to_date)


def translation_freshness(*, load: Callable[[set], dict], is_up_to_date: Callable) -> None:
    """Register how to tell whether a translation shows its source's current content."""
    global _freshness_rule
    _freshness_rule = Freshness(load, is_up_to_date)


class PageRelations:
    def __init__(self, public_scope: Callable):
        # ``model → queryset`` of that model's public pages (cms.api.querysets).
        self.public_scope = public_scope
        self._translations: dict = defaultdict(list)
        self._freshness: dict = {}
        self._linked: dict = {}

    def load(self, pages: Iterable, *, public: bool = False):
        """Load what ``pages`` link to. ``public``: the pages are live and public themselves
        (a listing or a detail, not a preview), so one that another of them links to is
        taken as it is rather than fetched again."""
        pages = list(pages)
        self._load_translations(pages)
        self._load_linked_pages(pages, pages if public else [])
        return self

    def _load_translations(self, pages):
        keys = {page.translation_key for page in pages}
        if not keys:
            return
        alternates = (
            self.public_scope(Page)
            .filter(translation_key__in=keys)
            .select_related("locale")
            .only(
                "id",
                "translation_key",
                "locale",
                "url_path",
                "depth",
                "path",
                "live",
                "last_published_at",
            )
            .order_by("locale__language_code")
        )
        for alternate in alternates:
            self._translations[alternate.translation_key].append(alternate)
        self._freshness = _freshness_rule.load(keys)

    def _load_linked_pages(self, pages, public_pages):
        self._linked = {(page.translation_key, page.locale_id): page for page in public_pages}
        linked_by_model = defaultdict(set)
        for page in pages:
            keys_of = registered(_LINKED_PAGE_KEYS, type(page))
            if keys_of:
                linked_by_model[type(page)].update(
                    key
                    for key in keys_of(page)
                    # Already here in the page's language: nothing to fetch or fall back on.
                    if (key, page.locale_id) not in self._linked
                )
        for model, keys in linked_by_model.items():
            if not keys:
                continue
            linked_model = model  # links stay within one page type (partner ↔ partner)
            candidates = with_api_prefetching(self.public_scope(linked_model)).filter(
                translation_key__in=keys
            )
            for candidate in candidates:
                self._linked[(candidate.translation_key, candidate.locale_id)] = candidate

    def page_ids(self) -> set[int]:
        """The pages loaded besides the response's own: alternates and linked pages."""
        ids = {
            alternate.pk for alternates in self._translations.values() for alternate in alternates
        }
        return ids | {page.pk for page in self._linked.values()}

    def translations_of(self, page) -> list:
        """Live, public translations of ``page`` in other locales, by language code."""
        return [
            alternate
            for alternate in self._translations.get(page.translation_key, [])
            if alternate.pk != page.pk
        ]

    def is_up_to_date(self, page) -> bool:
        """Whether ``page`` shows its source's current content (a source always does)."""
        if page.locale.language_code == settings.LANGUAGE_CODE:
            return True
        source = next(
            (
                alternate
                for alternate in self._translations.get(page.translation_key, [])
                if alternate.locale.language_code == settings.LANGUAGE_CODE
            ),
            None,
        )
        if source is None:
            return True  # nothing to be behind
        loaded = self._freshness.get(page.translation_key)
        return _freshness_rule.is_up_to_date(page, source, loaded)

    def localised_page(self, page, locale_id):
        """``page`` in ``locale_id`` when that translation is live and public, else the page
        itself when it is live and public, else None.

        ``page`` needs only its ``translation_key`` and ``locale_id``: a row naming a page
        (``partners.api.CooperatingPartnerRow``) will do."""
        return self._linked.get((page.translation_key, locale_id)) or self._linked.get(
            (page.translation_key, page.locale_id)
        )
