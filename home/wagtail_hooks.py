"""Admin wiring for the site-wide content, and rich-text links as frontend paths."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SiteContent
from .private_media import warn_about_private_funding_emblem
from .rich_text import FrontendPathPageLinkHandler


class SiteContentViewSet(SnippetViewSet):
    model = SiteContent
    icon = "site"
    menu_label = _("Site content")
    add_to_settings_menu = True
    list_display = ["project_name", "tagline", "locale"]
    search_fields = ["project_name", "tagline", "coordinator_organisation"]


register_snippet(SiteContentViewSet)


# After Wagtail's own registration (order 0), which it replaces for the "page" link type.
@hooks.register("register_rich_text_features", order=10)
def register_frontend_path_page_links(features):
    features.register_link_type(FrontendPathPageLinkHandler)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def warn_about_a_private_funding_emblem(request, instance):
    if isinstance(instance, SiteContent):
        warn_about_private_funding_emblem(request, instance)
