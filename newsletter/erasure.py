"""Erasure and export of what is held about one address.

Besides the subscription, the address sits in the payload of the newsletter webhook deliveries
(kept for ``WEBHOOK_DELIVERY_RETENTION_DAYS``). Erasing a subscription, from the admin or from
``manage.py newsletter_erase``, deletes those too, so nothing of the person stays behind.
"""

from django.db.models.signals import post_delete

from webhooks.models import WebhookDelivery

from .models import Subscription, normalise_email


def deliveries_about(email: str):
    return WebhookDelivery.objects.filter(
        event__startswith="newsletter.", payload__subscription__email=email
    )


def export(email: str) -> dict:
    email = normalise_email(email)
    subscription = Subscription.objects.filter(email=email).first()
    return {
        "email": email,
        "subscription": subscription.as_export() if subscription else None,
        "webhook_deliveries": [
            {
                "event": delivery.event,
                "created_at": delivery.created_at.isoformat(),
                "status": delivery.status,
                "payload": delivery.payload,
            }
            for delivery in deliveries_about(email).order_by("created_at", "pk")
        ],
    }


def erase(email: str) -> bool:
    """Delete the subscription and its deliveries; False when nothing was held."""
    email = normalise_email(email)
    subscription = Subscription.objects.filter(email=email).first()
    if subscription is None:
        return bool(deliveries_about(email).delete()[0])
    subscription.delete()
    return True


def delete_deliveries(sender, instance, **kwargs):
    deliveries_about(instance.email).delete()


def connect():
    post_delete.connect(delete_deliveries, sender=Subscription, dispatch_uid="newsletter-erase")
