"""The OpenAPI document describes what a typed frontend reads without guards: the default
response shape (no ``fields``) with its required members, and page details told apart by
``meta.type``. ``make types`` compiles a strict TypeScript consumer against it (contract/ts/)."""

import json

import jsonschema
import pytest
from django.core.management import call_command

from tests.api.test_contract import assert_matches
from tests.publishing import translate

pytestmark = pytest.mark.django_db


def schema(openapi, name):
    return openapi["components"]["schemas"][name]


def test_a_partner_detail_requires_every_member_it_has_without_fields(openapi):
    partner = schema(openapi, "PartnerPageDetail")
    assert {"id", "meta", "title", "team_members", "logo", "country"} <= set(partner["required"])
    meta = partner["properties"]["meta"]
    assert {"type", "detail_url", "locale", "path", "translations", "parent"} <= set(
        meta["required"]
    )
    assert meta["properties"]["type"]["const"] == "partners.PartnerPage"


def test_page_details_are_one_of_the_page_types(openapi, client, dresden, home_page):
    union = schema(openapi, "PageDetail")
    assert [member["$ref"].rsplit("/", 1)[1] for member in union["oneOf"]] == [
        "HomePageDetail",
        "PartnerIndexPageDetail",
        "PartnerPageDetail",
    ]
    # oneOf: each live page matches exactly one member, the one its meta.type names.
    for page in client.get("/api/v2/pages/?limit=100").json()["items"]:
        detail = client.get(f"/api/v2/pages/{page['id']}/").json()
        assert_matches(openapi, "PageDetail", detail)
    body = client.get(f"/api/v2/pages/{dresden.pk}/").json()
    body["meta"]["type"] = "home.HomePage"  # a partner's fields under another type's name
    with pytest.raises(jsonschema.ValidationError):
        assert_matches(openapi, "PageDetail", body)


def test_a_default_listing_item_has_its_required_members(openapi, client, dresden):
    item = schema(openapi, "PageListingItem")
    assert set(item["required"]) == {"id", "meta", "title"}
    listing = client.get("/api/v2/pages/").json()
    assert_matches(openapi, "PageListing", listing)
    for listed in listing["items"]:
        assert set(item["properties"]["meta"]["required"]) <= set(listed["meta"])


def test_an_image_has_a_download_url_described(openapi, client, image, dresden):
    meta = schema(openapi, "MediaMeta")
    assert meta["properties"]["download_url"]["type"] == "string"
    assert "download_url" in meta["required"]
    assert_matches(openapi, "ImageDetail", client.get(f"/api/v2/images/{image.pk}/").json())
    assert_matches(openapi, "MediaListing", client.get("/api/v2/images/").json())


def test_a_ukrainian_page_matches_too(openapi, client, dresden, ukrainian, ukrainian_copies):
    dresden_uk = translate(dresden, ukrainian, title="Місто Дрезден")
    assert_matches(
        openapi, "PartnerPageDetail", client.get(f"/api/v2/pages/{dresden_uk.pk}/").json()
    )


def test_the_command_writes_the_document_as_served(tmp_path, openapi):
    output = tmp_path / "openapi.json"
    call_command("openapi_document", output=str(output))
    assert json.loads(output.read_text()) == openapi
