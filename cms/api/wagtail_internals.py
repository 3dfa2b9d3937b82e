"""Every private or undocumented part of Wagtail, DRF, wagtail-localize, modelsearch and Django
that the rest of the code relies on.

Public hooks come first (``get_queryset``, ``get_object``, ``find_object``, ``listing_view``,
``Page.get_url_parts``, wagtail-headless-preview's mixins). What no public hook covers is used
here and nowhere else: the rest of the code calls this module. Each entry says what it relies on,
why, and which public hook is missing. ``CHECKED_AGAINST`` names the versions they were checked
against; ``tests/api/test_wagtail_internals.py`` exercises every entry on the installed versions,
so an upgrade fails there, naming the entry to re-check.

1. ``BaseAPIViewSet._get_serializer_class`` (Wagtail): ``IdInEveryItem`` and
   ``SerializerClassesKept`` override it. It is where the ``fields`` parameter becomes a
   serializer class, for the item and for every nested type; ``get_serializer_class`` only
   starts it, so neither keeping ``id`` on every item nor keeping the built classes can be said
   there.
2. ``queryset._filtered_by_child_of`` (Wagtail): ``keep_child_of_mark``. ``ChildOfFilter`` marks
   the queryset, and the filters after it read the mark (``descendant_of`` refuses to combine
   with ``child_of``); a filter that combines querysets with ``|`` must carry it over, as
   Wagtail's own ``LocaleFilter`` does. There is no public way to ask which parent was filtered.
3. Wagtail's English error messages: ``parameter_of``. Wagtail raises ``BadRequestError`` with
   a sentence and no parameter name; the API's 400s name the parameter, found by the words of
   the message. The exception carries nothing else.
4. ``Image.prefetched_renditions`` (Wagtail): ``PREFETCHED_RENDITIONS``. ``get_renditions``
   looks for prefetched renditions under this attribute, which ``prefetch_renditions()`` fills;
   a ``Prefetch`` through a foreign key (the partner's logo joined into the page query) has to
   fill the same attribute. ``prefetch_renditions()`` works on image querysets only.
5. ``SearchBackend._search`` and the SQLite query compilers (modelsearch): ``mended``. The
   database backend has no hook between the query string and its engine's compiler; a query of
   only spaces and a term with a double quote have to be mended there (``cms/api/search.py``).
6. ``request.wagtailapi_router`` (Wagtail): ``routed``. Wagtail's views and serializer fields
   find the router on the request, where ``WagtailAPIRouter.wrap_view`` puts it for the views
   it routes; the admin's preview runs the page_preview endpoint outside those URLs.
7. ``Page.url`` and ``Page.full_url`` (Wagtail): ``UrlPropertiesFollowOverrides``. Wagtail binds
   both properties to its own ``get_url``/``get_full_url`` when ``Page`` is defined, so an
   override of the methods does not reach ``page.url`` (templates, "View live").
   ``get_url_parts`` is the documented hook, but the API needs it to keep the CMS's own host.
8. ``Page._get_dummy_header_url`` (Wagtail): ``PreviewRequestFromAdminAddress``. The address a
   preview request pretends to come from; Wagtail takes the page's public URL (the
   frontend's), so image URLs in previews pointed where the editor's browser could not go.
   ``make_preview_request`` takes no address.
9. wagtail-localize's admin URLs ``localize/update/<id>/`` and
   ``localize/translate/<id>/machine_translate/``: ``localize_url_overrides``. Registered at
   the same address before wagtail-localize's, our views answer instead of its sync (without
   "Publish immediately") and machine translation (a failing engine as a message). Its page
   buttons, header menu and editor props link to these names with no setting or hook to point
   them elsewhere.
10. ``wagtail.api.v2.utils``: ``BadRequestError`` (the 400 Wagtail's views answer),
    ``page_models_from_string`` (what ``type`` names) and ``get_object_detail_url`` (a
    ``detail_url``) are Wagtail's helpers, not documented API.
11. wagtail-localize's views ``edit_translation.machine_translate`` and
    ``update_translations.UpdateTranslationsView``/``UpdateTranslationsForm``:
    ``machine_translate_view``, ``UpdateTranslationsView``, ``UpdateTranslationsForm``. Entry 9's
    views wrap the first (a failing engine becomes a message) and subclass the others (a sync
    that never publishes); wagtail-localize documents its machine translator classes, not its
    views.
12. ``DeepLTranslator.get_parameters`` and ``get_headers`` (wagtail-localize):
    ``deepl_request_parts``. The request its ``translate`` sends, so that ours can send the same
    one with a timeout and a status check, which its own lacks.
13. modelsearch's ``signal_handlers.post_save_signal_handler``: ``search_index_on_save``. The
    handler that indexes every saved page; ``generate_scale`` disconnects it while it writes a
    batch and indexes the batch at once. modelsearch has no switch to pause its indexing.
14. ``wagtail.api.v2.pagination.WagtailPagination``: ``WagtailPagination``. The viewsets'
    ``pagination_class`` (a DRF hook), undocumented; ``cms/api/pagination.py`` subclasses it to
    keep its ``offset``/``limit`` checks and its answer, and takes the slice of the queryset it
    returns as the subquery choosing a page of results.
15. Django's ``Query.order_by``: ``ordering_of``. The ordering a queryset was given; Django's
    public API says only whether a queryset is ordered (``QuerySet.ordered``), and the listing
    adds ``id`` after the ordering Wagtail's ``order`` parameter chose, so that rows with equal
    values fall on one page of results and stay there.
"""

