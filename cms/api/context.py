"""What serializer fields share within one response."""

from .querysets import public_page_scope
from .relations import PageRelations


def relations_for(field, page):
    """The batch-loaded relations of this response, or page-by-page ones when the serializer
    runs outside PagesEndpoint (stock Wagtail views, the benchmark's reference)."""
    relations = field.context.get("relations")
    if relations is None:
        relations = PageRelations(public_page_scope(field.context["request"])).load([page])
    return relations
