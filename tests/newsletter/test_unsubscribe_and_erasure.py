"""Leaving: one-click unsubscribe from the email, erasure and export of one address, clean-up."""

import json
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from newsletter.models import Subscription
from tests.newsletter.conftest import link_token, post_json, subscribe

pytestmark = pytest.mark.django_db


@pytest.fixture
def confirmed(client, run_worker):
    subscribe(client)
    run_worker()
    post_json(client, "confirm", {"token": link_token(mail.outbox[0].body, "/newsletter/confirm")})
    return mail.outbox[0]


def test_every_email_offers_one_click_unsubscribe_and_a_link(confirmed):
    assert confirmed.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    header = confirmed.extra_headers["List-Unsubscribe"]
    assert header.startswith("<https://cms.example/api/v2/newsletter/unsubscribe/?token=")
    assert header.endswith(">")
    assert "https://frontend.example/newsletter/unsubscribe?token=" in confirmed.body


def test_a_mail_clients_one_click_post_unsubscribes_at_once(client, confirmed):
    url = urlsplit(confirmed.extra_headers["List-Unsubscribe"].strip("<>"))

    # RFC 8058: the client POSTs this form body to the header's URL, with no cookie.
    response = client.post(
        f"{url.path}?{url.query}",
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    subscription = Subscription.objects.get()
    assert subscription.state == Subscription.State.UNSUBSCRIBED
    assert subscription.unsubscribed_at is not None


def test_the_frontend_unsubscribes_with_the_links_token(client, confirmed):
    token = link_token(confirmed.body, "/newsletter/unsubscribe")

    response = post_json(client, "unsubscribe", {"token": token})
    again = post_json(client, "unsubscribe", {"token": token})

    assert response.status_code == 200
    assert response.json() == {"state": "unsubscribed"}
    assert again.status_code == 200
    assert Subscription.objects.get().state == Subscription.State.UNSUBSCRIBED


def test_a_tampered_unsubscribe_token_is_a_400(client, confirmed):
    token = link_token(confirmed.body, "/newsletter/unsubscribe")

    response = post_json(client, "unsubscribe", {"token": token + "x"})

    assert response.status_code == 400
    assert Subscription.objects.get().state == Subscription.State.CONFIRMED


def test_a_confirmation_token_does_not_unsubscribe(client, confirmed):
    token = link_token(confirmed.body, "/newsletter/confirm")

    response = post_json(client, "unsubscribe", {"token": token})

    assert response.status_code == 400


def test_export_prints_everything_held_about_the_address(confirmed, capsys):
    call_command("newsletter_export", "READER@example.org")

    exported = json.loads(capsys.readouterr().out)
    assert exported["email"] == "reader@example.org"
    subscription = exported["subscription"]
    assert subscription["state"] == "confirmed"
    assert set(subscription) == {
        "email",
        "locale",
        "state",
        "requested_at",
        "confirmed_at",
        "unsubscribed_at",
        "consent_text_version",
        "consent_language",
    }
    assert exported["webhook_deliveries"] == []


def test_erasure_deletes_the_subscription_and_its_link_stops_working(client, confirmed, capsys):
    token = link_token(confirmed.body, "/newsletter/unsubscribe")

    call_command("newsletter_erase", "reader@example.org")

    assert "Erased" in capsys.readouterr().out
    assert not Subscription.objects.exists()
    assert post_json(client, "unsubscribe", {"token": token}).status_code == 404
    call_command("newsletter_export", "reader@example.org")
    assert json.loads(capsys.readouterr().out)["subscription"] is None


def test_unconfirmed_subscriptions_are_deleted_after_the_configured_days(settings):
    settings.NEWSLETTER_UNCONFIRMED_DAYS = 7
    old = timezone.now() - timedelta(days=8)
    fields = {"locale": "en", "consent_language": "en", "consent_text_version": "1"}
    Subscription.objects.create(email="stale@example.org", requested_at=old, **fields)
    Subscription.objects.create(email="recent@example.org", **fields)
    Subscription.objects.create(
        email="kept@example.org", requested_at=old, state="confirmed", confirmed_at=old, **fields
    )

    call_command("clean_newsletter", verbosity=0)

    remaining = set(Subscription.objects.values_list("email", flat=True))
    assert remaining == {"recent@example.org", "kept@example.org"}
