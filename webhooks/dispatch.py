"""Turn content changes (and newsletter events) into deliveries for every active endpoint that
subscribes to them."""

from cms.api.events import ContentChange, content_changed

from .models import Webhook, WebhookDelivery
from .tasks import enqueue


def send_event(event: str, payload: dict):
    """Record one delivery per active endpoint that subscribes to ``event``, and queue it."""
    for webhook in Webhook.objects.filter(is_active=True):
        if event not in webhook.events:
            continue
        # The row comes first: whatever happens to the receiver, the event is kept.
        delivery = WebhookDelivery.objects.create(webhook=webhook, event=event, payload=payload)
        enqueue(delivery)


def record_and_send(sender, change: ContentChange, **kwargs):
    send_event(change.event, change.as_payload())


def connect():
    content_changed.connect(record_and_send, dispatch_uid="webhooks-record-and-send")
