from django.core.management.base import BaseCommand

from webhooks.models import WebhookDelivery
from webhooks.tasks import redeliver


class Command(BaseCommand):
    help = (
        "Send failed webhook deliveries again (after a receiver's outage), with a fresh round "
        "of attempts. Deliveries that got through are never sent twice."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--webhook", type=int, help="Only the deliveries of this webhook (its id)."
        )

    def handle(self, *args, webhook=None, **options):
        failed = WebhookDelivery.objects.filter(status=WebhookDelivery.Status.FAILED)
        if webhook is not None:
            failed = failed.filter(webhook_id=webhook)
        count = 0
        for delivery in failed:
            redeliver(delivery)
            count += 1
        self.stdout.write(f"Queued {count} failed deliveries again.")
