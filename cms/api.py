"""The public API router: Wagtail API v2 mounted at /api/v2/."""

from django.http import JsonResponse
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)


def page_representation(page, request):
    """The JSON a frontend receives for ``page`` from the page detail endpoint.

    Works for unsaved drafts too, which is what the admin preview shows.
    """
    view = PagesAPIViewSet()
    view.request = request
    view.action = "detail_view"
    view.format_kwarg = None
    view.kwargs = {"pk": page.pk}
    request.wagtailapi_router = api_router
    view.headers = {}
    serializer = view.get_serializer(page)
    return serializer.data


def page_preview_response(page, request):
    return JsonResponse(page_representation(page, request), json_dumps_params={"indent": 2})
