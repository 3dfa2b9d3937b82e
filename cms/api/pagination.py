"""Listings read whole rows for the requested page of results only.

Wagtail's pagination slices the listing's queryset, so the database joins every column of
every matching page (its type's table, its logo and the logo's collection), sorts all of them
by path and only then skips the offset: at 2,000 partners a listing sorted 2,000 wide rows to
send 20 (EXPLAIN on PostgreSQL: a Sort of every row under the Limit). Here the sort and the
offset run on ids and paths alone, in a subquery, and the outer query reads the full rows of
the ids it returns::

    SELECT … WHERE id IN (SELECT id … ORDER BY path LIMIT 20 OFFSET 980) ORDER BY path

The same rows in the same order, in the same number of queries. The count that gives
``meta.total_count`` still reads every matching page, as it must.
"""

from django.db import connection
from django.db.models import QuerySet

from .wagtail_internals import WagtailPagination


def narrowable(queryset, request) -> bool:
    """Whether the page of results can be chosen by id in a subquery: an ordered queryset (not
    search results, not ``order=random``), on a database that takes a sliced subquery in ``IN``
    (MySQL and MariaDB do not)."""
    return (
        isinstance(queryset, QuerySet)
        and queryset.ordered
        and request.GET.get("order") != "random"
        and connection.features.allow_sliced_subqueries_with_in
    )


class RowsOfOnePagePagination(WagtailPagination):
    """Wagtail's pagination (its parameters, checks and response), rows read for one page."""

    def paginate_queryset(self, queryset, request, view=None):
        page = super().paginate_queryset(queryset, request, view)
        if not narrowable(queryset, request):
            return page
        # ``page`` is Wagtail's slice of the queryset: its ids are the subquery.
        return queryset.filter(pk__in=page.values("pk"))
