"""Old paths keep working: find/ answers them with the new location, and editors' redirects
are listed for frontend middleware."""

import pytest
from django.contrib.auth.models import Group
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import PageViewRestriction

from tests.api.test_contract import assert_matches
from tests.publishing import publish

pytestmark = pytest.mark.django_db


def rename(page, slug):
    page.slug = slug
    return publish(page)


def test_an_old_slug_answers_with_a_permanent_redirect_to_the_page(client, dresden):
    rename(dresden, "dresden")
    response = client.get("/api/v2/pages/find/?html_path=/en/partners/city-of-dresden/")
    assert response.status_code == 301
    assert response["Location"] == f"http://testserver/api/v2/pages/{dresden.pk}/"
    body = response.json()
    assert body["permanent"] is True
    assert body["redirect_to"] == {
        "html_path": "/en/partners/dresden/",
        "api_url": f"http://testserver/api/v2/pages/{dresden.pk}/",
        "url": None,
    }
    assert "message" in body
    # Without the language prefix, the locale (default English) completes the old path.
    unprefixed = client.get("/api/v2/pages/find/?html_path=/partners/city-of-dresden/")
    assert unprefixed.status_code == 301


def test_the_new_path_is_found_directly(client, dresden):
    rename(dresden, "dresden")
    response = client.get("/api/v2/pages/find/?html_path=/en/partners/dresden/")
    assert response.status_code == 302
    assert f"/api/v2/pages/{dresden.pk}/" in response["Location"]


def test_a_moved_pages_old_path_leads_to_its_new_place(client, dresden, khmelnytskyi):
    dresden.move(khmelnytskyi, pos="last-child")
    response = client.get("/api/v2/pages/find/?html_path=/en/partners/city-of-dresden/")
    assert response.status_code == 301
    assert response.json()["redirect_to"]["html_path"] == (
        "/en/partners/khmelnytskyi-national-university/city-of-dresden/"
    )


def test_an_editors_temporary_redirect_is_a_307(client, dresden):
    Redirect.objects.create(old_path="/lhd", redirect_page=dresden, is_permanent=False)
    response = client.get("/api/v2/pages/find/?html_path=/lhd/")
    assert response.status_code == 307
    assert response.json()["permanent"] is False
    assert response.json()["redirect_to"]["html_path"] == "/en/partners/city-of-dresden/"


def test_a_redirect_off_the_site_gives_its_url(client, dresden):
    Redirect.objects.create(old_path="/en/funding", redirect_link="https://ec.europa.eu/")
    response = client.get("/api/v2/pages/find/?html_path=/en/funding/")
    assert response.status_code == 301
    assert response["Location"] == "https://ec.europa.eu/"
    assert response.json()["redirect_to"] == {
        "html_path": None,
        "api_url": None,
        "url": "https://ec.europa.eu/",
    }


def test_a_redirect_to_a_private_page_is_not_followed(client, dresden):
    Redirect.objects.create(old_path="/secret", redirect_page=dresden)
    PageViewRestriction.objects.create(page=dresden, restriction_type="login")
    assert client.get("/api/v2/pages/find/?html_path=/secret/").status_code == 404
    assert client.get("/api/v2/redirects/").json()["meta"]["total_count"] == 0


def test_the_listing_shows_editor_made_redirects_only(client, dresden):
    rename(dresden, "dresden")  # an automatic redirect, which find/ answers
    Redirect.objects.create(old_path="/lhd", redirect_page=dresden, is_permanent=False)
    Redirect.objects.create(old_path="/en/funding", redirect_link="https://ec.europa.eu/")
    body = client.get("/api/v2/redirects/").json()
    assert body["meta"]["total_count"] == 2
    funding, lhd = body["items"]
    assert funding["old_path"] == "/en/funding"
    assert funding["locale"] == "en"
    assert funding["redirect_to"]["url"] == "https://ec.europa.eu/"
    assert lhd == {
        "id": lhd["id"],
        "old_path": "/lhd",
        "site": None,
        "permanent": False,
        "locale": "en",
        "redirect_to": {
            "html_path": "/en/partners/dresden/",
            "api_url": f"http://testserver/api/v2/pages/{dresden.pk}/",
            "url": None,
        },
    }
    second_page = client.get("/api/v2/redirects/?limit=1&offset=1").json()
    assert second_page["meta"]["total_count"] == 2
    assert [item["old_path"] for item in second_page["items"]] == ["/lhd"]


@pytest.mark.parametrize("query", ["limit=1000", "limit=x", "colour=red"])
def test_the_listing_refuses_bad_input_with_a_message(client, query):
    response = client.get(f"/api/v2/redirects/?{query}")
    assert response.status_code == 400
    assert "message" in response.json()


def test_saving_a_redirect_refreshes_cached_answers(client, dresden):
    assert client.get("/api/v2/redirects/").json()["meta"]["total_count"] == 0
    Redirect.objects.create(old_path="/lhd", redirect_page=dresden)
    assert client.get("/api/v2/redirects/").json()["meta"]["total_count"] == 1


def test_moderators_may_manage_redirects():
    moderators = Group.objects.get(name="Moderators")
    codenames = set(
        moderators.permissions.filter(content_type__app_label="wagtailredirects").values_list(
            "codename", flat=True
        )
    )
    assert codenames == {"add_redirect", "change_redirect", "delete_redirect"}


def test_the_openapi_document_describes_both(client):
    document = client.get("/api/v2/openapi.json").json()
    assert "/api/v2/redirects/" in document["paths"]
    find = document["paths"]["/api/v2/pages/find/"]["get"]["responses"]
    assert {"301", "302", "307"} <= set(find)
    assert "FindRedirect" in document["components"]["schemas"]


def test_both_answers_match_the_document(client, dresden):
    rename(dresden, "dresden")
    Redirect.objects.create(old_path="/en/funding", redirect_link="https://ec.europa.eu/")
    document = client.get("/api/v2/openapi.json").json()
    found = client.get("/api/v2/pages/find/?html_path=/en/partners/city-of-dresden/").json()
    assert_matches(document, "FindRedirect", found)
    assert_matches(document, "RedirectListing", client.get("/api/v2/redirects/").json())
