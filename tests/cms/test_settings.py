"""Settings are secure by default and production refuses to start half-configured."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from cms.settings import base

ROOT = Path(__file__).resolve().parents[2]
# Variables a developer's shell might set that would hide what the settings do without them.
CONFIGURATION = {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL", "DEBUG"}


def run_python(args, **environment):
    env = {key: value for key, value in os.environ.items() if key not in CONFIGURATION}
    env.update(DJANGO_SETTINGS_MODULE="cms.settings.production", **environment)
    return subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=180
    )


def django_setup(**environment):
    return run_python(["-c", "import django; django.setup()"], **environment)


def test_base_settings_are_secure_by_default():
    assert base.DEBUG is False
    assert "*" not in base.ALLOWED_HOSTS
    # No fallback key in the code: without the environment variable there is none.
    assert base.SECRET_KEY == os.environ.get("SECRET_KEY", "")


def test_production_refuses_to_start_without_a_secret_key():
    result = django_setup(ALLOWED_HOSTS="cms.example.org")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = django_setup(SECRET_KEY=secrets.token_urlsafe(50))
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_deployment_check_is_clean_with_a_realistic_environment(tmp_path):
    result = run_python(
        ["manage.py", "check", "--deploy"],
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="cms.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'x.sqlite3'}",
    )
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output
    assert "System check identified no issues" in output


def test_production_logs_one_json_object_per_line(tmp_path):
    import json

    code = (
        "import django, logging; django.setup(); "
        "log = logging.getLogger('operations.errors')\n"
        "try:\n    1 / 0\nexcept ZeroDivisionError:\n    log.exception('Lost %s', 'database')"
    )
    result = run_python(
        ["-c", code],
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="cms.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'x.sqlite3'}",
    )
    [line] = result.stderr.strip().splitlines()
    record = json.loads(line)
    assert record["level"] == "ERROR"
    assert record["logger"] == "operations.errors"
    assert record["message"] == "Lost database"
    assert "ZeroDivisionError" in record["exc_info"]
    assert "time" in record
