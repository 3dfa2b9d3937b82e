"""Guessing passwords at the admin's sign-in and flooding its password-reset form are throttled.

Failed sign-ins are counted per account and per client address; past the limit even the right
password is refused for the cool-off time, with a message in the visitor's admin language, and
``manage.py axes_reset`` unlocks. Behind the proxy the client's address is the one the proxy
saw, whatever a client writes into X-Forwarded-For.
"""

import os
import secrets
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings as django_settings
from django.core import mail
from django.core.management import call_command
from django.test import Client, override_settings
from django.utils import timezone
from django.utils.module_loading import import_string

ROOT = Path(__file__).resolve().parents[2]
LOGIN = "/admin/login/"
PASSWORD_RESET = "/admin/password_reset/"
LIMIT = 5
ATTACKER = "198.51.100.7"
VICTIM = "203.0.113.5"
VARNISH = "127.0.0.1"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("admin_user"),
    pytest.mark.filterwarnings("ignore::UserWarning"),
]


def sign_in(password, username="admin", address="192.0.2.10", forwarded=None, language="en"):
    headers = {"REMOTE_ADDR": address, "HTTP_ACCEPT_LANGUAGE": language}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    client = Client(**headers)
    response = client.post(LOGIN, {"username": username, "password": password})
    return response, client


def signed_in(client) -> bool:
    return client.get("/admin/").status_code == 200


def fail(times, **kwargs):
    for _attempt in range(times):
        response, _client = sign_in("wrong", **kwargs)
    return response


# --- The lockout --------------------------------------------------------------------------------


def test_a_wrong_password_is_an_ordinary_form_error_below_the_limit():
    response = fail(LIMIT - 1)
    assert response.status_code == 200
    response, client = sign_in("password")
    assert response.status_code == 302
    assert signed_in(client)


def test_after_repeated_wrong_passwords_even_the_right_one_is_refused():
    response = fail(LIMIT)
    assert response.status_code == 429

    response, client = sign_in("password")
    assert response.status_code == 429
    assert not signed_in(client)
    assert b"Too many failed sign-in attempts" in response.content
    assert b"ask an administrator to unlock" in response.content


def test_the_lockout_message_is_in_the_admin_language():
    fail(LIMIT)
    response, _client = sign_in("password", language="uk")
    assert response.status_code == 429
    text = response.content.decode()
    assert "Забагато невдалих спроб входу: вхід заблоковано на 15 хвилин" in text
    assert "Too many failed" not in text


def test_failures_count_per_account_from_changing_addresses():
    for number in range(LIMIT):
        sign_in("wrong", address=f"192.0.2.{100 + number}")
    response, client = sign_in("password", address="192.0.2.200")
    assert response.status_code == 429
    assert not signed_in(client)


def test_failures_count_per_address_across_accounts():
    for number in range(LIMIT):
        sign_in("wrong", username=f"guess{number}", address=ATTACKER)
    response, client = sign_in("password", address=ATTACKER)
    assert response.status_code == 429
    # Someone else, elsewhere, still signs in to that account.
    response, client = sign_in("password", address=VICTIM)
    assert response.status_code == 302


def test_the_lock_lifts_after_the_cool_off_time():
    fail(LIMIT)
    recorded_attempts = apps.get_model("axes", "AccessAttempt").objects
    recorded_attempts.update(attempt_time=timezone.now() - timedelta(minutes=16))
    response, client = sign_in("password")
    assert response.status_code == 302
    assert signed_in(client)


def test_an_administrator_unlocks_with_axes_reset():
    fail(LIMIT)
    call_command("axes_reset_username", "admin")
    call_command("axes_reset")
    response, client = sign_in("password")
    assert response.status_code == 302
    assert signed_in(client)


# --- The client's address behind the proxy ------------------------------------------------------


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_a_forged_forwarded_for_does_not_evade_the_address_lock():
    # The attacker writes a new address into X-Forwarded-For each time; Varnish appends the
    # one it really saw. Different account names keep the account lock out of it.
    for number in range(LIMIT):
        sign_in(
            "wrong",
            username=f"guess{number}",
            address=VARNISH,
            forwarded=f"192.0.2.{number}, {ATTACKER}",
        )
    response, _client = sign_in("password", address=VARNISH, forwarded=f"192.0.2.99, {ATTACKER}")
    assert response.status_code == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_a_forged_forwarded_for_does_not_lock_out_another_address():
    for number in range(LIMIT):
        sign_in(
            "wrong", username=f"guess{number}", address=VARNISH, forwarded=f"{VICTIM}, {ATTACKER}"
        )
    response, client = sign_in("password", address=VARNISH, forwarded=VICTIM)
    assert response.status_code == 302
    assert signed_in(client)


