"""Double opt-in: a request sends a confirmation email through the worker; its link confirms."""

import time

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import Locale

from newsletter.models import Subscription
from tests.home.factories import SiteContentFactory
from tests.newsletter.conftest import link_token, post_json, subscribe

pytestmark = pytest.mark.django_db


def confirm(client, token):
    return post_json(client, "confirm", {"token": token})


def test_a_request_is_accepted_and_the_worker_sends_the_confirmation(client, run_worker):
    response = subscribe(client, email="  Reader@Example.ORG ")

    assert response.status_code == 202
    assert response["Cache-Control"] == "no-store"
    subscription = Subscription.objects.get()
    assert subscription.email == "reader@example.org"
    assert subscription.state == Subscription.State.PENDING
    assert subscription.consent_text_version == "1"
    assert subscription.consent_language == "en"
    # The request only queued the email; the background worker sends it.
    assert mail.outbox == []

    run_worker()

    [message] = mail.outbox
    assert message.to == ["reader@example.org"]
    assert message.subject == "Please confirm your newsletter subscription"
    assert "https://frontend.example/newsletter/confirm?token=" in message.body


def test_the_link_confirms_and_keeps_the_proof_of_consent(client, run_worker):
    subscribe(client)
    run_worker()
    token = link_token(mail.outbox[0].body, "/newsletter/confirm")

    response = confirm(client, token)

    assert response.status_code == 200
    assert response.json() == {"state": "confirmed"}
    subscription = Subscription.objects.get()
    assert subscription.state == Subscription.State.CONFIRMED
    assert subscription.requested_at <= subscription.confirmed_at <= timezone.now()


def test_every_case_gets_the_same_answer(client, run_worker):
    """New, pending, confirmed and unsubscribed addresses cannot be told apart."""
    new = subscribe(client)
    pending = subscribe(client)
    run_worker()
    confirm(client, link_token(mail.outbox[0].body, "/newsletter/confirm"))
    confirmed = subscribe(client)
    Subscription.objects.update(state=Subscription.State.UNSUBSCRIBED)
    unsubscribed = subscribe(client)

    answers = {(r.status_code, r.content) for r in (new, pending, confirmed, unsubscribed)}
    assert len(answers) == 1
    assert answers.pop()[0] == 202


def test_a_confirmed_address_is_not_mailed_again(client, run_worker):
    subscribe(client)
    run_worker()
    confirm(client, link_token(mail.outbox[0].body, "/newsletter/confirm"))

    subscribe(client)
    run_worker()

    assert len(mail.outbox) == 1


def test_the_email_is_in_the_subscribers_language_as_editors_wrote_it(client, run_worker):
    SiteContentFactory(
        locale=Locale.objects.get(language_code="uk"),
        newsletter_confirmation_subject="Підтвердіть підписку",
        newsletter_confirmation_text="Вітаємо! Підтвердіть тут: {link}\nДякуємо.",
    )

    subscribe(client, email="chytach@example.org", locale="uk")
    run_worker()

    [message] = mail.outbox
    assert message.subject == "Підтвердіть підписку"
    assert message.body.startswith(
        "Вітаємо! Підтвердіть тут: https://frontend.example/newsletter/confirm?token="
    )
    assert "\nДякуємо." in message.body


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"email": "not-an-address"}, "email"),
        ({"email": ""}, "email"),
        ({"email": 42}, "email"),
        ({"email": "a" * 250 + "@example.org"}, "email"),
        ({"locale": "de"}, "locale"),
        ({"locale": None}, "locale"),
        ({"consent": False}, "consent"),
        ({"consent": "true"}, "consent"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(client, body, field):
    response = subscribe(client, **body)

    assert response.status_code == 400
    assert response.json()["field"] == field
    assert response.json()["message"].startswith(f"{field}: ")
    assert not Subscription.objects.exists()


@pytest.mark.parametrize("raw", ["not json", "[1, 2]", '"text"', ""])
def test_a_body_that_is_no_json_object_is_a_400(client, raw):
    response = client.post(
        "/api/v2/newsletter/subscriptions/", raw, content_type="application/json"
    )

    assert response.status_code == 400
    assert response.json() == {"message": "The body must be a JSON object.", "field": None}


def test_only_post_is_answered(client):
    response = client.get("/api/v2/newsletter/subscriptions/")

    assert response.status_code == 405
    assert response["Allow"] == "POST"


def test_an_expired_link_is_a_410(client, run_worker, settings, monkeypatch):
    subscribe(client)
    run_worker()
    token = link_token(mail.outbox[0].body, "/newsletter/confirm")

    later = time.time() + settings.NEWSLETTER_CONFIRM_MAX_AGE_HOURS * 3600 + 60
    monkeypatch.setattr("django.core.signing.time.time", lambda: later)
    response = confirm(client, token)

    assert response.status_code == 410
    assert response.json()["field"] == "token"
    assert Subscription.objects.get().state == Subscription.State.PENDING


@pytest.mark.parametrize("change", [lambda t: t[:-2] + "xx", lambda t: "x" + t, lambda t: "abc"])
def test_a_tampered_link_is_a_400(client, run_worker, change):
    subscribe(client)
    run_worker()
    token = link_token(mail.outbox[0].body, "/newsletter/confirm")

    response = confirm(client, change(token))

    assert response.status_code == 400
    assert response.json()["message"] == "This link is broken or was changed."
    assert Subscription.objects.get().state == Subscription.State.PENDING


def test_a_link_used_twice_is_a_409(client, run_worker):
    subscribe(client)
    run_worker()
    token = link_token(mail.outbox[0].body, "/newsletter/confirm")
    confirm(client, token)

    response = confirm(client, token)

    assert response.status_code == 409
    assert response.json()["message"] == "This subscription is confirmed already."


def test_a_link_from_before_an_unsubscribe_no_longer_confirms(client, run_worker):
    subscribe(client)
    run_worker()
    old_token = link_token(mail.outbox[0].body, "/newsletter/confirm")
    Subscription.objects.update(state=Subscription.State.UNSUBSCRIBED)
    subscribe(client)  # a new request, with a new link

    response = confirm(client, old_token)

    assert response.status_code == 409
    assert Subscription.objects.get().state == Subscription.State.PENDING


def test_the_link_of_an_erased_subscription_is_a_404(client, run_worker):
    subscribe(client)
    run_worker()
    token = link_token(mail.outbox[0].body, "/newsletter/confirm")
    Subscription.objects.all().delete()

    response = confirm(client, token)

    assert response.status_code == 404


def test_a_missing_token_is_a_400_naming_it(client):
    response = post_json(client, "confirm", {})

    assert response.status_code == 400
    assert response.json()["field"] == "token"


def test_without_editors_wording_the_standard_email_is_in_the_subscribers_language(
    client, run_worker
):
    subscribe(client, locale="uk")
    run_worker()

    [message] = mail.outbox
    assert message.subject == "Будь ласка, підтвердьте підписку на розсилку"
    assert "Щоб будь-коли відписатися, відкрийте: https://frontend.example/" in message.body
