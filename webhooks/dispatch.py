"""Turn content changes into deliveries for every active endpoint that subscribes to them."""

from cms.events import ContentChange, content_changed

from .models import Webhook, WebhookDelivery
from .tasks import enqueue


def record_and_send(sender, change: ContentChange, **kwargs):
    payload = change.as_payload()
    for webhook in Webhook.objects.filter(is_active=True):
        if change.event not in webhook.events:
            continue
        # The row comes first: whatever happens to the receiver, the event is kept.
        delivery = WebhookDelivery.objects.create(
            webhook=webhook, event=change.event, payload=payload
        )
        enqueue(delivery)


def connect():
    content_changed.connect(record_and_send, dispatch_uid="webhooks-record-and-send")
