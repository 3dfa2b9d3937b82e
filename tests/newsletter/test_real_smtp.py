"""The confirmation email through Django's SMTP backend to a real SMTP server (aiosmtpd) on
127.0.0.1, read back as a mail client reads it, and its link followed to the confirmation."""

import email
import re
import socket
from email import policy
from urllib.parse import urlsplit

import pytest
from aiosmtpd.controller import Controller

from newsletter.models import Subscription
from tests.newsletter.conftest import post_json, subscribe

pytestmark = pytest.mark.django_db


class Mailbox:
    """aiosmtpd's handler: keeps every message it is given, as the bytes sent."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content))
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server(settings):
    mailbox = Mailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield mailbox
    controller.stop()


def test_the_email_arrives_over_smtp_and_its_link_confirms(
    client, run_worker, settings, smtp_server
):
    settings.FRONTEND_URL = ""  # the links open the CMS's own pages
    settings.WAGTAILADMIN_BASE_URL = "https://cms.example"

    assert subscribe(client, email="chytach@example.org", locale="uk").status_code == 202
    assert smtp_server.messages == []  # the request only queued it
    run_worker()

    [(recipients, raw)] = smtp_server.messages
    assert recipients == ["chytach@example.org"]
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["To"] == "chytach@example.org"
    # Python's email package folds long headers after the colon ("Subject:\r\n =?utf-8?…"),
    # which RFC 5322 allows; unfolded, the value keeps that whitespace in front.
    assert message["Subject"].strip() == "Будь ласка, підтвердьте підписку на розсилку"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert re.fullmatch(
        r"<https://cms\.example/api/v2/newsletter/unsubscribe/\?token=\S+>",
        message["List-Unsubscribe"].strip(),
    )
    text = message.get_body(("plain",)).get_content()
    assert "Щоб будь-коли відписатися, відкрийте:" in text  # the subscriber's language

    link = re.search(r"https://cms\.example/newsletter/confirm\?\S+", text).group(0)
    url = urlsplit(link)
    page = client.get(f"{url.path}?{url.query}")
    assert page.status_code == 200
    token = re.search(r'name="token" value="([^"]+)"', page.content.decode()).group(1)
    assert Subscription.objects.get().state == Subscription.State.PENDING

    answer = post_json(client, "confirm", {"token": token})

    assert answer.status_code == 200
    assert Subscription.objects.get().state == Subscription.State.CONFIRMED
