"""Webhooks cannot be pointed at the CMS's own network, at save time or at delivery time.

An administrator who could save ``http://127.0.0.1:6379/`` and read the delivery log would have
a probe of every internal service. These tests hold the admin, the model and the worker to the
rule: only public addresses, plus the internal receivers ``WEBHOOK_ALLOWED_INTERNAL_HOSTS``
names. Receivers are real HTTP servers on 127.0.0.1; DNS answers come from a stand-in resolver.
"""

import json
import socket

import pytest
from django.core.exceptions import ValidationError

from cms.api.events import Event
from tests.partners.factories import PartnerPageFactory
from webhooks.models import Webhook, WebhookDelivery
from webhooks.signing import is_valid
from webhooks.tasks import enqueue

pytestmark = pytest.mark.django_db

REFUSED = "destination refused: private address"
PUBLIC_ADDRESS = "93.184.216.34"

INTERNAL_URLS = {
    "http://127.0.0.1:6379/": "is not a public address (loopback address)",
    "http://10.0.0.5/": "is not a public address (private network)",
    "http://169.254.169.254/": "is not a public address (link-local address)",
    "http://[::1]/": "is not a public address (loopback address)",
    "http://localhost/": "is a name used only inside private networks",
    "http://metadata.google.internal/": "is a name used only inside private networks",
}

# What the C library (and so the HTTP client) reads as 127.0.0.1, and IPv6 forms of it.
LOOPBACK_SPELLINGS = [
    "http://2130706433/",
    "http://0x7f.1/",
    "http://127.1/",
    "http://0177.0.0.1/",
    "http://0x7f000001/",
    "http://[::ffff:127.0.0.1]/",
    "http://[64:ff9b::7f00:1]/",
    "http://[2002:7f00:1::]/",
]

OTHER_INTERNAL_ADDRESSES = {
    "http://0.0.0.0/": "unspecified address",
    "http://[::]/": "unspecified address",
    "http://100.64.0.1/": "shared address space (carrier-grade NAT)",
    "http://224.0.0.1/": "multicast address",
    "http://192.168.1.20/": "private network",
    "http://[fd00::5]/": "private network",
    "http://[fe80::1]/": "link-local address",
    "http://[::ffff:10.0.0.5]/": "private network",
    "http://240.0.0.1/": "reserved address",
}


@pytest.fixture
def no_internal_receivers(settings):
    settings.WEBHOOK_ALLOWED_INTERNAL_HOSTS = []


@pytest.fixture
def dns(monkeypatch):
    """A resolver that answers for the names put in the returned dict, and as usual otherwise."""
    answers = {}
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
        numeric_only = flags & socket.AI_NUMERICHOST
        if host in answers and not numeric_only:
            return [
                (socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (answers[host], port))
            ]
        return real_getaddrinfo(host, port, family, type, proto, flags)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return answers


@pytest.fixture
def connections(monkeypatch):
    """Every (address, port) any socket of this process tries to connect to."""
    attempted = []
    real_connect = socket.socket.connect

    def connect(sock, address):
        attempted.append(address[:2])
        return real_connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", connect)
    return attempted


def add_endpoint(admin_client, url):
    return admin_client.post(
        "/admin/webhooks/new/",
        {
            "name": "Frontend",
            "url": url,
            "secret": "s3cret-for-tests",
            "events": [Event.PAGE_PUBLISHED],
            "is_active": "on",
        },
    )


def url_errors(response) -> str:
    assert response.status_code == 200, "the endpoint was saved"
    return " ".join(response.context["form"].errors.get("url", []))


def deliver_one(webhook, run_worker, capture) -> WebhookDelivery:
    delivery = WebhookDelivery.objects.create(
        webhook=webhook, event=Event.PAGE_PUBLISHED, payload={"event": "page.published"}
    )
    with capture(execute=True):
        enqueue(delivery)
    run_worker()
    delivery.refresh_from_db()
    return delivery


@pytest.mark.usefixtures("no_internal_receivers")
@pytest.mark.parametrize(("url", "reason"), INTERNAL_URLS.items())
def test_the_admin_refuses_an_internal_address_and_says_why(admin_client, url, reason):
    errors = url_errors(add_endpoint(admin_client, url))
    assert reason in errors
    assert "WEBHOOK_ALLOWED_INTERNAL_HOSTS" in errors
    assert not Webhook.objects.exists()


@pytest.mark.usefixtures("no_internal_receivers")
@pytest.mark.parametrize("url", INTERNAL_URLS)
def test_the_model_refuses_an_internal_address(url):
    webhook = Webhook(name="Probe", url=url, events=[Event.PAGE_PUBLISHED])
    with pytest.raises(ValidationError) as refused:
        webhook.full_clean()
    assert INTERNAL_URLS[url] in " ".join(refused.value.message_dict["url"])


@pytest.mark.usefixtures("no_internal_receivers")
@pytest.mark.parametrize("url", LOOPBACK_SPELLINGS)
def test_numeric_spellings_of_loopback_are_refused_as_loopback(admin_client, url):
    assert "is not a public address (loopback address)" in url_errors(
        add_endpoint(admin_client, url)
    )
    assert not Webhook.objects.exists()


