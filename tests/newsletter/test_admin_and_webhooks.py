"""Admin → Newsletter for editors and administrators, and the webhooks a mailing service hears."""

import json

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from newsletter.models import Subscription
from tests.newsletter.conftest import link_token, post_json, subscribe
from webhooks.models import Webhook, WebhookDelivery
from webhooks.signing import is_valid

pytestmark = pytest.mark.django_db

FIELDS = {"consent_text_version": "1"}


@pytest.fixture
def subscriptions():
    return [
        Subscription.objects.create(
            email="anna@example.org",
            locale="en",
            consent_language="en",
            state="confirmed",
            **FIELDS,
        ),
        Subscription.objects.create(
            email="oksana@example.org", locale="uk", consent_language="uk", **FIELDS
        ),
    ]


@pytest.fixture
def member(client, django_user_model):
    def sign_in(group):
        user = django_user_model.objects.create_user(username=group.lower(), password="x")
        user.groups.add(Group.objects.get(name=group))
        client.force_login(user)
        return client

    return sign_in


@pytest.mark.parametrize("group", ["Editors", "Moderators"])
def test_editors_and_moderators_list_filter_and_export(member, group, subscriptions):
    client = member(group)

    listing = client.get("/admin/newsletter/")
    by_language = client.get("/admin/newsletter/", {"locale": "uk"})
    by_state = client.get("/admin/newsletter/", {"state": "confirmed"})
    csv = client.get("/admin/newsletter/", {"export": "csv"})

    assert listing.status_code == 200
    assert b"anna@example.org" in listing.content and b"oksana@example.org" in listing.content
    assert b"anna@example.org" not in by_language.content
    assert b"oksana@example.org" not in by_state.content
    assert csv.status_code == 200
    rows = b"".join(csv.streaming_content).decode().splitlines()
    assert rows[0].startswith("Email,Language,State,Requested,Confirmed,Unsubscribed")
    assert any(row.startswith("anna@example.org,en,confirmed,") for row in rows)
    xlsx = client.get("/admin/newsletter/", {"export": "xlsx"})
    assert xlsx.status_code == 200
    assert "spreadsheetml" in xlsx["Content-Type"]


def test_editors_cannot_erase_or_write_subscriptions(member, subscriptions):
    client = member("Editors")
    anna = subscriptions[0]

    assert client.post(f"/admin/newsletter/delete/{anna.pk}/").status_code in (302, 403)
    assert client.get("/admin/newsletter/new/").status_code in (302, 403)
    assert client.get(f"/admin/newsletter/edit/{anna.pk}/").status_code in (302, 403)
    assert Subscription.objects.filter(pk=anna.pk).exists()


def test_people_without_a_role_do_not_see_the_list(client, django_user_model, subscriptions):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(username="nobody", password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    assert client.get("/admin/newsletter/").status_code in (302, 403)


@pytest.fixture
def mailing_list_webhook(receiver):
    """A mailing service's webhook, told of newsletter events only (tests/webhooks' ``webhook``
    hears every event)."""
    return Webhook.objects.create(
        name="Mailing list",
        url=receiver.url,
        secret="s3cret-for-tests",
        events=["newsletter.confirmed", "newsletter.unsubscribed"],
    )


def test_confirm_and_unsubscribe_reach_the_webhook_signed(
    client, mailing_list_webhook, receiver, run_worker
):
    subscribe(client, locale="uk")
    run_worker()
    message = mail.outbox[0]
    post_json(client, "confirm", {"token": link_token(message.body, "/newsletter/confirm")})
    post_json(client, "unsubscribe", {"token": link_token(message.body, "/newsletter/unsubscribe")})
    run_worker()

    assert [request.headers["X-UCAN-Event"] for request in receiver.requests] == [
        "newsletter.confirmed",
        "newsletter.unsubscribed",
    ]
    for request in receiver.requests:
        assert is_valid("s3cret-for-tests", request.body, request.headers["X-UCAN-Signature"])
    confirmed = json.loads(receiver.requests[0].body)
    assert confirmed["event"] == "newsletter.confirmed"
    assert confirmed["subscription"]["email"] == "reader@example.org"
    assert confirmed["subscription"]["locale"] == "uk"
    assert confirmed["subscription"]["confirmed_at"]


def test_an_administrators_delete_erases_the_deliveries_naming_the_address(
    admin_client, client, mailing_list_webhook, run_worker
):
    subscribe(client)
    run_worker()
    post_json(client, "confirm", {"token": link_token(mail.outbox[0].body, "/newsletter/confirm")})
    subscription = Subscription.objects.get()
    assert WebhookDelivery.objects.filter(event="newsletter.confirmed").exists()

    response = admin_client.post(f"/admin/newsletter/delete/{subscription.pk}/")

    assert response.status_code == 302
    assert not Subscription.objects.exists()
    assert not WebhookDelivery.objects.exists()
