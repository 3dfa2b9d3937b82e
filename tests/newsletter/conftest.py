import re
from urllib.parse import parse_qs, urlsplit

import pytest

FRONTEND = "https://frontend.example"


@pytest.fixture(autouse=True)
def newsletter_settings(settings):
    settings.FRONTEND_URL = FRONTEND
    settings.WAGTAILAPI_BASE_URL = "https://cms.example"
    settings.NEWSLETTER_CLIENT_RATE = 100
    return settings


def subscribe(client, meta=None, **body):
    """POST a valid subscription request, with ``body`` changing it and ``meta`` for WSGI
    variables (REMOTE_ADDR, HTTP_X_FORWARDED_FOR …)."""
    body = {"email": "reader@example.org", "locale": "en", "consent": True, **body}
    return client.post(
        "/api/v2/newsletter/subscriptions/", body, content_type="application/json", **(meta or {})
    )


def post_json(client, path, body, **extra):
    return client.post(
        f"/api/v2/newsletter/{path}/", body, content_type="application/json", **extra
    )


def link_token(text: str, path: str) -> str:
    """The token of the first link in ``text`` to the frontend route ``path``."""
    url = re.search(rf"{re.escape(FRONTEND + path)}\?\S+", text).group(0)
    return parse_qs(urlsplit(url).query)["token"][0]
