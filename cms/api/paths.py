def page_path(page, request) -> str | None:
    """The page's path on the frontend, language prefix included, e.g. "/en/partners/x/"."""
    url_parts = page.get_url_parts(request=request)
    return url_parts[2] if url_parts else None
