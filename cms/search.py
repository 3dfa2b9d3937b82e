"""The search backend: Wagtail's database backend, with two faults of its engines mended.

``WAGTAILSEARCH_BACKENDS`` names this module; like ``wagtail.search.backends.database`` it
picks the backend of the default database, so the admin and the API search the same way.

- A query of only spaces is no query: the backends return nothing for ``""`` but took ``" "``
  for a query (SQLite crashed building it; PostgreSQL matched a page).
- SQLite (the embedded default) writes each term of a full-text query as an FTS5 string
  between double quotes without doubling the term's own quotes, as FTS5 requires: a search for
  ``a"b``, in the API or in the admin's image search, was a syntax error and a 500.
"""

import functools

from django.db import connection
from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend
from modelsearch.query import PlainText


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


def SearchBackend(params):  # the name Wagtail looks for in a backend module
    # The database backend's own choice (engine, and for SQLite whether FTS5 is there), then
    # the mended class of that choice; backends are plain objects, cheap to build twice.
    return mended(type(DatabaseSearchBackend(params)))(params)


@functools.cache
def mended(engine_backend: type) -> type:
    """``engine_backend`` with the mends above (its own module exists only on its engine)."""
    compilers = {}
    if connection.vendor == "sqlite":
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        if issubclass(engine_backend, SQLiteSearchBackend):
            compilers = {
                name: type(
                    getattr(engine_backend, name).__name__,
                    (QuotesDoubledInTerms, getattr(engine_backend, name)),
                    {},
                )
                for name in ("query_compiler_class", "autocomplete_query_compiler_class")
            }
    return type(engine_backend.__name__, (WordlessQueriesFindNothing, engine_backend), compilers)
