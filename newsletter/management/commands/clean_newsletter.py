from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from newsletter.models import Subscription


class Command(BaseCommand):
    help = (
        "Delete subscriptions never confirmed within NEWSLETTER_UNCONFIRMED_DAYS of their "
        "request (run by the scheduler)."
    )

    def handle(self, *args, **options):
        cutoff = timezone.now() - timedelta(days=settings.NEWSLETTER_UNCONFIRMED_DAYS)
        stale = Subscription.objects.filter(
            state=Subscription.State.PENDING, requested_at__lt=cutoff
        )
        # One by one, so that erasure's signal removes whatever else names each address.
        deleted = 0
        for subscription in stale.iterator():
            subscription.delete()
            deleted += 1
        if options["verbosity"] > 0:
            self.stdout.write(f"Deleted {deleted} unconfirmed newsletter subscriptions.")
