"""``newsletter.confirmed`` and ``newsletter.unsubscribed`` webhooks, sent once the change commits.

They let a mailing service (Brevo, Mailchimp, listmonk …) follow the list without the CMS
holding its credentials: the receiver adds or removes the address (docs/newsletter.md).
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cms.api.events import register_event
from webhooks.dispatch import send_event

from .models import Subscription

CONFIRMED = "newsletter.confirmed"
UNSUBSCRIBED = "newsletter.unsubscribed"


def register():
    """Offer the newsletter's events to webhooks (from ``NewsletterConfig.ready()``)."""
    register_event(CONFIRMED, _("Newsletter subscription confirmed"))
    register_event(UNSUBSCRIBED, _("Newsletter subscriber unsubscribed"))


def payload(event: str, subscription: Subscription) -> dict:
    return {
        "event": event,
        "occurred_at": timezone.now().isoformat(),
        "subscription": subscription.as_export(),
    }


def announce(event: str, subscription: Subscription):
    body = payload(event, subscription)
    transaction.on_commit(lambda: send_event(event, body))


def confirmed(subscription: Subscription):
    announce(CONFIRMED, subscription)


def unsubscribed(subscription: Subscription):
    announce(UNSUBSCRIBED, subscription)
