"""Pages of results of the page, image and document listings: rows with equal values never
move between pages, and whole rows are read for the requested page of results only.

Wagtail's pagination slices the listing's queryset as its ``order`` left it. Two things follow.
Rows with equal values (``order=country``, ``order=city``) are in whatever order the database
picks, which on PostgreSQL may differ from one ``offset`` to the next: a frontend paging
through them could see a partner twice and another never. And the database joins every column
of every matching page (its type's table, its logo and the logo's collection), sorts all of
them and only then skips the offset. Here ``id`` breaks ties after the requested ordering, and
the sort and the offset run on ids in a subquery; the outer query reads the full rows of the
ids it returns::

    SELECT … WHERE id IN (SELECT id … ORDER BY city, id LIMIT 20 OFFSET 980) ORDER BY city, id

The same query count as Wagtail's. The count that gives ``meta.total_count`` still reads every
matching page, as it must. Search results (``search=``) are not a queryset by then: they keep
the search backend's order and Wagtail's slicing, ties included.
"""

from django.db import connection
from django.db.models import QuerySet

from .wagtail_internals import WagtailPagination, ordering_of

# Already unique: no tie left to break.
UNIQUE_ORDERINGS = {"pk", "-pk", "id", "-id", "path", "-path"}
RANDOM = "?"


class RowsOfOnePagePagination(WagtailPagination):
    """Wagtail's pagination (its parameters, checks and answer), with ties broken by id and
    whole rows read for one page of results."""

    def paginate_queryset(self, queryset, request, view=None):
        # Search results are no queryset by now, and a random order (``order=random``) has no
        # ties to break: Wagtail's slicing serves both.
        if not isinstance(queryset, QuerySet):
            return super().paginate_queryset(queryset, request, view)
        ordering = ordering_of(queryset)
        if RANDOM in ordering:
            return super().paginate_queryset(queryset, request, view)
        if ordering and not UNIQUE_ORDERINGS.intersection(map(str, ordering)):
            queryset = queryset.order_by(*ordering, "pk")
        page = super().paginate_queryset(queryset, request, view)
        # A sliced subquery in IN needs an order to slice by and a database that takes one
        # (MySQL and MariaDB do not).
        if not queryset.ordered or not connection.features.allow_sliced_subqueries_with_in:
            return page
        # ``page`` is Wagtail's slice of the queryset: its ids are the subquery.
        return queryset.filter(pk__in=page.values("pk"))
