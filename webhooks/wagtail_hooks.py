"""Admin: Settings → Webhooks (endpoints) and Settings → Webhook deliveries (the log)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from cms.api.events import event_choices

from .destinations import validate_destination
from .models import Webhook, WebhookDelivery


class WebhookViewSet(ModelViewSet):
    model = Webhook
    icon = "link-external"
    add_to_settings_menu = True
    menu_label = _("Webhooks")
    form_fields = ["name", "url", "secret", "events", "is_active"]
    list_display = ["name", "url", "event_labels", "is_active"]
    list_filter = ["is_active"]

    def formfield_for_dbfield(self, db_field, **kwargs):
        if db_field.name == "events":
            return forms.MultipleChoiceField(
                label=db_field.verbose_name.capitalize(),
                choices=event_choices,
                widget=forms.CheckboxSelectMultiple,
                help_text=db_field.help_text,
                error_messages={"required": _("Choose at least one event.")},
            )
        if db_field.name == "url":
            kwargs["assume_scheme"] = "https"
            # Also on the form field, so that an address the URL syntax check refuses too
            # (``http://2130706433/``) is explained as what it is: an internal address.
            kwargs["validators"] = [validate_destination]
        return super().formfield_for_dbfield(db_field, **kwargs)


class DeliveryLogPolicy(ModelPermissionPolicy):
    """The log shows what happened: it can be read and pruned, never written by hand."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


register_permission_policy(WebhookDelivery, DeliveryLogPolicy(WebhookDelivery))


class WebhookDeliveryViewSet(ModelViewSet):
    model = WebhookDelivery
    icon = "list-ul"
    add_to_settings_menu = True
    menu_label = _("Webhook deliveries")
    exclude_form_fields = []
    list_display = ["created_at", "webhook", "event", "status", "attempts", "response_code"]
    list_filter = ["status", "event", "webhook"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "webhook",
        "event",
        "status",
        "attempts",
        "response_code",
        "last_error",
        "created_at",
        "next_attempt_at",
        "delivered_at",
        "payload",
    ]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [WebhookViewSet("webhooks"), WebhookDeliveryViewSet("webhook_deliveries")]
