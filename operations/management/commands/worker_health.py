from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone
from django_tasks_db.models import DBTaskResult, get_date_max


class Command(BaseCommand):
    help = (
        "Exit non-zero when the background queue has work that has waited too long: the "
        "worker is down or cannot keep up. Used as the worker container's health check."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--max-wait",
            type=int,
            default=300,
            help="Seconds a due task may wait before the worker counts as unhealthy.",
        )

    def handle(self, *args, max_wait, **options):
        cutoff = timezone.now() - timedelta(seconds=max_wait)
        # Due since before the cutoff: enqueued then with no delay, or delayed until then.
        overdue = (
            DBTaskResult.objects.ready()
            .filter(backend_name=settings.BACKGROUND_TASK_BACKEND)
            .filter(Q(run_after=get_date_max(), enqueued_at__lt=cutoff) | Q(run_after__lt=cutoff))
        )
        count = overdue.count()
        if count:
            raise CommandError(f"{count} background tasks have waited more than {max_wait} s.")
        self.stdout.write("The background queue is keeping up.")
