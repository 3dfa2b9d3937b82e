"""A page's place on the site: Wagtail's URL parts, worked out once per page, and its path."""

from django.urls import NoReverseMatch


def url_parts(page, request):
    """Wagtail's ``(site_id, root_url, page_path)`` for ``page``, worked out once per instance.

    A response asks for them several times per page (``meta.path``, ``html_url``, alternates,
    nested partners); page instances live for one request, so keeping them on it is safe.
    """
    if not hasattr(page, "_api_url_parts"):
        try:
            page._api_url_parts = page.get_url_parts(request=request)
        except NoReverseMatch:
            page._api_url_parts = None
    return page._api_url_parts


def page_path(page, request) -> str | None:
    """The page's path on the frontend, language prefix included, e.g. "/en/partners/x/"."""
    parts = url_parts(page, request)
    return parts[2] if parts else None


def page_full_url(page, request) -> str | None:
    """The page's address on this host, as Wagtail's ``full_url`` (``root_url + path``)."""
    parts = url_parts(page, request)
    if parts is None or parts[1] is None:
        return None
    return parts[1] + parts[2]
