"""Bad input gets a 4xx with a JSON message naming what was wrong; never a 500."""

import pytest

pytestmark = pytest.mark.django_db

HUGE = str(10**30)
LONG = "x" * 5000

# (request, status, the parameter the answer must name)
BAD_REQUESTS = [
    ("/api/v2/pages/?limit=-1", 400, "limit"),
    ("/api/v2/pages/?limit=abc", 400, "limit"),
    (f"/api/v2/pages/?limit={HUGE}", 400, "limit"),
    ("/api/v2/pages/?limit=1000", 400, "limit"),
    ("/api/v2/pages/?offset=-5", 400, "offset"),
    ("/api/v2/pages/?offset=x", 400, "offset"),
    (f"/api/v2/pages/?offset={HUGE}", 400, "offset"),
    ("/api/v2/pages/?type=foo", 400, "type"),
    ("/api/v2/pages/?type=foo.Bar", 400, "type"),
    ("/api/v2/pages/?type=wagtailcore.Site", 400, "type"),
    ("/api/v2/pages/?locale=xx", 400, "locale"),
    ("/api/v2/pages/?locale=EN", 400, "locale"),
    ("/api/v2/pages/?order=nonexistent_field", 400, "order"),
    ("/api/v2/pages/?order=random&offset=2", 400, "offset"),
    ("/api/v2/pages/?fields=unknown", 400, "fields"),
    ("/api/v2/pages/?fields=*,(", 400, "fields"),
    ("/api/v2/pages/?fields=title(x)", 400, "fields"),
    ("/api/v2/pages/?child_of=abc", 400, "child_of"),
    ("/api/v2/pages/?child_of=0", 400, "child_of"),
    ("/api/v2/pages/?child_of=-1", 400, "child_of"),
    (f"/api/v2/pages/?child_of={HUGE}", 400, "child_of"),
    ("/api/v2/pages/?child_of=999999", 400, "child_of"),
    ("/api/v2/pages/?descendant_of=abc", 400, "descendant_of"),
    (f"/api/v2/pages/?descendant_of={HUGE}", 400, "descendant_of"),
    ("/api/v2/pages/?translation_of=abc", 400, "translation_of"),
    (f"/api/v2/pages/?translation_of={HUGE}", 400, "translation_of"),
    ("/api/v2/pages/?ancestor_of=abc", 400, "ancestor_of"),
    ("/api/v2/pages/?search=x&search_operator=xor", 400, "search_operator"),
    ("/api/v2/pages/?foo=1", 400, "foo"),
    (f"/api/v2/pages/?search={LONG}", 400, "search"),
    (f"/api/v2/pages/?slug={LONG}", 400, "slug"),
    ("/api/v2/pages/?title=%00", 400, "title"),
    ("/api/v2/pages/?limit=1&limit=2", 400, "limit"),
    ("/api/v2/pages/?site=bad:port", 400, "site"),
    ("/api/v2/pages/?rich_text_format=pdf", 400, "rich_text_format"),
    ("/api/v2/pages/?type=partners.PartnerPage&logo=abc", 400, "logo"),
    ("/api/v2/pages/find/?html_path=partners/x/", 400, "html_path"),
    ("/api/v2/pages/find/?html_path=/x/&locale=zz", 400, "locale"),
    ("/api/v2/images/?limit=abc", 400, "limit"),
    ("/api/v2/images/?fields=unknown", 400, "fields"),
    ("/api/v2/documents/?offset=-1", 400, "offset"),
    ("/api/v2/documents/?fields=(", 400, "fields"),
    ("/api/v2/site/?locale=fr", 400, "locale"),
    ("/api/v2/site/?foo=1", 400, "foo"),
    ("/api/v2/images/?order=nonexistent", 400, "order"),
]

NOT_FOUND = [
    "/api/v2/pages/999999/",
    "/api/v2/pages/abc/",
    "/api/v2/images/999999/",
    "/api/v2/documents/999999/",
    "/api/v2/nothing-here/",
    "/api/v2/pages/find/?html_path=/en/no-such-page/",
]


@pytest.mark.parametrize(("url", "status", "parameter"), BAD_REQUESTS)
def test_bad_parameter_is_a_400_naming_it(client, partner_index, url, status, parameter):
    response = client.get(url)
    assert response.status_code == status, response.content[:300]
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert parameter in body["message"]
    assert body.get("parameter") == parameter


@pytest.mark.parametrize("url", NOT_FOUND)
def test_unknown_ids_and_paths_are_json_404s(client, partner_index, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "message" in response.json()


def test_unknown_field_on_a_detail_is_a_400(client, partner_index):
    response = client.get(f"/api/v2/pages/{partner_index.pk}/?fields=unknown")
    assert response.status_code == 400
    assert response.json()["parameter"] == "fields"


def test_at_least_thirty_bad_requests_are_covered():
    assert len(BAD_REQUESTS) >= 30


def test_browsable_api_is_off_outside_development(client, partner_index):
    response = client.get("/api/v2/pages/", HTTP_ACCEPT="text/html")
    assert response["Content-Type"] == "application/json"


def test_writes_are_refused_as_json(client, partner_index):
    response = client.post("/api/v2/pages/", {"title": "x"})
    assert response.status_code in (403, 405)
    assert response["Content-Type"] == "application/json"