@pytest.mark.usefixtures("no_internal_receivers")
@pytest.mark.parametrize(("url", "reason"), OTHER_INTERNAL_ADDRESSES.items())
def test_every_kind_of_internal_address_is_refused(admin_client, url, reason):
    assert f"({reason})" in url_errors(add_endpoint(admin_client, url))


@pytest.mark.usefixtures("no_internal_receivers")
def test_the_refusal_is_translated(admin_client, admin_user):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "uk"
    profile.save()
    errors = url_errors(add_endpoint(admin_client, "http://10.0.0.5/"))
    assert "не є публічною адресою (приватна мережа)" in errors


@pytest.mark.usefixtures("no_internal_receivers")
def test_a_numeric_spelling_saved_past_the_form_is_refused_at_delivery(
    receiver, run_worker, connections, django_capture_on_commit_callbacks
):
    webhook = Webhook.objects.create(
        name="Probe", url=f"http://2130706433:{receiver.port}/", events=[Event.PAGE_PUBLISHED]
    )
    delivery = deliver_one(webhook, run_worker, django_capture_on_commit_callbacks)
    assert receiver.requests == []
    assert ("127.0.0.1", receiver.port) not in connections
    assert delivery.status == WebhookDelivery.Status.FAILED
    assert (delivery.response_code, delivery.last_error) == (None, REFUSED)


@pytest.mark.usefixtures("no_internal_receivers")
def test_a_name_resolving_to_a_private_address_is_refused_and_the_log_shows_nothing_of_it(
    admin_client, receiver, run_worker, dns, connections, django_capture_on_commit_callbacks
):
    receiver.statuses = [503]  # what an internal service would answer, if it were asked
    dns["hooks.partner.example"] = "127.0.0.1"
    webhook = Webhook.objects.create(
        name="Partner",
        url=f"http://hooks.partner.example:{receiver.port}/hooks",
        events=[Event.PAGE_PUBLISHED],
    )

    delivery = deliver_one(webhook, run_worker, django_capture_on_commit_callbacks)

    assert receiver.requests == []
    assert ("127.0.0.1", receiver.port) not in connections
    assert delivery.status == WebhookDelivery.Status.FAILED  # at once: waiting will not help
    assert delivery.attempts == 1
    assert (delivery.response_code, delivery.last_error) == (None, REFUSED)
    detail = admin_client.get(f"/admin/webhook_deliveries/inspect/{delivery.pk}/")
    assert REFUSED in detail.content.decode()
    assert "503" not in detail.content.decode()


@pytest.mark.usefixtures("no_internal_receivers")
def test_a_name_that_turns_private_after_it_was_saved_is_refused(
    admin_client, receiver, run_worker, dns, connections, django_capture_on_commit_callbacks
):
    url = f"http://hooks.partner.example:{receiver.port}/hooks"
    dns["hooks.partner.example"] = PUBLIC_ADDRESS
    assert add_endpoint(admin_client, url).status_code == 302  # public when saved

    dns["hooks.partner.example"] = "127.0.0.1"  # DNS rebinding
    delivery = deliver_one(Webhook.objects.get(), run_worker, django_capture_on_commit_callbacks)

    assert receiver.requests == []
    assert ("127.0.0.1", receiver.port) not in connections
    assert (delivery.status, delivery.response_code) == (WebhookDelivery.Status.FAILED, None)
    assert delivery.last_error == REFUSED


@pytest.mark.parametrize("allowed", [["127.0.0.1"], ["127.0.0.0/8"]])
def test_an_internal_receiver_named_in_the_settings_gets_its_notifications(
    admin_client,
    settings,
    receiver,
    run_worker,
    partner_index,
    allowed,
    django_capture_on_commit_callbacks,
):
    settings.WEBHOOK_ALLOWED_INTERNAL_HOSTS = []
    assert "loopback" in url_errors(add_endpoint(admin_client, receiver.url))

    settings.WEBHOOK_ALLOWED_INTERNAL_HOSTS = allowed
    assert add_endpoint(admin_client, receiver.url).status_code == 302
    partner = PartnerPageFactory.build(title="Kyiv", slug="kyiv")
    partner_index.add_child(instance=partner)
    with django_capture_on_commit_callbacks(execute=True):
        partner.save_revision().publish()
    run_worker()

    [request] = receiver.requests
    assert is_valid("s3cret-for-tests", request.body, request.headers["X-UCAN-Signature"])
    assert json.loads(request.body)["page"]["path"] == "/en/partners/kyiv/"
    assert WebhookDelivery.objects.get().status == WebhookDelivery.Status.DELIVERED


def test_an_internal_receiver_can_be_allowed_by_its_name(
    admin_client, settings, receiver, run_worker, dns, django_capture_on_commit_callbacks
):
    dns["frontend.internal"] = "127.0.0.1"
    url = f"http://frontend.internal:{receiver.port}/hooks/ucan"
    settings.WEBHOOK_ALLOWED_INTERNAL_HOSTS = []
    assert "name used only inside private networks" in url_errors(add_endpoint(admin_client, url))

    settings.WEBHOOK_ALLOWED_INTERNAL_HOSTS = ["frontend.internal"]
    assert add_endpoint(admin_client, url).status_code == 302
    delivery = deliver_one(Webhook.objects.get(), run_worker, django_capture_on_commit_callbacks)

    [request] = receiver.requests
    assert request.headers["Host"] == f"frontend.internal:{receiver.port}"
    assert delivery.status == WebhookDelivery.Status.DELIVERED
