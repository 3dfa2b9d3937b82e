"""The admin preview: the JSON the frontend will receive for a page, saved or not."""

from django.http import JsonResponse

from .relations import PageRelations
from .router import api_router
from .views import PagesEndpoint


def page_representation(page, request) -> dict:
    """The page detail JSON for ``page``, which need not be saved."""
    view = PagesEndpoint()
    view.request = request
    view.action = "detail_view"
    view.format_kwarg = None
    view.kwargs = {"pk": page.pk}
    view.headers = {}
    request.wagtailapi_router = api_router
    view.relations = PageRelations(view.get_base_queryset()).load([page])
    view._cached_object = page
    return view.get_serializer(page).data


def page_preview_response(page, request):
    return JsonResponse(page_representation(page, request), json_dumps_params={"indent": 2})
