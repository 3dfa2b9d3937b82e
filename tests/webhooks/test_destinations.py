"""How a delivery reaches an allowed receiver: the address it checked, under the URL's name."""

import socket
import ssl
import subprocess
import threading

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.api.events import Event
from webhooks.destinations import AllowedInternal
from webhooks.models import Webhook, WebhookDelivery
from webhooks.tasks import enqueue

pytestmark = pytest.mark.django_db

NAMES = ("hooks.partner.example", "frontend.internal")


@pytest.fixture
def changing_dns(monkeypatch):
    """Our two names answer 127.0.0.1 once, then 127.0.0.2 (a rebinding resolver)."""
    real_getaddrinfo = socket.getaddrinfo
    lookups = []

    def getaddrinfo(host, port, family=0, type=0, proto=0, flags=0):
        if host in NAMES and not flags & socket.AI_NUMERICHOST:
            address = "127.0.0.1" if not lookups else "127.0.0.2"
            lookups.append(address)
            return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, port))]
        return real_getaddrinfo(host, port, family, type, proto, flags)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return lookups


def deliver_one(url, run_worker, capture) -> WebhookDelivery:
    webhook = Webhook.objects.create(name="Frontend", url=url, events=[Event.PAGE_PUBLISHED])
    delivery = WebhookDelivery.objects.create(
        webhook=webhook, event=Event.PAGE_PUBLISHED, payload={"event": "page.published"}
    )
    with capture(execute=True):
        enqueue(delivery)
    run_worker()
    delivery.refresh_from_db()
    return delivery


def test_the_connection_goes_to_the_address_that_was_checked(
    settings, receiver, run_worker, changing_dns, django_capture_on_commit_callbacks
):
    # Only 127.0.0.1 is allowed: a second look-up (127.0.0.2) would be refused, or connect
    # somewhere unchecked. The name is looked up once and that answer is used.
    settings.WEBHOOK_ALLOWED_INTERNAL_HOSTS = ["127.0.0.1"]
    delivery = deliver_one(
        f"http://hooks.partner.example:{receiver.port}/hooks",
        run_worker,
        django_capture_on_commit_callbacks,
    )
    assert changing_dns == ["127.0.0.1"]
    assert delivery.status == WebhookDelivery.Status.DELIVERED
    [request] = receiver.requests
    assert request.headers["Host"] == f"hooks.partner.example:{receiver.port}"


@pytest.fixture
def tls_server(tmp_path):
    """A TLS server on 127.0.0.1 with a self-signed certificate; records the SNI it is sent."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]  # noqa: S607
        + ["-subj", "/CN=elsewhere.example", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server_names = []
    context.sni_callback = lambda _sock, name, _context: server_names.append(name)
    listener = socket.create_server(("127.0.0.1", 0))

    def serve():
        conn, _address = listener.accept()
        try:
            context.wrap_socket(conn, server_side=True)
        except (ssl.SSLError, OSError):
            pass  # the client rejects the certificate: the handshake ends here
        finally:
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield listener.getsockname()[1], server_names
    thread.join(timeout=5)
    listener.close()


def test_https_names_the_host_in_tls_and_checks_its_certificate(
    settings, tls_server, run_worker, changing_dns, django_capture_on_commit_callbacks
):
    settings.WEBHOOK_ALLOWED_INTERNAL_HOSTS = ["frontend.internal"]
    port, server_names = tls_server
    delivery = deliver_one(
        f"https://frontend.internal:{port}/hooks", run_worker, django_capture_on_commit_callbacks
    )
    assert server_names == ["frontend.internal"]  # SNI is the URL's name, not the address
    assert delivery.status == WebhookDelivery.Status.RETRYING
    assert "CERTIFICATE_VERIFY_FAILED" in delivery.last_error


def test_a_malformed_allowed_network_fails_loudly(settings):
    settings.WEBHOOK_ALLOWED_INTERNAL_HOSTS = ["10.0.0.0/33"]
    with pytest.raises(ImproperlyConfigured, match="10.0.0.0/33"):
        AllowedInternal.from_settings()
