"""Behaviour every page shares in a CMS that renders no public HTML of its own."""

from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site
from wagtail_headless_preview.models import HeadlessPreviewMixin
from wagtail_headless_preview.settings import headless_preview_settings

from cms.api.wagtail_internals import PreviewRequestFromAdminAddress, UrlPropertiesFollowOverrides

from .permissions import RolePagePermissionTester

# How the admin's "reading" and "json" preview modes are drawn, registered by
# ``PagesConfig.ready()``: they use the API, whose modules need every model loaded, while this
# module is imported as the models load.
PREVIEW_RENDERERS: dict[str, Callable] = {}


class HeadlessPageMixin(
    UrlPropertiesFollowOverrides, PreviewRequestFromAdminAddress, HeadlessPreviewMixin
):
    """Send visitors to the frontend; preview in the frontend, as a reading view, or as JSON.

    With ``FRONTEND_PREVIEW_URL`` set, the admin's preview opens the frontend's preview route
    with ``?content_type=…&token=…`` (wagtail-headless-preview), and the frontend reads the draft
    from ``/api/v2/page_preview/``. Without it, the default is the CMS's own reading view of the
    page (``pages/reading_view.py``). The JSON mode is always there, for frontend developers.
    """

    def permissions_for_user(self, user):
        """The roles of ``pages/permissions.py``, asked by every admin view and bulk action."""
        return RolePagePermissionTester(user, self)

    @property
    def preview_modes(self):
        modes = [("reading", _("Reading view")), ("json", _("API response (JSON)"))]
        if headless_preview_settings.CLIENT_URLS:
            modes.insert(0, ("frontend", _("Frontend")))
        return modes

    @property
    def default_preview_mode(self):
        return self.preview_modes[0][0]

    def serve(self, request, *args, **kwargs):
        if settings.FRONTEND_URL:
            _site_id, _root_url, page_path = self.get_url_parts(request=request)
            query = request.META.get("QUERY_STRING", "")
            # Campaign parameters (?utm_source=…) survive the hop to the frontend.
            return HttpResponseRedirect(
                settings.FRONTEND_URL + page_path + (f"?{query}" if query else "")
            )
        return TemplateResponse(request, "pages/headless_page.html", {"page": self})

    def get_url(self, request=None, current_site=None):
        """On the frontend when it is known: the admin's "View live" opens the real page."""
        if settings.FRONTEND_URL:
            url_parts = self.get_url_parts(request=request)
            return settings.FRONTEND_URL + url_parts[2] if url_parts else None
        return super().get_url(request=request, current_site=current_site)

    def get_full_url(self, request=None):
        if settings.FRONTEND_URL:
            return self.get_url(request=request)
        return super().get_full_url(request=request)

    def get_client_root_url(self, request):
        """The frontend preview URL of the request's site: its own, else the default."""
        site = Site.find_for_request(request)
        urls = headless_preview_settings.CLIENT_URLS
        url = urls.get(site.hostname) if site else None
        return url or urls.get("default")

    def get_preview_url(self, request, token):
        # Keeps a query the frontend needs already (Next.js draft mode wants ?secret=…).
        parts = urlsplit(self.get_client_root_url(request))
        query = parse_qsl(parts.query) + [
            ("content_type", self.get_content_type_str()),
            ("token", token),
        ]
        return urlunsplit(parts._replace(query=urlencode(query)))

    def serve_preview(self, request, mode_name):
        if mode_name == "frontend" and self.get_client_root_url(request):
            # wagtail-headless-preview's: stores the draft, clears out old ones
            # (``PagePreview.garbage_collect``) and opens the frontend.
            return super().serve_preview(request, mode_name)

        renderer = PREVIEW_RENDERERS["json" if mode_name == "json" else "reading"]
        return renderer(self, request)
