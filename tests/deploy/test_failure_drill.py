"""Failure drill on the real stack: PostgreSQL goes away and comes back; Redis is down.

gunicorn (production settings) reaches PostgreSQL through a TCP forwarder that the test cuts
and restores, and its Redis address has nothing listening. Needs a PostgreSQL server on
127.0.0.1:5432 (as on these machines and in CI); skipped without one.
"""

import os
import subprocess
import urllib.error
import urllib.request
import uuid

import psycopg
import pytest

from deploy.native_stack import ROOT, VENV_BIN, _start, _stop, free_port, wait_for_port
from tests.deploy.forwarder import Forwarder
from tests.postgres import SERVER, postgres_is_up

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not postgres_is_up(), reason="no PostgreSQL on 127.0.0.1:5432"),
    pytest.mark.skipif(
        bool(os.environ.get("DATABASE_URL")), reason="runs once, in the SQLite pass"
    ),
]


@pytest.fixture
def scratch_database():
    name = f"ucan_drill_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_api_answers_503_while_postgres_is_away_and_recovers_alone(scratch_database, tmp_path):
    forwarder = Forwarder(5432)
    app_port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "failure-drill-only-" + "x" * 40,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:{forwarder.port}/{scratch_database}",
        "REDIS_URL": f"redis://127.0.0.1:{free_port()}/0",  # nothing listens there
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    subprocess.run(
        [str(VENV_BIN / "python"), "manage.py", "migrate", "--no-input", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    server = _start(
        [
            str(VENV_BIN / "gunicorn"),
            "cms.wsgi:application",
            "--workers",
            "1",
            "--bind",
            f"127.0.0.1:{app_port}",
        ],
        env,
        tmp_path / "gunicorn.log",
    )

    def get(path):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{app_port}{path}", timeout=30) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    try:
        wait_for_port(app_port, server)
        # Redis is down from the start: the API serves from the database, readyz says so.
        assert get("/api/v2/pages/?limit=1")[0] == 200
        status, body = get("/readyz")
        assert status == 503
        assert b'"database": "ok"' in body and b'"cache": "unavailable"' in body

        forwarder.cut()
        status, body = get("/api/v2/pages/?limit=1")
        assert status == 503
        assert body == b'{"message": "The database is unavailable; try again shortly."}'
        assert get("/api/v2/pages/2/")[0] == 503
        status, body = get("/readyz")
        assert status == 503 and b'"database": "unavailable"' in body
        assert get("/healthz")[0] == 200  # the process itself is fine

        forwarder.restore()
        status, body = get("/api/v2/pages/?limit=1")
        assert status == 200, body
        assert b'"total_count"' in body
    finally:
        _stop(server)
        forwarder.close()
    log = (tmp_path / "gunicorn.log").read_text()
    assert "OperationalError" in log  # the traceback went to the log, not to the visitor
