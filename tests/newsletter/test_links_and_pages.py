"""The email's links are absolute in every configuration; without a frontend they open the
CMS's own pages, which change nothing until the person presses their button."""

import re
from html import unescape
from urllib.parse import urlsplit

import pytest
from django.core import mail

from newsletter.models import Subscription
from tests.newsletter.conftest import FRONTEND, post_json, subscribe

pytestmark = pytest.mark.django_db

CMS = "https://cms.example"


@pytest.fixture
def no_frontend(settings):
    settings.FRONTEND_URL = ""
    settings.WAGTAILADMIN_BASE_URL = CMS + "/"


def links(body: str) -> list[str]:
    return re.findall(r"https?://\S+", body)


@pytest.mark.parametrize(("frontend", "base"), [(FRONTEND, FRONTEND), ("", CMS)])
def test_both_links_are_absolute_with_or_without_a_frontend(
    client, run_worker, settings, frontend, base
):
    settings.FRONTEND_URL = frontend
    settings.WAGTAILADMIN_BASE_URL = CMS

    subscribe(client)
    run_worker()

    confirm, unsubscribe = links(mail.outbox[0].body)
    assert confirm.startswith(f"{base}/newsletter/confirm?token=")
    assert unsubscribe.startswith(f"{base}/newsletter/unsubscribe?token=")


def page_form(response) -> tuple[str, str]:
    """The form's action and the token it will send."""
    html = response.content.decode()
    action = re.search(r'<form id="newsletter-action" method="post" action="([^"]+)"', html)
    token = re.search(r'name="token" value="([^"]+)"', html)
    return unescape(action.group(1)), unescape(token.group(1))


def test_the_confirm_page_changes_nothing_until_its_button_posts_the_token(
    client, run_worker, no_frontend
):
    subscribe(client, locale="uk")
    run_worker()
    confirm_link = links(mail.outbox[0].body)[0]

    url = urlsplit(confirm_link)
    page = client.get(f"{url.path}?{url.query}")

    assert page.status_code == 200
    assert page["Cache-Control"] == "no-store"
    html = page.content.decode()
    assert '<html lang="uk">' in html
    assert "Підтвердьте підписку на розсилку" in html
    assert "Підтвердити підписку" in html
    # Mail scanners open links: the page itself confirms nothing.
    assert Subscription.objects.get().state == Subscription.State.PENDING

    action, token = page_form(page)
    assert action == "/api/v2/newsletter/confirm/"
    answer = post_json(client, "confirm", {"token": token})

    assert answer.status_code == 200
    assert Subscription.objects.get().state == Subscription.State.CONFIRMED


def test_the_unsubscribe_page_is_in_english_for_an_english_subscriber(
    client, run_worker, no_frontend
):
    subscribe(client)
    run_worker()
    url = urlsplit(links(mail.outbox[0].body)[1])

    page = client.get(f"{url.path}?{url.query}", HTTP_ACCEPT_LANGUAGE="uk")

    assert page.status_code == 200
    assert '<html lang="en">' in page.content.decode()
    assert "Unsubscribe from the newsletter" in page.content.decode()
    action, token = page_form(page)
    assert action == "/api/v2/newsletter/unsubscribe/"
    assert Subscription.objects.get().state == Subscription.State.PENDING
    assert post_json(client, "unsubscribe", {"token": token}).status_code == 200
    assert Subscription.objects.get().state == Subscription.State.UNSUBSCRIBED


def test_a_page_without_a_token_says_the_link_is_broken(client):
    page = client.get("/newsletter/confirm", HTTP_ACCEPT_LANGUAGE="uk")

    assert page.status_code == 400
    assert "Це посилання пошкоджене або змінене" in page.content.decode()
    assert "<form" not in page.content.decode()


def test_the_pages_answer_no_post(client):
    response = client.post("/newsletter/unsubscribe?token=abc")

    assert response.status_code == 405
