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


def with_ties_broken(queryset):
    """``queryset`` in its own order, then by id; untouched when that order is unique already,
    random (``order=random``) or not a queryset at all (search results)."""
    if not isinstance(queryset, QuerySet):
        return queryset
    ordering = ordering_of(queryset)
    if not ordering or "?" in ordering or UNIQUE_ORDERINGS.intersection(map(str, ordering)):
        return queryset
    return queryset.order_by(*ordering, "pk")


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
    """Wagtail's pagination (its parameters, checks and answer), with ties broken by id and
    whole rows read for one page of results."""

    def paginate_queryset(self, queryset, request, view=None):
        queryset = with_ties_broken(queryset)
        page = super().paginate_queryset(queryset, request, view)
        if not narrowable(queryset, request):
            return page
        # ``page`` is Wagtail's slice of the queryset: its ids are the subquery.
        return queryset.filter(pk__in=page.values("pk"))
