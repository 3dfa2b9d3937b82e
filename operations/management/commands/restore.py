from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore an archive written by manage.py backup into the database of DATABASE_URL and "
        "MEDIA_ROOT. Refuses a database that is not empty unless --force is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="The .tar.gz written by manage.py backup.")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace the contents of a database that is not empty.",
        )

    def progress(self, message):
        if self.verbosity:
            self.stdout.write(message)
            self.stdout.flush()

    def handle(self, *args, archive, force, **options):
        self.verbosity = options["verbosity"]
        try:
            manifest = restore_backup(Path(archive), force=force, progress=self.progress)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the {manifest['database']} database and {manifest['media_files']} media "
            f"files from {archive} (backed up {manifest['created_at']})."
        )
