"""The search backend: Wagtail's database backend, with two faults of its engines mended.

``WAGTAILSEARCH_BACKENDS`` names this module; like ``wagtail.search.backends.database`` it
picks the backend of the default database, so the admin and the API search the same way.

- A query of only spaces is no query: the backends return nothing for ``""`` but took ``" "``
  for a query (SQLite crashed building it; PostgreSQL matched a page).
- SQLite (the embedded default) writes each term of a full-text query as an FTS5 string
  between double quotes without doubling the term's own quotes, as FTS5 requires: a search for
  ``a"b``, in the API or in the admin's image search, was a syntax error and a 500.

Both are mended inside modelsearch's backend, which has no public hook there
(``cms.api.wagtail_internals.mended``).
"""

from modelsearch.backends.database import SearchBackend as DatabaseSearchBackend

from cms.api.wagtail_internals import mended


def SearchBackend(params):  # the name Wagtail looks for in a backend module
    # The database backend's own choice (engine, and for SQLite whether FTS5 is there), then
    # the mended class of that choice; backends are plain objects, cheap to build twice.
    return mended(type(DatabaseSearchBackend(params)))(params)
