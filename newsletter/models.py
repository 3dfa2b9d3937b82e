"""Newsletter subscriptions and the proof of consent each one keeps.

Nothing more is stored than the law asks for: the address, its language, and when and to which
consent wording the person agreed. The client's IP address is never stored; the abuse limits
count a hash of it in the cache (:mod:`newsletter.limits`).
"""

from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Subscription(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    email = models.EmailField(_("email"), unique=True, max_length=254)
    locale = models.CharField(
        _("language"), max_length=10, choices=settings.WAGTAIL_CONTENT_LANGUAGES
    )
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.PENDING
    )
    requested_at = models.DateTimeField(_("requested"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed"), null=True, blank=True)
    consent_text_version = models.CharField(
        _("consent text version"),
        max_length=50,
        help_text=_("The version of the consent wording the person agreed to."),
    )
    consent_language = models.CharField(
        _("consent language"),
        max_length=10,
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        help_text=_("The language the consent wording was shown in."),
    )

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("newsletter subscription")
        verbose_name_plural = _("newsletter subscriptions")
        indexes = [models.Index(fields=["state", "requested_at"])]

    def __str__(self):
        return self.email

    def as_export(self) -> dict:
        """Everything held about the subscriber, as ``newsletter_export`` prints it and the
        newsletter webhooks carry it; times in ISO 8601."""
        export = {}
        for name in EXPORTED_FIELDS:
            value = getattr(self, name)
            export[name] = value.isoformat() if isinstance(value, datetime) else value
        return export


# What is held about a subscriber, in the order the export, the admin's CSV/XLSX and the
# webhooks give it.
EXPORTED_FIELDS = [
    "email",
    "locale",
    "state",
    "requested_at",
    "confirmed_at",
    "unsubscribed_at",
    "consent_text_version",
    "consent_language",
]


def normalise_email(email: str) -> str:
    """One row per mailbox however it is typed: surrounding spaces dropped, all lower case."""
    return email.strip().lower()