def test_without_a_proxy_forwarded_for_is_ignored():
    # Connected directly, a client's X-Forwarded-For is whatever it wants: not an address.
    for number in range(LIMIT):
        sign_in("wrong", username=f"guess{number}", address=ATTACKER, forwarded=f"192.0.2.{number}")
    response, _client = sign_in("password", address=ATTACKER, forwarded="192.0.2.99")
    assert response.status_code == 429
    for number in range(LIMIT):
        sign_in("wrong", username=f"other{number}", address=ATTACKER, forwarded=VICTIM)
    response, _client = sign_in("password", address=VICTIM)
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "192.0.2.1", "203.0.113.5", "192.0.2.1"),
        (1, "127.0.0.1", "203.0.113.5", "203.0.113.5"),
        (1, "127.0.0.1", "10.9.9.9, 203.0.113.5", "203.0.113.5"),
        (2, "127.0.0.1", "10.9.9.9, 203.0.113.5, 172.18.0.4", "203.0.113.5"),
        (1, "192.0.2.1", None, "192.0.2.1"),
        (1, "127.0.0.1", "not-an-address", "127.0.0.1"),
    ],
)
def test_the_client_address_is_the_one_the_outermost_trusted_proxy_saw(
    rf, settings, proxies, remote, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    headers = {"REMOTE_ADDR": remote}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    # The function axes counts failures by (and the password-reset throttle too).
    client_address = import_string(django_settings.AXES_CLIENT_IP_CALLABLE)
    assert client_address(rf.get("/", **headers)) == expected


# --- The password-reset form --------------------------------------------------------------------


def request_reset(email="admin@example.com", address=ATTACKER, language="en"):
    client = Client(REMOTE_ADDR=address, HTTP_ACCEPT_LANGUAGE=language)
    return client.post(PASSWORD_RESET, {"email": email})


def test_password_reset_requests_are_limited_per_address():
    for number in range(LIMIT):
        assert request_reset(email=f"someone{number}@example.com").status_code == 302
    response = request_reset()
    assert response.status_code == 429
    assert b"Too many password reset requests. Try again in 60 minutes." in response.content
    assert not [message for message in mail.outbox if "admin@example.com" in message.to]
    # Another address is not affected.
    assert request_reset(address=VICTIM).status_code == 302


def test_password_reset_requests_are_limited_per_email_address():
    for number in range(LIMIT):
        assert request_reset(address=f"192.0.2.{number}").status_code == 302
    assert len(mail.outbox) == LIMIT
    assert request_reset(address="192.0.2.99").status_code == 429
    assert len(mail.outbox) == LIMIT


def test_the_password_reset_limit_speaks_the_admin_language():
    for _request in range(LIMIT):
        request_reset()
    text = request_reset(language="uk").content.decode()
    assert "Забагато запитів на скидання пароля. Спробуйте знову через 60 хвилин." in text


# --- Configuration ------------------------------------------------------------------------------


def test_limits_come_from_the_environment_in_production(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.AXES_FAILURE_LIMIT, s.AXES_COOLOFF_TIME.total_seconds(), s.TRUSTED_PROXY_COUNT,"
        " s.PASSWORD_RESET_LIMIT, s.PASSWORD_RESET_WINDOW.total_seconds())"
    )
    environment = {
        **{key: value for key, value in os.environ.items() if key != "DATABASE_URL"},
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "cms.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
    }
    defaults = subprocess.run(  # noqa: S603 - our own interpreter, fixed arguments
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert defaults.stdout.split() == ["5", "900.0", "1", "5", "3600.0"], defaults.stderr
    configured = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={
            **environment,
            "LOGIN_FAILURE_LIMIT": "10",
            "LOGIN_COOLOFF_MINUTES": "60",
            "TRUSTED_PROXY_COUNT": "2",
            "PASSWORD_RESET_LIMIT": "3",
            "PASSWORD_RESET_WINDOW_MINUTES": "30",
        },
        capture_output=True,
        text=True,
    )
    assert configured.stdout.split() == ["10", "3600.0", "2", "3", "1800.0"], configured.stderr
