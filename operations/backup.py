"""Backups: the database and the uploaded media in one archive, and back again.

An archive (``ucan-YYYYmmdd-HHMMSS.tar.gz``) holds ``manifest.json``, the database — a
``pg_dump --format=custom`` for PostgreSQL, a consistent copy (SQLite's backup API) for the
embedded default — and ``media/``, the files under MEDIA_ROOT. Media kept in an S3 bucket is not
copied: the bucket's own versioning or replication covers it, and the manifest says so.

PostgreSQL passwords travel in PGPASSWORD, never on a command line.

Not django-dbbackup: it keeps the database and the media as separate backups with separate
restore commands, and restores into whatever database is there once confirmed, where ours
restores both from one archive with a manifest and refuses a database that is not empty
unless forced.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import unquote

from django.conf import settings
from django.db import connection

CLIENT_TOOLS_HINT = "Install PostgreSQL's client tools (Debian: apt-get install postgresql-client)."


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


@dataclass
class Database:
    engine: str  # "postgresql" or "sqlite"
    name: str
    user: str = ""
    password: str = ""
    host: str = ""
    port: str = ""

    @classmethod
    def from_settings(cls) -> "Database":
        config = settings.DATABASES["default"]
        engine = config["ENGINE"].rsplit(".", 1)[-1]
        if engine not in ("postgresql", "sqlite3"):
            raise BackupError(f"Backups support PostgreSQL and SQLite, not {engine}.")
        return cls(
            engine="sqlite" if engine == "sqlite3" else engine,
            name=str(config["NAME"]),
            user=config.get("USER") or "",
            password=unquote(config.get("PASSWORD") or ""),
            host=config.get("HOST") or "",
            port=str(config.get("PORT") or ""),
        )

    def client_arguments(self) -> list[str]:
        arguments = ["--dbname", self.name]
        for flag, value in (
            ("--username", self.user),
            ("--host", self.host),
            ("--port", self.port),
        ):
            if value:
                arguments += [flag, value]
        return arguments

    def client_env(self) -> dict:
        env = dict(os.environ)
        if self.password:
            env["PGPASSWORD"] = self.password
        return env


def _run_client(tool: str, arguments: list[str], database: Database):
    binary = shutil.which(tool)
    if binary is None:
        raise BackupError(f"{tool} is missing. {CLIENT_TOOLS_HINT}")
    result = subprocess.run(  # noqa: S603 - fixed tool, arguments from settings
        [binary, *arguments], env=database.client_env(), capture_output=True, text=True
    )
    if result.returncode:
        raise BackupError(f"{tool} failed: {result.stderr.strip()}")


def media_on_object_storage() -> bool:
    return bool(getattr(settings, "AWS_STORAGE_BUCKET_NAME", ""))


def _quiet(message: str):
    pass


# Media files between two progress lines: often enough to see a large media folder move.
MEDIA_PROGRESS_EVERY = 200


def create_backup(directory: Path, progress=_quiet) -> tuple[Path, dict]:
    """Write a new archive into ``directory``; returns its path and manifest.

    ``progress(message)`` hears of each step as it ends and of every few hundred media files.
    """
    database = Database.from_settings()
    directory.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    archive = directory / f"ucan-{stamp}.tar.gz"
    media_root = Path(settings.MEDIA_ROOT)
    manifest = {
        "created_at": datetime.now(UTC).isoformat(),
        "database": database.engine,
        "media": "object storage, not included" if media_on_object_storage() else "included",
        "media_files": 0,
    }
    with tempfile.TemporaryDirectory(prefix="ucan-backup-") as scratch:
        scratch = Path(scratch)
        progress(f"Dumping the {database.engine} database …")
        if database.engine == "postgresql":
            dump = scratch / "database.dump"
            _run_client(
                "pg_dump",
                [
                    *database.client_arguments(),
                    "--format=custom",
                    "--no-owner",
                    "--file",
                    str(dump),
                ],
                database,
            )
        else:
            dump = scratch / "database.sqlite3"
            connection.close()
            with closing(sqlite3.connect(database.name)) as source:
                with closing(sqlite3.connect(dump)) as target:
                    source.backup(target)  # consistent even while the site writes
        progress(f"  database: {_megabytes(dump)}")
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(dump, arcname=dump.name)
            if manifest["media"] == "included" and media_root.is_dir():
                files = sorted(path for path in media_root.rglob("*") if path.is_file())
                progress(f"Archiving {len(files)} media files …")
                for done, path in enumerate(files, start=1):
                    tar.add(path, arcname=f"media/{path.relative_to(media_root)}")
                    manifest["media_files"] += 1
                    if done % MEDIA_PROGRESS_EVERY == 0:
                        progress(f"  {done}/{len(files)} media files")
            manifest_file = scratch / "manifest.json"
            manifest_file.write_text(json.dumps(manifest, indent=2))
            tar.add(manifest_file, arcname="manifest.json")
    return archive, manifest


def database_is_empty() -> bool:
    return "django_migrations" not in connection.introspection.table_names()


def _megabytes(path: Path) -> str:
    return f"{path.stat().st_size / 1_000_000:.1f} MB"


def restore_backup(archive: Path, force: bool = False, progress=_quiet) -> dict:
    """Restore ``archive`` into the configured database and MEDIA_ROOT; returns the manifest.

    ``progress(message)`` hears of each step. Nothing resumes: a restore goes into an empty
    database (or replaces one with --force), so an interrupted one is simply run again.
    """
    if not archive.is_file():
        raise BackupError(f"No backup at {archive}.")
    database = Database.from_settings()
    if not force and not database_is_empty():
        raise BackupError(
            f"The database {database.name} is not empty; restore into an empty one, or pass "
            "--force (make restore FORCE=1) to replace what is there."
        )
    with tempfile.TemporaryDirectory(prefix="ucan-restore-") as scratch:
        scratch = Path(scratch)
        progress(f"Unpacking {archive.name} ({_megabytes(archive)}) …")
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(scratch, filter="data")  # no absolute paths, no links out
        manifest = json.loads((scratch / "manifest.json").read_text())
        if manifest["database"] != database.engine:
            raise BackupError(
                f"This backup holds a {manifest['database']} database; DATABASE_URL points to "
                f"{database.engine}."
            )
        connection.close()
        progress(f"Restoring the {database.engine} database …")
        if database.engine == "postgresql":
            _run_client(
                "pg_restore",
                [
                    *database.client_arguments(),
                    "--no-owner",
                    "--exit-on-error",
                    *(["--clean", "--if-exists"] if force else []),
                    str(scratch / "database.dump"),
                ],
                database,
            )
        else:
            with closing(sqlite3.connect(scratch / "database.sqlite3")) as source:
                with closing(sqlite3.connect(database.name)) as target:
                    source.backup(target)
        media = scratch / "media"
        if media.is_dir():
            progress(f"Copying {manifest['media_files']} media files …")
            shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return manifest
