"""Admin → Newsletter: the subscriptions, filtered by state and language, exported as CSV/XLSX.

Editors and Moderators read and export the list (granted by migration 0002); nobody writes a
subscription by hand, as its consent record must be the subscriber's own. Deleting one is
erasure (with the webhook deliveries naming it, :mod:`newsletter.erasure`) and is left to
administrators.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from .models import EXPORTED_FIELDS, Subscription


class SubscriptionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        if action == "delete":
            return user.is_active and user.is_superuser
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(Subscription, SubscriptionPolicy(Subscription))


class SubscriptionViewSet(ModelViewSet):
    model = Subscription
    icon = "mail"
    menu_label = _("Newsletter")
    menu_order = 900
    add_to_admin_menu = True
    exclude_form_fields = []
    list_display = ["email", "locale", "state", "requested_at", "confirmed_at"]
    list_filter = ["state", "locale"]
    list_export = EXPORTED_FIELDS
    export_filename = "newsletter-subscriptions"
    search_fields = ["email"]
    inspect_view_enabled = True
    inspect_view_fields = EXPORTED_FIELDS


@hooks.register("register_admin_viewset")
def register_viewsets():
    return SubscriptionViewSet("newsletter")
