from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from webhooks.models import WebhookDelivery


class Command(BaseCommand):
    help = (
        "Delete finished webhook deliveries (delivered or failed) older than the retention "
        "period, so that the delivery log does not grow for ever. Deliveries still being "
        "attempted are never deleted."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.WEBHOOK_DELIVERY_RETENTION_DAYS,
            help="Keep this many days of history (default: WEBHOOK_DELIVERY_RETENTION_DAYS, "
            "%(default)s).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be deleted."
        )

    def handle(self, *args, days, dry_run, **options):
        if days < 1:
            raise CommandError("--days must be at least 1.")
        finished = WebhookDelivery.objects.filter(
            status__in=[WebhookDelivery.Status.DELIVERED, WebhookDelivery.Status.FAILED],
            created_at__lt=timezone.now() - timedelta(days=days),
        )
        if dry_run:
            self.stdout.write(f"Would delete {finished.count()} deliveries older than {days} days.")
            return
        deleted, _ = finished.delete()
        if options["verbosity"]:
            self.stdout.write(f"Deleted {deleted} deliveries older than {days} days.")
