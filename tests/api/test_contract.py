"""The contract: live responses match the OpenAPI document and the frozen expected JSON.

A deliberate change to the JSON must change the files in tests/api/expected/ in the same
commit: run ``UPDATE_EXPECTED=1 make test`` and review the diff.
"""

import json
import os
import re
from pathlib import Path

import jsonschema
import pytest

from tests.publishing import translate

pytestmark = pytest.mark.django_db

EXPECTED = Path(__file__).parent / "expected"


def assert_matches(openapi, schema_name, body):
    schema = {"$ref": f"#/components/schemas/{schema_name}", **openapi}
    jsonschema.Draft202012Validator(schema).validate(body)


@pytest.fixture
def full_site(dresden, khmelnytskyi, site_content, ukrainian, ukrainian_copies):
    return translate(dresden, ukrainian, title="Місто Дрезден")


def test_every_endpoint_answers_as_documented(client, openapi, full_site, dresden, home_page):
    listing = client.get("/api/v2/pages/?type=partners.PartnerPage&fields=*").json()
    assert_matches(openapi, "PageListing", listing)
    assert_matches(openapi, "PageListing", client.get("/api/v2/pages/?fields=*").json())
    assert_matches(openapi, "PageListing", client.get("/api/v2/pages/").json())
    for page in client.get("/api/v2/pages/?limit=100").json()["items"]:
        detail = client.get(f"/api/v2/pages/{page['id']}/").json()
        assert_matches(openapi, "PageDetail", detail)
    assert_matches(openapi, "PartnerPageDetail", client.get(f"/api/v2/pages/{dresden.pk}/").json())
    assert_matches(openapi, "SiteContent", client.get("/api/v2/site/").json())
    assert_matches(openapi, "MediaListing", client.get("/api/v2/images/").json())
    assert_matches(openapi, "MediaListing", client.get("/api/v2/documents/").json())
    assert_matches(openapi, "Error", client.get("/api/v2/pages/?limit=x").json())
    assert_matches(openapi, "Error", client.get("/api/v2/pages/999999/").json())


def test_the_schema_rejects_a_response_that_breaks_it(openapi, client, dresden):
    body = client.get(f"/api/v2/pages/{dresden.pk}/").json()
    body["country"] = "DE"  # a bare string instead of {code, name}
    with pytest.raises(jsonschema.ValidationError):
        assert_matches(openapi, "PartnerPageDetail", body)


def normalise(body, ids):
    """Replace values that differ between runs (ids, timestamps, generated file names)."""
    names = {str(page_id): name for name, page_id in ids.items()}
    text = json.dumps(body, ensure_ascii=False, indent=2, sort_keys=True)
    text = re.sub(r'(/media/(?:original_images|images)/)[^."/]+', r"\1<file>", text)
    text = re.sub(
        r'("id": )(\d+)', lambda m: m.group(1) + f'"<{names.get(m.group(2), "id")}>"', text
    )
    text = re.sub(
        r"(/pages/)(\d+)(/)", lambda m: f"{m.group(1)}<{names.get(m.group(2), 'id')}>/", text
    )
    text = re.sub(r"\d{4}-\d\d-\d\dT[\d:.]+(Z|[+-]\d\d:\d\d)", "<timestamp>", text)
    return text + "\n"


def check_expected(name, text):
    file = EXPECTED / f"{name}.json"
    if os.environ.get("UPDATE_EXPECTED"):
        file.write_text(text, encoding="utf-8")
    assert file.exists(), f"run UPDATE_EXPECTED=1 to create {file.name}"
    assert text == file.read_text(encoding="utf-8")


def test_frozen_responses(client, full_site, dresden, khmelnytskyi, partner_index, image):
    ids = {
        "dresden": dresden.pk,
        "dresden_uk": full_site.pk,
        "khmelnytskyi": khmelnytskyi.pk,
        "partner_index": partner_index.pk,
        "image": image.pk,
    }
    check_expected(
        "partner-page", normalise(client.get(f"/api/v2/pages/{dresden.pk}/").json(), ids)
    )
    check_expected(
        "partner-listing",
        normalise(
            client.get("/api/v2/pages/?type=partners.PartnerPage&fields=*&locale=en").json(), ids
        ),
    )
    check_expected("site-en", normalise(client.get("/api/v2/site/?locale=en").json(), ids))
