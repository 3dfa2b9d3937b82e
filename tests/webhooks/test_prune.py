"""The delivery log keeps a retention period of history, and never drops work in flight."""

from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from webhooks.models import Webhook, WebhookDelivery

pytestmark = pytest.mark.django_db

Status = WebhookDelivery.Status


@pytest.fixture
def deliveries():
    """One delivery per status, 40 days old and 1 day old; returns {(status, age): id}."""
    webhook = Webhook.objects.create(name="Frontend", url="https://f.example/", events=["x"])
    made = {}
    for status in Status:
        for age in (40, 1):
            delivery = WebhookDelivery.objects.create(
                webhook=webhook, event="page.published", payload={}, status=status
            )
            # created_at is set on insert; age it afterwards.
            WebhookDelivery.objects.filter(pk=delivery.pk).update(
                created_at=timezone.now() - timedelta(days=age)
            )
            made[(status, age)] = delivery.pk
    return made


def remaining(deliveries):
    kept = set(WebhookDelivery.objects.values_list("pk", flat=True))
    return {key for key, pk in deliveries.items() if pk in kept}


def test_finished_deliveries_older_than_the_retention_are_deleted(deliveries, settings):
    settings.WEBHOOK_DELIVERY_RETENTION_DAYS = 30
    call_command("prune_webhook_deliveries", verbosity=0)
    assert remaining(deliveries) == {
        (Status.PENDING, 40),  # still being attempted: never deleted
        (Status.RETRYING, 40),
        (Status.PENDING, 1),
        (Status.RETRYING, 1),
        (Status.DELIVERED, 1),
        (Status.FAILED, 1),
    }


def test_days_and_dry_run(deliveries, capsys):
    call_command("prune_webhook_deliveries", days=60, dry_run=True)
    assert "Would delete 0 deliveries" in capsys.readouterr().out
    call_command("prune_webhook_deliveries", days=30, dry_run=True)
    assert "Would delete 2 deliveries" in capsys.readouterr().out
    assert len(remaining(deliveries)) == 8  # a dry run deletes nothing


def test_a_retention_below_one_day_is_refused(deliveries):
    with pytest.raises(CommandError, match="--days"):
        call_command("prune_webhook_deliveries", days=0)
    assert len(remaining(deliveries)) == 8
