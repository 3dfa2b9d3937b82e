"""Publish notifications as a receiver sees them: signed JSON, retries, nothing lost."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from cms.api.events import Event, event_choices
from home.models import SiteContent
from partners.models import PartnerCooperation
from tests.partners.factories import PartnerPageFactory
from tests.webhooks.receiver import Receiver
from webhooks.models import Webhook, WebhookDelivery
from webhooks.signing import is_valid

pytestmark = pytest.mark.django_db

ALL_EVENTS = [event for event, _label in event_choices()]


@pytest.fixture
def webhook(receiver):
    return Webhook.objects.create(
        name="Frontend", url=receiver.url, secret="s3cret-for-tests", events=ALL_EVENTS
    )


def publish_partner(partner_index, capture, **fields):
    partner = PartnerPageFactory.build(**fields)
    partner_index.add_child(instance=partner)
    with capture(execute=True):
        partner.save_revision().publish()
    return partner


def test_a_publish_reaches_the_receiver_signed_with_the_pages_urls(
    partner_index, webhook, receiver, run_worker, django_capture_on_commit_callbacks
):
    partner = publish_partner(
        partner_index, django_capture_on_commit_callbacks, title="TU Dresden", slug="tu-dresden"
    )

    # The editor's publish only recorded the delivery; the worker sends it.
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.PENDING
    assert receiver.requests == []

    run_worker()

    [request] = receiver.requests
    assert request.method == "POST"
    assert request.path == "/hooks/ucan"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["X-UCAN-Event"] == "page.published"
    assert is_valid("s3cret-for-tests", request.body, request.headers["X-UCAN-Signature"])
    assert not is_valid("another-secret", request.body, request.headers["X-UCAN-Signature"])
    body = json.loads(request.body)
    assert body["event"] == "page.published"
    assert body["locale"] == "en"
    assert body["delivery_id"] == delivery.pk
    assert body["page"] == {
        "id": partner.pk,
        "type": "partners.PartnerPage",
        "title": "TU Dresden",
        "path": "/en/partners/tu-dresden/",
    }
    assert "/en/partners/tu-dresden/" in body["paths"]
    assert f"/api/v2/pages/{partner.pk}/" in body["api_urls"]
    assert "/api/v2/pages/?type=partners.PartnerPage&fields=*&locale=en" in body["api_urls"]
    assert "/api/v2/pages/find/?html_path=/en/partners/tu-dresden/" in body["api_urls"]
    assert "/api/v2/site/?locale=en" in body["api_urls"]

    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.DELIVERED
    assert (delivery.attempts, delivery.response_code) == (1, 200)


def test_a_partners_publish_names_the_partners_that_show_it_as_cooperating(
    partner_index, webhook, django_capture_on_commit_callbacks
):
    khmelnytskyi = publish_partner(
        partner_index, django_capture_on_commit_callbacks, title="Khmelnytskyi", slug="khm"
    )
    dresden = PartnerPageFactory.build(title="Dresden", slug="dresden")
    partner_index.add_child(instance=dresden)
    dresden.cooperations.add(PartnerCooperation(cooperating_partner=khmelnytskyi))
    with django_capture_on_commit_callbacks(execute=True):
        dresden.save_revision().publish()
    WebhookDelivery.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        khmelnytskyi.save_revision().publish()

    # Dresden's JSON nests Khmelnytskyi's title, path and logo: the frontend refreshes both.
    body = WebhookDelivery.objects.get().payload
    assert f"/api/v2/pages/{dresden.pk}/" in body["api_urls"]
    assert "/en/partners/dresden/" in body["paths"]


def test_a_receiver_error_is_retried_until_it_answers(
    partner_index, webhook, receiver, run_worker, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_RETRY_DELAY = 0
    receiver.statuses = [500, 503, 204]
    publish_partner(partner_index, django_capture_on_commit_callbacks)

    run_worker()

    assert len(receiver.requests) == 3
    assert len({request.body for request in receiver.requests}) == 1  # the same event each time
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.DELIVERED
    assert (delivery.attempts, delivery.response_code) == (3, 204)


def test_a_retry_waits_for_its_backoff(
    partner_index, webhook, receiver, run_worker, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_RETRY_DELAY = 600
    receiver.statuses = [500, 200]
    publish_partner(partner_index, django_capture_on_commit_callbacks)

    run_worker()

    assert len(receiver.requests) == 1  # the second attempt is due in ten minutes
    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.RETRYING
    assert delivery.response_code == 500
    assert "HTTP 500" in delivery.last_error
    assert (delivery.next_attempt_at - delivery.created_at).total_seconds() >= 590


def test_a_dead_receiver_loses_no_event(
    partner_index, run_worker, settings, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_RETRY_DELAY = 0
    settings.WEBHOOK_MAX_ATTEMPTS = 2
    dead = Receiver()
    port = dead.port
    dead.stop()  # nothing listens on the webhook's port any more
    Webhook.objects.create(
        name="Down", url=f"http://127.0.0.1:{port}/hooks/ucan", events=[Event.PAGE_PUBLISHED]
    )
    publish_partner(partner_index, django_capture_on_commit_callbacks, slug="kept")

    run_worker()

    delivery = WebhookDelivery.objects.get()
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert delivery.attempts == 2
    assert delivery.response_code is None
    assert delivery.last_error
    assert delivery.payload["page"]["path"] == "/en/partners/kept/"

    back = Receiver(port=port)
    try:
        from django.core.management import call_command

        call_command("redeliver_webhooks", verbosity=0)
        run_worker()
    finally:
        back.stop()

    [request] = back.requests
    assert json.loads(request.body)["page"]["path"] == "/en/partners/kept/"
    delivery.refresh_from_db()
    assert delivery.status == WebhookDelivery.Status.DELIVERED


def test_endpoints_hear_only_the_events_they_chose(
    partner_index, receiver, django_capture_on_commit_callbacks
):
    Webhook.objects.create(name="Translations", url=receiver.url, events=["translation.published"])
    Webhook.objects.create(name="Paused", url=receiver.url, events=ALL_EVENTS, is_active=False)
    publish_partner(partner_index, django_capture_on_commit_callbacks)
    assert not WebhookDelivery.objects.exists()


def test_every_kind_of_change_is_announced(
    home_page, partner_index, webhook, django_capture_on_commit_callbacks
):
    capture = django_capture_on_commit_callbacks
    partner = publish_partner(partner_index, capture, title="Moved", slug="moved")
    with capture(execute=True):
        partner.slug = "renamed"
        partner.save_revision().publish()
    partner.refresh_from_db()
    with capture(execute=True):
        # Page.move does not check the tree rules: fine for a test of what a move announces.
        partner.move(home_page, pos="last-child")
    partner.refresh_from_db()
    with capture(execute=True):
        partner.unpublish()
    with capture(execute=True):
        SiteContent.objects.create(locale=Locale.get_default(), project_name="U_CAN")
    with capture(execute=True):
        partner.delete()

    deliveries = {delivery.event: delivery for delivery in WebhookDelivery.objects.order_by("pk")}
    assert list(WebhookDelivery.objects.order_by("pk").values_list("event", flat=True)) == [
        "page.published",
        "page.published",
        "page.moved",
        "page.unpublished",
        "site_content.changed",
        "page.deleted",
    ]
    assert deliveries["page.published"].payload["page"]["path"] == "/en/partners/renamed/"
    moved = deliveries["page.moved"].payload
    assert moved["page"]["path"] == "/en/renamed/"
    assert moved["page"]["old_path"] == "/en/partners/renamed/"
    assert "/api/v2/pages/find/?html_path=/en/partners/renamed/" in moved["api_urls"]
    assert f"/api/v2/pages/?child_of={partner_index.pk}" in moved["api_urls"]
    assert deliveries["page.deleted"].payload["page"]["id"] == partner.pk
    assert deliveries["site_content.changed"].payload["api_urls"] == [
        "/api/v2/site/?locale=en",
        "/api/v2/site/",
    ]


def test_a_published_translation_is_its_own_event(
    partner_index, webhook, django_capture_on_commit_callbacks
):
    partner = publish_partner(
        partner_index, django_capture_on_commit_callbacks, title="Dresden", slug="dresden"
    )
    ukrainian = Locale.objects.get(language_code="uk")
    with django_capture_on_commit_callbacks(execute=True):
        translation = partner.copy_for_translation(ukrainian, copy_parents=True)
        translation.title = "Дрезден"
        translation.save_revision().publish()

    delivery = WebhookDelivery.objects.order_by("pk").last()
    assert delivery.event == "translation.published"
    assert delivery.payload["locale"] == "uk"
    assert delivery.payload["page"]["path"] == "/uk/partners/dresden/"
    # The English page lists the new alternate, so its detail changes too.
    assert f"/api/v2/pages/{partner.pk}/" in delivery.payload["api_urls"]


def test_the_worker_health_check_fails_when_work_waits_too_long(
    partner_index, webhook, django_capture_on_commit_callbacks
):
    from django.core.management import CommandError, call_command
    from django_tasks_db.models import DBTaskResult

    call_command("worker_health", verbosity=0)  # an empty queue is healthy
    publish_partner(partner_index, django_capture_on_commit_callbacks)
    call_command("worker_health", verbosity=0)  # just enqueued: not overdue yet
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=10))
    with pytest.raises(CommandError, match="1 background tasks have waited more than 300 s"):
        call_command("worker_health", verbosity=0)