import functools
import importlib

from django.db import connection
from django.urls import path
from modelsearch.query import PlainText

# The versions every entry above was checked against (importlib.metadata names).
CHECKED_AGAINST = {
    "django": ">=5.2,<5.3",
    "wagtail": ">=8.0,<8.1",
    "djangorestframework": ">=3.18,<3.19",
    "wagtail-localize": ">=1.14,<1.15",
    "modelsearch": ">=1.3,<1.4",
}


# 10, 11, 13 and 14. Their modules load models when imported, and this module is imported while
# models load (the page mixins below), so these names are looked up on first use.
LOOKED_UP_ON_FIRST_USE = {
    # name here: (module, name there)
    "BadRequestError": ("wagtail.api.v2.utils", "BadRequestError"),
    "get_object_detail_url": ("wagtail.api.v2.utils", "get_object_detail_url"),
    "page_models_from_string": ("wagtail.api.v2.utils", "page_models_from_string"),
    "machine_translate_view": ("wagtail_localize.views.edit_translation", "machine_translate"),
    "UpdateTranslationsView": (
        "wagtail_localize.views.update_translations",
        "UpdateTranslationsView",
    ),
    "UpdateTranslationsForm": (
        "wagtail_localize.views.update_translations",
        "UpdateTranslationsForm",
    ),
    "search_index_on_save": ("modelsearch.signal_handlers", "post_save_signal_handler"),
    "WagtailPagination": ("wagtail.api.v2.pagination", "WagtailPagination"),
}


def __getattr__(name):
    if name in LOOKED_UP_ON_FIRST_USE:
        module, attribute = LOOKED_UP_ON_FIRST_USE[name]
        return getattr(importlib.import_module(module), attribute)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# 1. BaseAPIViewSet._get_serializer_class


class IdInEveryItem:
    """The document promises ``id`` on every item: ``fields=_`` (or ``-id``) keeps it."""

    @classmethod
    def _get_serializer_class(cls, router, model, fields_config, show_details=False, nested=False):
        if not nested:
            fields_config = [*fields_config, ("id", False, None)]
        return super()._get_serializer_class(
            router, model, fields_config, show_details=show_details, nested=nested
        )


class SerializerClassesKept:
    """Wagtail builds a serializer class, with one per nested type, on every request: about a
    millisecond of a cold listing. They depend only on these arguments, so they are kept;
    bounded, because ``fields`` comes from the query string."""

    _serializer_classes: dict = {}
    SERIALIZER_CLASSES_KEPT = 256

    @classmethod
    def _get_serializer_class(cls, router, model, fields_config, show_details=False, nested=False):
        key = (cls, id(router), model, repr(fields_config), show_details, nested)
        serializer_class = cls._serializer_classes.get(key)
        if serializer_class is None:
            serializer_class = super()._get_serializer_class(
                router, model, fields_config, show_details=show_details, nested=nested
            )
            if len(cls._serializer_classes) >= cls.SERIALIZER_CLASSES_KEPT:
                cls._serializer_classes.clear()
            cls._serializer_classes[key] = serializer_class
        return serializer_class


# 2. queryset._filtered_by_child_of

CHILD_OF_MARK = "_filtered_by_child_of"


def keep_child_of_mark(source, queryset):
    """``queryset`` carrying ``source``'s mark of a ``child_of`` filter, if it has one."""
    parent = getattr(source, CHILD_OF_MARK, None)
    if parent:
        setattr(queryset, CHILD_OF_MARK, parent)
    return queryset


# 3. Wagtail's English error messages

