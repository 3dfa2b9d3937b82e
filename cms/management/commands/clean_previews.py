from django.core.management.base import BaseCommand

from cms.api.preview import delete_expired_previews


class Command(BaseCommand):
    help = (
        "Delete stored preview drafts whose token has expired (PREVIEW_TOKEN_MAX_AGE). Each "
        "frontend preview does this too; the scheduler runs it so none linger unseen."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"Deleted {delete_expired_previews()} expired preview drafts.")
