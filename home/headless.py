"""Behaviour every page shares in a CMS that renders no public HTML of its own."""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _


class HeadlessPageMixin:
    """Send visitors to the frontend, and preview the JSON the frontend will receive."""

    preview_modes = [("json", _("API response (JSON)"))]
    default_preview_mode = "json"

    def serve(self, request, *args, **kwargs):
        if settings.FRONTEND_URL:
            _site_id, _root_url, page_path = self.get_url_parts(request=request)
            query = request.META.get("QUERY_STRING", "")
            # Campaign parameters (?utm_source=…) survive the hop to the frontend.
            return HttpResponseRedirect(
                settings.FRONTEND_URL + page_path + (f"?{query}" if query else "")
            )
        return TemplateResponse(request, "headless_page.html", {"page": self})

    def serve_preview(self, request, mode_name):
        # Imported here: the API module imports the page models.
        from cms.api.preview import page_preview_response

        return page_preview_response(self, request)
