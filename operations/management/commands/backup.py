from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from operations.backup import BackupError, create_backup


class Command(BaseCommand):
    help = (
        "Write the database (pg_dump, or a copy of the SQLite file) and the uploaded media into "
        "one archive, ucan-YYYYmmdd-HHMMSS.tar.gz. Restore it with manage.py restore."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--directory", default="backups", help="Where the archive goes (default: backups/)."
        )

    def progress(self, message):
        if self.verbosity:
            self.stdout.write(message)
            self.stdout.flush()

    def handle(self, *args, directory, **options):
        self.verbosity = options["verbosity"]
        try:
            archive, manifest = create_backup(Path(directory), progress=self.progress)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backed up the {manifest['database']} database and {manifest['media_files']} media "
            f"files to {archive}."
        )
        if manifest["media"] != "included":
            self.stdout.write(
                "Media is on object storage and not in this archive: rely on the bucket's "
                "versioning or replication for it."
            )
