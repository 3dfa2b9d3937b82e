"""The CMS's URLs plus stock Wagtail API v2 at /stock/api/v2/, over the same data.

/stock/ sits outside /api/ so the response cache never applies to it.
"""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from cms.urls import urlpatterns as cms_urlpatterns

stock_router = WagtailAPIRouter("stockapi")
stock_router.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [path("stock/api/v2/", stock_router.urls), *cms_urlpatterns]
