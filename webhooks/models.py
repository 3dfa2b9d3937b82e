"""Publish notifications: the endpoints administrators configure, and every delivery to them."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.api.events import event_choices

from .destinations import validate_destination


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class Webhook(models.Model):
    """An address that receives a signed POST whenever content it subscribes to changes."""

    name = models.CharField(
        _("name"), max_length=100, help_text=_("Who receives it, e.g. “Frontend revalidation”.")
    )
    url = models.URLField(
        _("URL"),
        max_length=500,
        validators=[validate_destination],
        help_text=_("Receives a POST with a JSON body for each event. Use https:// in production."),
    )
    secret = models.CharField(
        _("secret"),
        max_length=200,
        default=new_secret,
        help_text=_(
            "Shared with the receiver, which checks the X-UCAN-Signature header with it "
            "(HMAC-SHA256 of the body). Generated for you; change it to rotate."
        ),
    )
    events = models.JSONField(
        _("events"),
        default=list,
        help_text=_("The changes this endpoint hears about."),
    )
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Untick to pause deliveries without losing them.")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("webhook")
        verbose_name_plural = _("webhooks")

    def __str__(self):
        return self.name

    def event_labels(self) -> str:
        labels = dict(event_choices())
        return ", ".join(str(labels.get(event, event)) for event in self.events)

    event_labels.short_description = _("events")


class WebhookDelivery(models.Model):
    """One event for one endpoint, kept with its outcome whether it got through or not."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        RETRYING = "retrying", _("Waiting to retry")
        DELIVERED = "delivered", _("Delivered")
        FAILED = "failed", _("Failed")

    webhook = models.ForeignKey(Webhook, on_delete=models.CASCADE, related_name="deliveries")
    event = models.CharField(_("event"), max_length=40, choices=event_choices)
    payload = models.JSONField(_("payload"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PENDING
    )
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    response_code = models.PositiveIntegerField(_("last response code"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("webhook delivery")
        verbose_name_plural = _("webhook deliveries")
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.event} → {self.webhook} ({self.get_status_display()})"
