"""Feed a listmonk list from the CMS's newsletter webhooks: a small receiver, standard library only.

The CMS keeps the subscriptions and their proof of consent; listmonk sends the newsletters. In
the admin, Settings → Webhooks: add this receiver's URL with the events ``newsletter.confirmed``
and ``newsletter.unsubscribed``, and give it the webhook's secret. Run::

    UCAN_WEBHOOK_SECRET=… LISTMONK_URL=https://lists.example.org LISTMONK_USER=ucan-cms \\
    LISTMONK_TOKEN=… LISTMONK_LIST_ID=3 python newsletter_to_listmonk.py   # port 8080, PORT=…

Each delivery's signature is checked on the raw body before anything is parsed; a delivery
that fails the check is answered 401 and changes nothing. A confirmed address is added to the
list already confirmed (the CMS did the double opt-in), so listmonk sends no opt-in email of
its own; an unsubscribed one is unsubscribed from the list. Any 2xx tells the CMS the delivery
arrived; anything else makes it retry later, so a listmonk outage loses nothing.
"""

import hashlib
import hmac
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

SIGNATURE_HEADER = "X-UCAN-Signature"


def is_from_the_cms(secret: str, body: bytes, signature: str) -> bool:
    """The CMS signs ``sha256=<hex HMAC-SHA256 of the raw body with the secret>``."""
    expected = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, signature or "")


class Listmonk:
    """The two calls of listmonk's API this needs, authenticated as an API user."""

    def __init__(self, base_url: str, user: str, token: str, list_id: int):
        self.base_url = base_url.rstrip("/")
        self.authorization = f"token {user}:{token}"
        self.list_id = list_id

    def call(self, method: str, path: str, body: dict | None = None, query: dict | None = None):
        url = f"{self.base_url}{path}"
        if query:
            url += "?" + urllib.parse.urlencode(query)
        request = urllib.request.Request(  # noqa: S310  (the operator's own listmonk URL)
            url,
            data=json.dumps(body).encode() if body is not None else None,
            method=method,
            headers={"Authorization": self.authorization, "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            text = response.read()
        return json.loads(text) if text else {}

    def subscriber_id(self, email: str) -> int | None:
        quoted = email.replace("'", "''")
        found = self.call(
            "GET", "/api/subscribers", query={"query": f"subscribers.email = '{quoted}'"}
        )
        results = (found.get("data") or {}).get("results") or []
        return results[0]["id"] if results else None

    def subscribe(self, email: str, language: str):
        body = {
            "email": email,
            "name": email.split("@")[0],
            "status": "enabled",
            "lists": [self.list_id],
            "attribs": {"language": language},
            "preconfirm_subscriptions": True,
        }
        try:
            self.call("POST", "/api/subscribers", body)
        except urllib.error.HTTPError as error:
            if error.code != 409:  # 409: listmonk knows the address already
                raise
            self.change_lists(email, "add")

    def unsubscribe(self, email: str):
        self.change_lists(email, "unsubscribe")

    def change_lists(self, email: str, action: str):
        subscriber = self.subscriber_id(email)
        if subscriber is None:
            return
        body = {"ids": [subscriber], "action": action, "target_list_ids": [self.list_id]}
        if action == "add":
            body["status"] = "confirmed"
        self.call("PUT", "/api/subscribers/lists", body)


def handle(secret: str, listmonk: Listmonk, body: bytes, signature: str) -> int:
    """Act on one delivery; returns the HTTP status to answer the CMS with."""
    if not is_from_the_cms(secret, body, signature):
        return 401
    delivery = json.loads(body)
    subscription = delivery.get("subscription") or {}
    if delivery.get("event") == "newsletter.confirmed":
        listmonk.subscribe(subscription["email"], subscription["locale"])
    elif delivery.get("event") == "newsletter.unsubscribed":
        listmonk.unsubscribe(subscription["email"])
    return 204  # other events: nothing to do, but received


def serve(secret: str, listmonk: Listmonk, port: int):
    class Receiver(BaseHTTPRequestHandler):
        def do_POST(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            try:
                status = handle(secret, listmonk, body, self.headers.get(SIGNATURE_HEADER, ""))
            except (urllib.error.URLError, KeyError, ValueError):
                status = 502  # the CMS retries later
            self.send_response(status)
            self.send_header("Content-Length", "0")
            self.end_headers()

    ThreadingHTTPServer(("", port), Receiver).serve_forever()


if __name__ == "__main__":
    serve(
        os.environ["UCAN_WEBHOOK_SECRET"],
        Listmonk(
            os.environ["LISTMONK_URL"],
            os.environ["LISTMONK_USER"],
            os.environ["LISTMONK_TOKEN"],
            int(os.environ["LISTMONK_LIST_ID"]),
        ),
        int(os.environ.get("PORT", "8080")),
    )
