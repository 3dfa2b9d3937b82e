"""Rich-text page links as frontend paths, for every rich-text field of every app."""

from django.utils.html import escape
from wagtail import hooks
from wagtail.rich_text.pages import PageLinkHandler

from cms.api import cache_tags


class FrontendPathPageLinkHandler(PageLinkHandler):
    """Internal links in rich text as frontend paths: ``<a href="/uk/partners/x/">``.

    Wagtail writes ``page.url``, which becomes an absolute URL on the frontend once
    ``FRONTEND_URL`` is set (so that "View live" opens the real page); the API's rich text
    stays with paths either way, which the frontend routes itself.
    """

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        links = []
        # A change to any translation of a linked page purges its key (a moved page's path).
        cache_tags.add_pages(attrs.get("id") for attrs in attrs_list)
        for page in cls.get_many(attrs_list):
            url_parts = page.localized.get_url_parts() if page else None
            links.append(f'<a href="{escape(url_parts[2])}">' if url_parts else "<a>")
        return links


# After Wagtail's own registration (order 0), which it replaces for the "page" link type.
@hooks.register("register_rich_text_features", order=10)
def register_frontend_path_page_links(features):
    features.register_link_type(FrontendPathPageLinkHandler)
