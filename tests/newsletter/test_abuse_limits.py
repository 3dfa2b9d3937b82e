"""Abuse: a honeypot, a silent daily limit per address and a 429 per client address."""

import pytest
from django.core import mail

from newsletter.models import Subscription
from tests.newsletter.conftest import subscribe

pytestmark = pytest.mark.django_db


def test_a_filled_honeypot_is_accepted_and_ignored(client, run_worker):
    response = subscribe(client, website="https://spam.example")
    genuine = subscribe(client, email="other@example.org")
    run_worker()

    assert response.status_code == 202
    assert response.content == genuine.content
    assert not Subscription.objects.filter(email="reader@example.org").exists()
    assert [message.to for message in mail.outbox] == [["other@example.org"]]


def test_an_address_gets_a_few_confirmation_emails_a_day_and_no_more(client, run_worker, settings):
    settings.NEWSLETTER_ADDRESS_DAILY_LIMIT = 3

    answers = {subscribe(client).status_code for _ in range(5)}
    run_worker()

    # Silently: the answer does not tell the address's owner from someone flooding it.
    assert answers == {202}
    assert len(mail.outbox) == 3


def test_a_client_over_its_limit_gets_429_with_retry_after(client, settings):
    settings.NEWSLETTER_CLIENT_RATE = 2
    settings.NEWSLETTER_CLIENT_WINDOW_SECONDS = 3600

    first, second = (subscribe(client, email=f"r{n}@example.org") for n in range(2))
    third = subscribe(client, email="r3@example.org")

    assert (first.status_code, second.status_code) == (202, 202)
    assert third.status_code == 429
    assert 0 < int(third["Retry-After"]) <= 3600
    assert "message" in third.json()
    assert not Subscription.objects.filter(email="r3@example.org").exists()


def test_clients_are_told_apart_by_the_address_the_proxy_saw(client, settings):
    settings.NEWSLETTER_CLIENT_RATE = 1
    settings.TRUSTED_PROXY_COUNT = 1

    def from_client(address, email, forged="203.0.113.99"):
        # The forged left-most entry is the client's own and must not count.
        meta = {"HTTP_X_FORWARDED_FOR": f"{forged}, {address}"}
        return subscribe(client, meta, email=email)

    assert from_client("198.51.100.1", "a@example.org").status_code == 202
    assert from_client("198.51.100.1", "b@example.org", forged="1.2.3.4").status_code == 429
    assert from_client("198.51.100.2", "c@example.org").status_code == 202


def test_no_client_address_is_stored(client):
    subscribe(client, {"REMOTE_ADDR": "198.51.100.7"})

    stored = str(list(Subscription.objects.values()))
    assert "198.51.100.7" not in stored
