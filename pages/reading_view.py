"""The admin's reading view of a page: the draft as a visitor would read it, made by the CMS.

Without a frontend preview route (``FRONTEND_PREVIEW_URL``), the admin's preview is this view,
so an editor or a translator sees the page they are writing — title, logo, description, team
with photos, links, cooperating partners — instead of raw JSON. It is drawn from the same data
the API gives a frontend (``cms.api.preview.page_representation``), so image URLs, resolved
rich text links and labels are exactly what the frontend will get, and it speaks the page's
language: the ``lang`` attribute and every label follow the page's locale, not the admin's.

Each page type has its template, ``<app>/preview/<model>.html``; a type without one is shown
by ``pages/preview/page.html`` (title and introduction).
"""

from django.template.response import TemplateResponse
from django.utils import translation

from cms.api.preview import page_representation

from .social import SocialPlatform


def templates_for(page) -> list[str]:
    meta = page._meta
    return [f"{meta.app_label}/preview/{meta.model_name}.html", "pages/preview/page.html"]


def reading_view_response(page, request):
    language = page.locale.language_code
    with translation.override(language):
        data = page_representation(page, request)
        platforms = dict(SocialPlatform.choices)
        social_links = [
            {"url": link["url"], "label": platforms.get(link["platform"], link["platform"])}
            for link in data.get("social_links") or []
        ]
        response = TemplateResponse(
            request,
            templates_for(page),
            {"page": page, "data": data, "social_links": social_links, "language": language},
        )
        # Rendered now, while the page's language is active, for the labels.
        response.render()
    return response
