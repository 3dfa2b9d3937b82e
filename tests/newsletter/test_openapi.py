"""The newsletter's endpoints are in the OpenAPI document, and every answer they give matches
the schema of its documented status."""

import jsonschema
import pytest
from django.core import mail

from newsletter.models import Subscription
from tests.newsletter.conftest import link_token, post_json, subscribe

pytestmark = pytest.mark.django_db


def assert_documented(openapi, path, response):
    operation = openapi["paths"][f"/api/v2/newsletter/{path}/"]["post"]
    documented = operation["responses"]
    assert str(response.status_code) in documented, (path, response.status_code)
    schema = documented[str(response.status_code)]["content"]["application/json"]["schema"]
    jsonschema.Draft202012Validator({**schema, **openapi}).validate(response.json())


def test_every_answer_of_the_three_endpoints_is_documented(client, openapi, run_worker, settings):
    settings.NEWSLETTER_CLIENT_RATE = 3
    answers = [
        ("subscriptions", subscribe(client)),
        ("subscriptions", subscribe(client, consent=False)),
        ("subscriptions", subscribe(client, email="other@example.org")),
        ("subscriptions", subscribe(client, email="third@example.org")),  # 429
    ]
    run_worker()
    confirm_token = link_token(mail.outbox[0].body, "/newsletter/confirm")
    unsubscribe_token = link_token(mail.outbox[0].body, "/newsletter/unsubscribe")
    answers += [
        ("confirm", post_json(client, "confirm", {"token": "broken"})),
        ("confirm", post_json(client, "confirm", {"token": confirm_token})),
        ("confirm", post_json(client, "confirm", {"token": confirm_token})),  # 409
        ("unsubscribe", post_json(client, "unsubscribe", {})),
        ("unsubscribe", post_json(client, "unsubscribe", {"token": unsubscribe_token})),
    ]
    Subscription.objects.all().delete()
    answers.append(("unsubscribe", post_json(client, "unsubscribe", {"token": unsubscribe_token})))

    assert [response.status_code for _path, response in answers] == [
        *(202, 400, 202, 429),
        *(400, 200, 409),
        *(400, 200, 404),
    ]
    for path, response in answers:
        assert_documented(openapi, path, response)


def test_the_documented_request_body_is_what_the_endpoint_takes(openapi):
    body = openapi["paths"]["/api/v2/newsletter/subscriptions/"]["post"]["requestBody"]
    schema = {**body["content"]["application/json"]["schema"], **openapi}
    validator = jsonschema.Draft202012Validator(schema)

    validator.validate({"email": "a@example.org", "locale": "uk", "consent": True, "website": ""})
    assert not validator.is_valid({"email": "a@example.org", "locale": "uk", "consent": False})
    assert not validator.is_valid({"email": "a@example.org", "locale": "de", "consent": True})
