"""Sending deliveries from the background worker, with retries and backoff.

Each attempt is one run of :func:`deliver`. A failed attempt (no answer, a timeout, anything but
2xx) schedules the next one after ``WEBHOOK_RETRY_DELAY`` seconds, doubling each time, until
``WEBHOOK_MAX_ATTEMPTS``; the delivery row keeps the payload, so nothing is lost when a receiver
is down for longer: ``manage.py redeliver_webhooks`` (or the admin's retry) sends it again.
A receiver whose address is internal and not allowed (:mod:`webhooks.destinations`) is refused
before anything is sent, and that delivery fails at once.
"""

import json
import logging
import urllib.error
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from .destinations import REFUSED_LOG_MESSAGE, DestinationRefused
from .models import WebhookDelivery
from .signing import SIGNATURE_HEADER, signature
from .transport import build_opener

logger = logging.getLogger(__name__)
USER_AGENT = "UCAN-CMS-Webhooks/1"


_opener = build_opener()


def delivery_body(delivery: WebhookDelivery) -> bytes:
    return json.dumps({**delivery.payload, "delivery_id": delivery.pk}).encode()


def send(delivery: WebhookDelivery) -> tuple[int | None, str]:
    """POST the delivery once; returns (HTTP status or None, error text or "").

    Raises :class:`~webhooks.destinations.DestinationRefused` when the receiver's address is
    internal and not allowed, before anything is sent (see :mod:`webhooks.transport`).
    """
    body = delivery_body(delivery)
    request = urllib.request.Request(  # noqa: S310 - the opener handles http(s) only
        delivery.webhook.url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-UCAN-Event": delivery.event,
            "X-UCAN-Delivery": str(delivery.pk),
            SIGNATURE_HEADER: signature(delivery.webhook.secret, body),
        },
    )
    try:
        with _opener.open(request, timeout=settings.WEBHOOK_TIMEOUT) as response:
            return response.status, ""
    except urllib.error.HTTPError as error:
        return error.code, f"HTTP {error.code} {error.reason}"
    except (urllib.error.URLError, OSError) as error:
        return None, str(getattr(error, "reason", error))


def record_refusal(delivery: WebhookDelivery, refused: DestinationRefused):
    """Fail at once: waiting does not make an address public. The log shows a neutral message,
    never a status or error text from the address (nothing was sent to it anyway); the reason
    goes to the server's log for the operator."""
    logger.warning("Webhook delivery %s refused: %s", delivery.pk, refused)
    delivery.status = WebhookDelivery.Status.FAILED
    delivery.response_code = None
    delivery.last_error = REFUSED_LOG_MESSAGE
    delivery.next_attempt_at = None
    delivery.save()


def retry_delay(attempts: int) -> timedelta:
    return timedelta(seconds=settings.WEBHOOK_RETRY_DELAY * 2 ** (attempts - 1))


@task(backend=settings.BACKGROUND_TASK_BACKEND)
def deliver(delivery_id: int):
    delivery = WebhookDelivery.objects.select_related("webhook").filter(pk=delivery_id).first()
    if delivery is None or delivery.status == WebhookDelivery.Status.DELIVERED:
        return  # deleted with its webhook, or sent already
    delivery.attempts += 1
    try:
        code, error = send(delivery)
    except DestinationRefused as refused:
        record_refusal(delivery, refused)
        return
    delivery.response_code = code
    if code is not None and 200 <= code < 300:
        delivery.status = WebhookDelivery.Status.DELIVERED
        delivery.delivered_at = timezone.now()
        delivery.next_attempt_at = None
        delivery.last_error = ""
    elif delivery.attempts >= settings.WEBHOOK_MAX_ATTEMPTS:
        delivery.status = WebhookDelivery.Status.FAILED
        delivery.next_attempt_at = None
        delivery.last_error = error
        logger.warning("Webhook delivery %s failed for good: %s", delivery.pk, error)
    else:
        delivery.status = WebhookDelivery.Status.RETRYING
        delivery.next_attempt_at = timezone.now() + retry_delay(delivery.attempts)
        delivery.last_error = error
    delivery.save()
    if delivery.status == WebhookDelivery.Status.RETRYING:
        deliver.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)


def enqueue(delivery: WebhookDelivery):
    deliver.enqueue(delivery.pk)


def redeliver(delivery: WebhookDelivery):
    """Give a failed delivery a fresh round of attempts."""
    delivery.status = WebhookDelivery.Status.PENDING
    delivery.attempts = 0
    delivery.next_attempt_at = None
    delivery.save(update_fields=["status", "attempts", "next_attempt_at"])
    enqueue(delivery)
