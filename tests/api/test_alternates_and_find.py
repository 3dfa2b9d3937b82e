"""Alternates in meta.translations, and finding pages by path in the right language."""

import pytest
from wagtail.models import PageViewRestriction

from tests.publishing import translate

pytestmark = pytest.mark.django_db


def meta(client, page):
    return client.get(f"/api/v2/pages/{page.pk}/").json()["meta"]


def test_meta_lists_live_translations_both_ways(client, dresden, dresden_uk):
    assert meta(client, dresden)["translations"] == [
        {
            "locale": "uk",
            "id": dresden_uk.pk,
            "path": "/uk/partners/city-of-dresden/",
            "up_to_date": True,
        }
    ]
    assert meta(client, dresden_uk)["translations"] == [
        {
            "locale": "en",
            "id": dresden.pk,
            "path": "/en/partners/city-of-dresden/",
            "up_to_date": True,
        }
    ]


def test_draft_translations_are_not_alternates(client, dresden, ukrainian, ukrainian_copies):
    draft = dresden.copy_for_translation(ukrainian)  # not published
    assert not draft.live
    assert meta(client, dresden)["translations"] == []


def test_restricted_translations_are_not_alternates(client, dresden, dresden_uk):
    PageViewRestriction.objects.create(page=dresden_uk, restriction_type="login")
    assert meta(client, dresden)["translations"] == []


def test_listing_items_carry_their_alternates(client, dresden, dresden_uk):
    items = client.get("/api/v2/pages/?type=partners.PartnerPage&fields=translations").json()
    by_id = {item["id"]: item["meta"]["translations"] for item in items["items"]}
    assert by_id[dresden.pk][0]["locale"] == "uk"
    assert by_id[dresden_uk.pk][0]["locale"] == "en"


def test_cooperating_partner_points_to_the_ukrainian_page_when_live(
    client, dresden, khmelnytskyi, ukrainian, ukrainian_copies
):
    dresden_uk = translate(dresden, ukrainian, title="Місто Дрезден")
    body = client.get(f"/api/v2/pages/{dresden_uk.pk}/").json()
    # No Ukrainian Khmelnytskyi yet: the link goes to the English page, marked by its path.
    assert body["cooperates_with"][0]["path"] == "/en/partners/khmelnytskyi-national-university/"

    khmelnytskyi_uk = translate(khmelnytskyi, ukrainian, title="Хмельницький університет")
    body = client.get(f"/api/v2/pages/{dresden_uk.pk}/").json()
    assert body["cooperates_with"][0]["id"] == khmelnytskyi_uk.pk
    assert body["cooperates_with"][0]["title"] == "Хмельницький університет"
    assert body["cooperates_with"][0]["path"] == "/uk/partners/khmelnytskyi-national-university/"


def test_listing_nests_cooperating_partners_in_the_listings_language(
    client, dresden, khmelnytskyi, ukrainian, ukrainian_copies
):
    dresden_uk = translate(dresden, ukrainian, title="Місто Дрезден")

    def nested_in_ukrainian_listing():
        listing = "/api/v2/pages/?type=partners.PartnerPage&locale=uk&fields=cooperates_with"
        (item,) = [i for i in client.get(listing).json()["items"] if i["id"] == dresden_uk.pk]
        return item["cooperates_with"]

    # Khmelnytskyi is not in the Ukrainian listing: the English page, fetched for it.
    assert [(p["id"], p["path"]) for p in nested_in_ukrainian_listing()] == [
        (khmelnytskyi.pk, "/en/partners/khmelnytskyi-national-university/")
    ]
    # Now it is, and the listing's own Ukrainian page is the one nested.
    khmelnytskyi_uk = translate(khmelnytskyi, ukrainian, title="Хмельницький університет")
    assert [(p["id"], p["title"]) for p in nested_in_ukrainian_listing()] == [
        (khmelnytskyi_uk.pk, "Хмельницький університет")
    ]


@pytest.mark.parametrize(
    "query",
    [
        "html_path=/uk/partners/city-of-dresden/",
        "html_path=/partners/city-of-dresden/&locale=uk",
    ],
)
def test_find_resolves_the_ukrainian_page(client, dresden, dresden_uk, query):
    response = client.get(f"/api/v2/pages/find/?{query}")
    assert response.status_code == 302
    assert f"/api/v2/pages/{dresden_uk.pk}/" in response["Location"]


@pytest.mark.parametrize(
    "query", ["html_path=/en/partners/city-of-dresden/", "html_path=/partners/city-of-dresden/"]
)
def test_find_resolves_the_english_page(client, dresden, dresden_uk, query):
    response = client.get(f"/api/v2/pages/find/?{query}")
    assert response.status_code == 302
    assert f"/api/v2/pages/{dresden.pk}/" in response["Location"]


def test_find_unknown_path_is_a_json_404(client, dresden):
    response = client.get("/api/v2/pages/find/?html_path=/en/partners/atlantis/")
    assert response.status_code == 404
    assert "message" in response.json()


def test_find_with_contradicting_locale_is_a_400(client, dresden):
    response = client.get("/api/v2/pages/find/?html_path=/uk/partners/x/&locale=en")
    assert response.status_code == 400
    assert response.json()["parameter"] == "locale"
