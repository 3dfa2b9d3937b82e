"""Admin wiring for the site-wide content."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from pages.permissions import LanguageScopedPolicy
from pages.private_media import warn_if_private

from .models import SiteContent

# Before the viewset is registered, which would otherwise make Wagtail's default policy.
register_permission_policy(SiteContent, LanguageScopedPolicy(SiteContent))


class InstancePermissionCheckedMixin:
    """Asks the permission policy about the object a view acts on, not only its model.

    Wagtail's generic edit, delete, unpublish and similar views check model permissions only;
    the site content's policy also knows about languages (``pages/permissions.py``).
    """

    def get_object(self, queryset=None):
        instance = super().get_object(queryset)
        action = getattr(self, "permission_required", None)
        if action and action != "view":
            if not self.permission_policy.user_has_permission_for_instance(
                self.request.user, action, instance
            ):
                raise PermissionDenied
        return instance


class SiteContentViewSet(SnippetViewSet):
    model = SiteContent
    icon = "site"
    menu_label = _("Site content")
    add_to_settings_menu = True
    list_display = ["project_name", "tagline", "locale"]
    search_fields = ["project_name", "tagline", "coordinator_organisation"]

    def construct_view(self, view_class, **kwargs):
        # Every view of the viewset, including any a future Wagtail release adds.
        checked = type(view_class.__name__, (InstancePermissionCheckedMixin, view_class), {})
        return super().construct_view(checked, **kwargs)


register_snippet(SiteContentViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def warn_about_a_private_funding_emblem(request, instance):
    if isinstance(instance, SiteContent):
        warn_if_private(
            request,
            instance.funding_image,
            gettext(
                "The funding emblem “%(image)s” is in the private collection “%(collection)s”: "
                "the website will show no emblem until it is moved to a public collection."
            ),
        )
