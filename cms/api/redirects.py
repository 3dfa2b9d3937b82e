"""Old paths that keep working: Wagtail's redirects app, as the API hands it to a frontend.

Wagtail records a redirect whenever an editor changes a page's slug or moves it
(``WAGTAILREDIRECTS_AUTO_CREATE``), and editors add their own under Settings → Redirects.

* ``find/?html_path=<old path>`` answers, when no live page has that path but a redirect does,
  with the new location (``redirect_answer``)::

      HTTP/1.1 301 Moved Permanently
      Location: https://cms.example/api/v2/pages/12/
      {"message": "…", "permanent": true,
       "redirect_to": {"html_path": "/en/partners/new-slug/",
                       "api_url": "https://cms.example/api/v2/pages/12/", "url": null}}

  301 for a permanent redirect, 307 for a temporary one (302 stays find/'s answer for a
  page found at the path it asked for); ``url`` is set instead of the other two when the
  redirect leads off the site.
* ``GET /api/v2/redirects/`` lists the redirects editors made, for frontend middleware::

      {"meta": {"total_count": 1},
       "items": [{"id": 3, "old_path": "/en/old-partners", "site": "cms.example",
                  "permanent": true, "locale": "en",
                  "redirect_to": {"html_path": "/en/partners/", "api_url": "…", "url": null}}]}

A redirect to a page that is not live and public leads nowhere the public may go: it is left
out of both, as the page itself would be.
"""

from django.conf import settings
from django.db.models import Q
from django.http import JsonResponse
from django.urls import reverse
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.api.utils import get_full_url
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from .paths import page_path
from .querysets import public_pages
from .validation import InvalidParameter

LISTING_PARAMETERS = {"limit", "offset", "site"}
DEFAULT_LIMIT = 20


def candidate_paths(locale_code: str, components: list[str]) -> list[str]:
    """The stored forms (``Redirect.normalise_path``) an old path may have.

    Wagtail records page paths with their language prefix (/en/partners/x); an editor may have
    typed one without (/partners/x). Both are tried, the prefixed one first.
    """
    rest = "".join(f"/{component}" for component in components)
    paths = [f"/{locale_code}{rest}", rest or "/"]
    return [Redirect.normalise_path(path) for path in paths]


def find_redirect(paths: list[str], site: Site | None, request) -> Redirect | None:
    """The redirect for the first of ``paths`` that has one and leads somewhere public."""
    redirects = (
        Redirect.get_for_site(site)
        .filter(old_path__in=paths)
        .select_related("redirect_page", "redirect_page__locale", "site")
    )
    # This site's own redirects before those for every site, then in the order of ``paths``.
    ranked = sorted(redirects, key=lambda r: (r.site_id is None, paths.index(r.old_path)))
    visible = visible_page_ids(ranked, request)
    for redirect in ranked:
        if redirect.redirect_page_id is None or redirect.redirect_page_id in visible:
            return redirect
    return None


def visible_page_ids(redirects, request) -> set[int]:
    ids = {r.redirect_page_id for r in redirects if r.redirect_page_id is not None}
    if not ids:
        return set()
    return set(public_pages(request).filter(pk__in=ids).values_list("pk", flat=True))


def detail_url(page_id: int, request) -> str:
    return get_full_url(request, reverse("wagtailapi:pages:detail", args=(page_id,)))


def target_of(redirect: Redirect, request) -> dict:
    page = redirect.redirect_page
    if page is None:
        return {"html_path": None, "api_url": None, "url": redirect.link}
    path = page_path(page, request)
    route = (redirect.redirect_page_route_path or "").strip("/")
    if path and route:
        path = f"{path.rstrip('/')}/{route}/"
    return {
        "html_path": path,
        "api_url": detail_url(page.pk, request),
        "url": None,
    }


def redirect_answer(redirect: Redirect, request) -> JsonResponse:
    """find/'s answer for an old path: 301 or 307 to the new page's API detail."""
    target = target_of(redirect, request)
    location = target["api_url"] or target["url"]
    response = JsonResponse(
        {
            "message": "This path has moved; ask for the page at redirect_to.",
            "redirect_to": target,
            "permanent": redirect.is_permanent,
        },
        status=301 if redirect.is_permanent else 307,
    )
    response["Location"] = location
    return response


def locale_of(redirect: Redirect) -> str | None:
    if redirect.redirect_page is not None:
        return redirect.redirect_page.locale.language_code
    first = redirect.old_path.split("/")[1] if redirect.old_path.count("/") else ""
    return first if first in dict(settings.WAGTAIL_CONTENT_LANGUAGES) else None


class RedirectsListing(APIView):
    """``GET /api/v2/redirects/``: editor-made redirects, paginated like the other listings."""

    def get(self, request):
        unknown = set(request.GET) - LISTING_PARAMETERS
        if unknown:
            raise InvalidParameter(sorted(unknown)[0], "is not a parameter of this endpoint")
        limit = int(request.GET.get("limit", DEFAULT_LIMIT))
        if limit > settings.WAGTAILAPI_LIMIT_MAX:
            raise InvalidParameter("limit", f"may not be above {settings.WAGTAILAPI_LIMIT_MAX}")
        offset = int(request.GET.get("offset", 0))
        site = Site.find_for_request(request)
        redirects = (
            Redirect.objects.filter(automatically_created=False)
            .filter(Q(site=site) | Q(site__isnull=True))
            .filter(
                Q(redirect_page__isnull=True)
                | Q(redirect_page__in=public_pages(request).values("pk"))
            )
            .select_related("redirect_page", "redirect_page__locale", "site")
            .order_by("old_path", "pk")
        )
        page = redirects[offset : offset + limit]
        return Response(
            {
                "meta": {"total_count": redirects.count()},
                "items": [
                    {
                        "id": redirect.pk,
                        "old_path": redirect.old_path,
                        "site": redirect.site.hostname if redirect.site else None,
                        "permanent": redirect.is_permanent,
                        "locale": locale_of(redirect),
                        "redirect_to": target_of(redirect, request),
                    }
                    for redirect in page
                ],
            }
        )
