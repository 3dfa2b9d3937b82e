"""Admin wiring for the site-wide content."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SiteContent


class SiteContentViewSet(SnippetViewSet):
    model = SiteContent
    icon = "site"
    menu_label = _("Site content")
    add_to_settings_menu = True
    list_display = ["project_name", "tagline", "locale"]
    search_fields = ["project_name", "tagline", "coordinator_organisation"]


register_snippet(SiteContentViewSet)
