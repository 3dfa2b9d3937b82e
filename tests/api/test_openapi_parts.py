"""The OpenAPI document is put together from the API package's part and each app's
(``openapi.describe`` in partners/, home/, newsletter/), and no part replaces another's."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.api import openapi


def test_each_app_adds_its_page_types_schemas_and_paths():
    document = openapi.openapi_document()
    page_types = [
        schema["properties"]["meta"]["properties"]["type"]["const"]
        for name, schema in document["components"]["schemas"].items()
        if name.endswith("PageDetail") and name != "PageDetail"
    ]
    assert page_types == ["home.HomePage", "partners.PartnerIndexPage", "partners.PartnerPage"]
    assert {"TeamMember", "SiteContent", "NewsletterError"} <= set(
        document["components"]["schemas"]
    )
    assert {"/api/v2/site/", "/api/v2/newsletter/subscriptions/"} <= set(document["paths"])


def test_an_app_cannot_replace_a_schema_of_the_api_package(monkeypatch):
    intruder = openapi.Contribution(schemas=lambda: {"Error": {"type": "object"}})
    monkeypatch.setitem(openapi._contributions, "intruder", intruder)
    with pytest.raises(ImproperlyConfigured, match="'Error' is given by both cms.api and intruder"):
        openapi.openapi_document()


def test_two_apps_cannot_give_the_same_operation(monkeypatch):
    intruder = openapi.Contribution(paths=lambda: {"/api/v2/site/": {}})
    monkeypatch.setitem(openapi._contributions, "intruder", intruder)
    with pytest.raises(ImproperlyConfigured, match="'/api/v2/site/' is given by both home and"):
        openapi.openapi_document()
