"""A backup restored into an empty database gives back every page, revision and translation."""

import os
import subprocess
import sys
import tarfile
import uuid
from pathlib import Path

import psycopg
import pytest
from django.core.management import CommandError, call_command

from tests.postgres import SERVER, postgres_is_up

ROOT = Path(__file__).resolve().parents[2]

SNAPSHOT_QUERIES = {
    "pages": "SELECT id, title, locale_id, live, url_path FROM wagtailcore_page ORDER BY id",
    "revisions": "SELECT id, object_id FROM wagtailcore_revision ORDER BY id",
    "translation sources": (
        "SELECT id, object_id, locale_id FROM wagtail_localize_translationsource ORDER BY id"
    ),
    "translations": (
        "SELECT id, source_id, target_locale_id FROM wagtail_localize_translation ORDER BY id"
    ),
    "string translations": ("SELECT id, data FROM wagtail_localize_stringtranslation ORDER BY id"),
    "team members": "SELECT id, partner_id, name FROM partners_teammember ORDER BY id",
    "images": "SELECT id, file FROM wagtailimages_image ORDER BY id",
}


def snapshot(database: str) -> dict:
    with psycopg.connect(f"{SERVER}/{database}") as connection:
        return {name: connection.execute(sql).fetchall() for name, sql in SNAPSHOT_QUERIES.items()}


def manage(database: str, media: Path, *args):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "DATABASE_URL": f"{SERVER}/{database}",
        "MEDIA_ROOT": str(media),
    }
    env.pop("REDIS_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.fixture
def databases():
    names = [f"ucan_backup_{role}_{uuid.uuid4().hex[:8]}" for role in ("source", "target")]
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        for name in names:
            connection.execute(f'CREATE DATABASE "{name}"')
    yield names
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        for name in names:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.slow
@pytest.mark.skipif(not postgres_is_up(), reason="no PostgreSQL on 127.0.0.1:5432")
@pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="runs once, in the SQLite pass")
def test_a_restore_into_an_empty_database_finds_everything_again(databases, tmp_path):
    source, target = databases
    source_media, target_media = tmp_path / "media-source", tmp_path / "media-target"
    for step in (("migrate", "--no-input", "-v0"), ("load_demo",)):
        result = manage(source, source_media, *step)
        assert result.returncode == 0, result.stderr

    result = manage(source, source_media, "backup", "--directory", str(tmp_path / "backups"))
    assert result.returncode == 0, result.stderr
    # Each step is reported as it happens, before the closing line.
    assert (
        result.stdout.index("Dumping the postgresql database")
        < result.stdout.index("Archiving")
        < result.stdout.index("Backed up the postgresql database")
    )
    [archive] = (tmp_path / "backups").glob("ucan-*.tar.gz")
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert {"manifest.json", "database.dump"} <= set(names)
    media_files = sorted(p.relative_to(source_media) for p in source_media.rglob("*.png"))
    assert media_files and all(f"media/{path}" in names for path in media_files)

    result = manage(target, target_media, "restore", str(archive))
    assert result.returncode == 0, result.stderr
    assert result.stdout.index("Restoring the postgresql database") < result.stdout.index(
        "Restored the postgresql database"
    )

    restored = snapshot(target)
    assert restored == snapshot(source)
    assert len(restored["pages"]) >= 29 and restored["translations"]  # 19 + 6 Ukrainian + tree
    assert sorted(p.relative_to(target_media) for p in target_media.rglob("*.png")) == media_files

    # A second restore would overwrite what is there now: refused without --force.
    again = manage(target, target_media, "restore", str(archive))
    assert again.returncode != 0
    assert "is not empty" in again.stderr
    forced = manage(target, target_media, "restore", str(archive), "--force")
    assert forced.returncode == 0, forced.stderr
    assert snapshot(target) == restored


@pytest.mark.django_db
def test_restore_refuses_a_database_that_is_not_empty(tmp_path):
    with pytest.raises(CommandError, match="No backup at"):
        call_command("restore", str(tmp_path / "missing.tar.gz"))
    archive = tmp_path / "ucan-x.tar.gz"
    with tarfile.open(archive, "w:gz"):
        pass
    with pytest.raises(CommandError, match="is not empty"):
        call_command("restore", str(archive))