# Wagtail's messages, and the parameter each one is about when the message does not say.
WAGTAIL_MESSAGE_PARAMETERS = [
    ("unknown fields", "fields"),
    ("fields error", "fields"),
    ("does not support nested fields", "fields"),
    ("cannot order by", "order"),
    ("random ordering with offset", "offset"),
    ("random ordering", "order"),
    ("type doesn't exist", "type"),
    ("ancestor page", "ancestor_of"),
    ("descendant page", "ancestor_of"),
    ("parent page", "child_of"),
    ("translation_of", "translation_of"),
    ("while searching", "search"),
    ("search", "search"),
    ("limit", "limit"),
    ("offset", "offset"),
]


def parameter_of(message: str, query) -> str | None:
    """Which query parameter a Wagtail error message is about."""
    for fragment, parameter in WAGTAIL_MESSAGE_PARAMETERS:
        if fragment in message and (parameter in query or parameter == "fields"):
            return parameter
    mentioned = [name for name in query if name and name in message]
    return max(mentioned, key=len) if mentioned else None


# 4. Image.prefetched_renditions

PREFETCHED_RENDITIONS = "prefetched_renditions"


# 5. modelsearch's SearchBackend._search and query compilers


class WordlessQueriesFindNothing:
    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if isinstance(query, str) and not query.split():
            query = ""  # the backends' own rule: no query string, no results
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


class QuotesDoubledInTerms:
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            query = PlainText(
                query.query_string.replace('"', '""'), operator=query.operator, boost=query.boost
            )
        return super().build_search_query_content(query, config=config)


COMPILER_ATTRIBUTES = ("query_compiler_class", "autocomplete_query_compiler_class")


@functools.cache
def mended(engine_backend: type) -> type:
    """``engine_backend`` (a database backend class of modelsearch) where a query of only spaces
    finds nothing and, on SQLite, a term's double quotes are doubled as FTS5 requires."""
    compilers = {}
    if connection.vendor == "sqlite":
        # The SQLite backend's module imports only where SQLite is the engine.
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        if issubclass(engine_backend, SQLiteSearchBackend):
            compilers = {
                name: type(
                    getattr(engine_backend, name).__name__,
                    (QuotesDoubledInTerms, getattr(engine_backend, name)),
                    {},
                )
                for name in COMPILER_ATTRIBUTES
            }
    return type(engine_backend.__name__, (WordlessQueriesFindNothing, engine_backend), compilers)


# 6. request.wagtailapi_router


def routed(router, view):
    """``view`` as ``router`` would call it: with the router on the request."""
    return router.wrap_view(view)


# 7. Page.url and Page.full_url


class UrlPropertiesFollowOverrides:
    """``page.url`` and ``page.full_url`` ask the page's own ``get_url``/``get_full_url``."""

    @property
    def url(self):
        return self.get_url()

    @property
    def full_url(self):
        return self.get_full_url()


# 8. Page._get_dummy_header_url


class PreviewRequestFromAdminAddress:
    """The address Wagtail's preview request pretends to come from: the admin's own.

    Wagtail takes the site record's (``localhost`` unless configured) or the page's public URL
    (the frontend's, once ``FRONTEND_URL`` is set), so image URLs in the preview pointed where
    the person's browser could not go. Built from the address the person reached the admin at,
    they are what the API gives a client on that address.
    """

    def _get_dummy_header_url(self, original_request=None):
        if original_request is None:
            return super()._get_dummy_header_url(original_request)
        url_parts = self.get_url_parts(request=original_request) if self.pk else None
        return original_request.build_absolute_uri(url_parts[2] if url_parts else "/")


# 9. wagtail-localize's admin URLs

LOCALIZE_SYNC_ROUTE = "localize/update/<int:translation_source_id>/"
LOCALIZE_MACHINE_TRANSLATE_ROUTE = "localize/translate/<int:translation_id>/machine_translate/"


def localize_url_overrides(sync_view, machine_translate_view) -> list:
    """Admin URLs at wagtail-localize's addresses; registered before its own, they answer."""
    return [
        path(LOCALIZE_SYNC_ROUTE, sync_view, name="translations_sync"),
        path(
            LOCALIZE_MACHINE_TRANSLATE_ROUTE,
            machine_translate_view,
            name="translations_machine_translate",
        ),
    ]


# 12. DeepLTranslator.get_parameters and get_headers


def deepl_request_parts(translator, source_locale, target_locale, strings) -> tuple[dict, dict]:
    """The form data and headers wagtail-localize's DeepL translator sends for ``strings``."""
    return (
        translator.get_parameters(source_locale, target_locale, strings),
        translator.get_headers(),
    )


# 15. Query.order_by (Django)


def ordering_of(queryset) -> tuple:
    """The ordering ``queryset`` was given with ``order_by`` (or by its manager), else ()."""
    return tuple(queryset.query.order_by)
