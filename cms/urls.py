from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.api.openapi import openapi_view
from cms.api.router import api_router
from cms.api.sitemap import SitemapListing, sitemap_xml
from cms.api.views import RedirectsEndpoint, api_not_found
from home.api import SiteContentView
from operations.views import documentation, landing

handler400 = "operations.errors.handle_bad_request"
handler500 = "operations.errors.handle_server_error"

urlpatterns = [
    path("", landing, name="landing"),
    path("docs/", documentation, name="documentation"),
    path("docs/<slug:page>/", documentation, name="documentation_page"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/openapi.json", openapi_view, name="api_openapi"),
    path("api/v2/site/", SiteContentView.as_view(), name="api_site"),
    path("api/v2/redirects/", RedirectsEndpoint.as_view(), name="api_redirects"),
    path("api/v2/sitemap/", SitemapListing.as_view(), name="api_sitemap"),
    path("sitemap.xml", sitemap_xml, name="sitemap_xml"),
    path("api/v2/newsletter/", include("newsletter.urls")),
    path("api/v2/", api_router.urls),
    path("api/<path:unknown>", api_not_found),
    # The newsletter's confirm and unsubscribe pages, for when no frontend serves them.
    path("", include("newsletter.page_urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    from operations.media import serve_media

    urlpatterns += staticfiles_urlpatterns()
    # Uploads with the headers the production proxy adds: nosniff, non-images as downloads.
    urlpatterns += static(settings.MEDIA_URL, view=serve_media, document_root=settings.MEDIA_ROOT)

# Page URLs carry the language: /en/partners/…, /uk/partners/…. They redirect to the frontend.
urlpatterns += i18n_patterns(path("", include(wagtail_urls)), prefix_default_language=True)
