"""docs/examples/newsletter_to_listmonk.py: its signature check accepts a real delivery of the
CMS's webhooks and refuses a tampered one, and only a verified delivery reaches listmonk."""

import importlib.util
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core import mail

from tests.newsletter.conftest import link_token, post_json, subscribe
from tests.webhooks.receiver import Receiver
from webhooks.models import Webhook

pytestmark = pytest.mark.django_db

SECRET = "listmonk-feed-secret"


def load_example():
    path = Path(settings.BASE_DIR) / "docs" / "examples" / "newsletter_to_listmonk.py"
    spec = importlib.util.spec_from_file_location("newsletter_to_listmonk", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def delivery(client, receiver, run_worker):
    """The CMS's real ``newsletter.confirmed`` delivery, as the receiver got it."""
    Webhook.objects.create(
        name="listmonk", url=receiver.url, secret=SECRET, events=["newsletter.confirmed"]
    )
    subscribe(client, email="chytach@example.org", locale="uk")
    run_worker()
    post_json(client, "confirm", {"token": link_token(mail.outbox[0].body, "/newsletter/confirm")})
    run_worker()
    [request] = receiver.requests
    return request.body, request.headers["X-UCAN-Signature"]


@pytest.fixture
def listmonk():
    server = Receiver()
    yield server
    server.stop()


def test_the_signature_check_accepts_a_real_delivery_and_refuses_a_tampered_one(delivery):
    example = load_example()
    body, signature = delivery

    assert example.is_from_the_cms(SECRET, body, signature)
    tampered = body.replace(b"chytach@example.org", b"intruder@example.org")
    assert not example.is_from_the_cms(SECRET, tampered, signature)
    assert not example.is_from_the_cms("another-secret", body, signature)
    assert not example.is_from_the_cms(SECRET, body, "")


def test_only_a_verified_delivery_reaches_listmonk(delivery, listmonk):
    example = load_example()
    body, signature = delivery
    api = example.Listmonk(f"http://127.0.0.1:{listmonk.port}", "ucan", "t0ken", list_id=3)

    refused = example.handle(SECRET, api, body.replace(b'"uk"', b'"en"'), signature)
    assert refused == 401
    assert listmonk.requests == []

    assert example.handle(SECRET, api, body, signature) == 204
    [call] = listmonk.requests
    assert (call.method, call.path) == ("POST", "/api/subscribers")
    assert call.headers["Authorization"] == "token ucan:t0ken"
    sent = json.loads(call.body)
    assert sent["email"] == "chytach@example.org"
    assert sent["lists"] == [3]
    assert sent["preconfirm_subscriptions"] is True
    assert sent["attribs"] == {"language": "uk"}
