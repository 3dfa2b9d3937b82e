"""``newsletter.confirmed`` and ``newsletter.unsubscribed`` webhooks, sent once the change commits.

They let a mailing service (Brevo, Mailchimp, listmonk …) follow the list without the CMS
holding its credentials: the receiver adds or removes the address (docs/newsletter.md).
"""

from django.db import transaction
from django.utils import timezone

from cms.api.events import Event
from webhooks.dispatch import send_event

from .models import Subscription


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
    announce(Event.NEWSLETTER_CONFIRMED, subscription)


def unsubscribed(subscription: Subscription):
    announce(Event.NEWSLETTER_UNSUBSCRIBED, subscription)
