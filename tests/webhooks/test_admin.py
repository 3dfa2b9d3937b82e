"""Administrators configure endpoints and read the delivery log; nobody else sees them."""

import pytest

from webhooks.models import Webhook, WebhookDelivery

pytestmark = pytest.mark.django_db


def test_an_administrator_adds_an_endpoint_with_its_events(admin_client):
    response = admin_client.get("/admin/webhooks/new/")
    assert response.status_code == 200
    assert b"Translation published" in response.content

    response = admin_client.post(
        "/admin/webhooks/new/",
        {
            "name": "Frontend revalidation",
            "url": "https://frontend.example/api/revalidate",
            "secret": "a-long-shared-secret",
            "events": ["page.published", "translation.published"],
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    webhook = Webhook.objects.get()
    assert webhook.events == ["page.published", "translation.published"]
    assert webhook.secret == "a-long-shared-secret"


def test_an_endpoint_needs_a_valid_url_and_an_event(admin_client):
    response = admin_client.post(
        "/admin/webhooks/new/",
        {"name": "Broken", "url": "not a url", "secret": "x", "events": [], "is_active": "on"},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "url" in errors
    assert errors["events"] == ["Choose at least one event."]
    assert not Webhook.objects.exists()


def test_each_new_endpoint_gets_its_own_random_secret():
    first, second = Webhook(), Webhook()
    assert len(first.secret) >= 40
    assert first.secret != second.secret


def test_the_delivery_log_shows_status_attempts_and_response_code(admin_client):
    webhook = Webhook.objects.create(name="Frontend", url="https://f.example/", events=["x"])
    delivery = WebhookDelivery.objects.create(
        webhook=webhook,
        event="page.published",
        payload={"event": "page.published"},
        status=WebhookDelivery.Status.FAILED,
        attempts=8,
        response_code=502,
        last_error="HTTP 502 Bad Gateway",
    )
    listing = admin_client.get("/admin/webhook_deliveries/")
    assert listing.status_code == 200
    assert b"Failed" in listing.content
    assert b"502" in listing.content
    detail = admin_client.get(f"/admin/webhook_deliveries/inspect/{delivery.pk}/")
    assert detail.status_code == 200
    assert b"HTTP 502 Bad Gateway" in detail.content
    # The log is a record of what happened: it cannot be written by hand.
    assert admin_client.get("/admin/webhook_deliveries/new/").status_code in (302, 403)
    assert admin_client.get(f"/admin/webhook_deliveries/edit/{delivery.pk}/").status_code in (
        302,
        403,
    )


def test_editors_cannot_see_or_change_endpoints(client, editor):
    client.force_login(editor)
    assert client.get("/admin/webhooks/").status_code in (302, 403)
    assert client.get("/admin/webhook_deliveries/").status_code in (302, 403)


def test_the_webhook_admin_speaks_ukrainian(admin_client, admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "uk"
    profile.save()
    html = admin_client.get("/admin/webhooks/new/").content.decode()
    assert "Переклад опубліковано" in html  # "Translation published"
    assert "Хто отримує сповіщення" in html  # the name's help text
