"""Settings are secure by default and production refuses to start half-configured."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from cms.settings import base

ROOT = Path(__file__).resolve().parents[2]


def run_with(settings_module, command, **environment):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "REDIS_URL"}
    }
    env.update(DJANGO_SETTINGS_MODULE=settings_module, **environment)
    return subprocess.run(  # noqa: S603
        [sys.executable, *command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_debug_is_off_in_the_base_settings():
    assert base.DEBUG is False
    assert base.ALLOWED_HOSTS == [] or "*" not in base.ALLOWED_HOSTS


def test_production_refuses_to_start_without_a_secret_key():
    result = run_with(
        "cms.settings.production",
        ["-c", "import django; django.setup()"],
        ALLOWED_HOSTS="cms.example.org",
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_with(
        "cms.settings.production",
        ["-c", "import django; django.setup()"],
        SECRET_KEY=secrets.token_urlsafe(50),
    )
    assert result.returncode != 0
    assert "ALLOWED_HOSTS" in result.stderr


def test_deployment_check_is_clean_with_a_realistic_environment(tmp_path):
    result = run_with(
        "cms.settings.production",
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="cms.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "WARNING" not in result.stdout + result.stderr


@pytest.mark.django_db
def test_create_admin_prints_a_password_once(capsys, django_user_model):
    call_command("create_admin")
    first = capsys.readouterr().out
    assert "password:" in first
    password = first.split("password:")[1].split()[0]
    assert django_user_model.objects.get(username="admin").check_password(password)

    call_command("create_admin")
    second = capsys.readouterr().out
    assert "exists already" in second
    assert password not in second
    assert django_user_model.objects.filter(username="admin").count() == 1
