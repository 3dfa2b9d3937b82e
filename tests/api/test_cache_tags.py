"""Every API response names the objects it was built from, and a change purges by those keys.

The keys (cms/api/cache_tags.py) go out as ``xkey`` for Varnish, ``Surrogate-Key`` and
``Cache-Tag`` for CDNs; the CMS's own response cache checks them too, so a listing with any
query string is fresh after a publish while unrelated responses stay cached.
"""

import pytest
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Collection, CollectionViewRestriction, Page

from cms.api import cache_tags
from partners.models import PartnerPage
from tests.partners.factories import PartnerPageFactory
from tests.publishing import publish, translate

pytestmark = pytest.mark.django_db


def keys(response) -> set[str]:
    return set(response["xkey"].split())


def partner_listing_key() -> str:
    return f"l{ContentType.objects.get_for_model(PartnerPage).pk}"


def test_a_detail_names_the_page_the_partners_it_nests_and_the_images(
    client, dresden, khmelnytskyi, image
):
    response = client.get(f"/api/v2/pages/{dresden.pk}/")
    assert {f"p{dresden.pk}", f"p{khmelnytskyi.pk}", f"i{image.pk}", "all"} <= keys(response)
    assert not any(key.startswith("l") for key in keys(response))


def test_the_three_headers_name_the_same_keys_as_each_cache_expects(client, dresden):
    response = client.get(f"/api/v2/pages/{dresden.pk}/")
    assert set(response["Surrogate-Key"].split(" ")) == keys(response)
    assert set(response["Cache-Tag"].split(",")) == keys(response)
    # Served again from the cache: the same keys.
    assert client.get(f"/api/v2/pages/{dresden.pk}/")["xkey"] == response["xkey"]


def test_a_listing_of_a_type_names_the_type_and_its_pages(client, dresden, khmelnytskyi):
    response = client.get("/api/v2/pages/?type=partners.PartnerPage&limit=1&order=-title")
    assert partner_listing_key() in keys(response)
    assert "l" not in keys(response)
    assert f"p{dresden.pk}" in keys(response)  # listed second, but nested in the first


def test_a_listing_of_any_type_names_all_listings(client, dresden):
    assert "l" in keys(client.get("/api/v2/pages/?locale=en"))
    assert "l" in keys(client.get(f"/api/v2/pages/?child_of={dresden.get_parent().pk}"))


def test_find_names_the_page_it_leads_to(client, dresden):
    response = client.get("/api/v2/pages/find/?html_path=/en/partners/city-of-dresden/")
    assert response.status_code == 302
    assert f"p{dresden.pk}" in keys(response)


def test_site_content_names_itself_its_navigation_and_its_image(
    client, site_content, partner_index, image
):
    response = client.get("/api/v2/site/")
    assert {"s", f"s{site_content.pk}", f"p{partner_index.pk}", f"i{image.pk}"} <= keys(response)


def test_image_responses_name_the_image_or_all_image_listings(client, image):
    assert "i" in keys(client.get("/api/v2/images/"))
    assert f"i{image.pk}" in keys(client.get(f"/api/v2/images/{image.pk}/"))


def test_a_change_to_a_page_purges_it_its_translations_and_its_listings(
    dresden, ukrainian_copies, ukrainian
):
    dresden_uk = translate(dresden, ukrainian, title="Дрезден")
    changed = cache_tags.keys_changed_by_page(dresden_uk)
    page_type = ContentType.objects.get_for_model(Page).pk
    assert {
        f"p{dresden_uk.pk}",
        f"p{dresden.pk}",
        partner_listing_key(),
        f"l{page_type}",  # type=wagtailcore.Page lists it too
        "l",
    } <= changed


LISTINGS = [
    "/api/v2/pages/?type=partners.PartnerPage&fields=*",
    "/api/v2/pages/?type=partners.PartnerPage&fields=*&locale=en",
    "/api/v2/pages/?type=partners.PartnerPage&locale=uk",
    "/api/v2/pages/?type=partners.PartnerPage&limit=5&order=title",
    "/api/v2/pages/?fields=title&search=Dresden",
]


def test_publishing_a_translation_refreshes_every_listing_whatever_its_parameters(
    client, dresden, ukrainian_copies, ukrainian
):
    before = {url: client.get(url).content for url in LISTINGS}
    detail_before = client.get(f"/api/v2/pages/{dresden.pk}/").json()
    translate(dresden, ukrainian, title="Дрезден")

    # Each listing shows the Ukrainian page or names it among the alternates.
    for url in LISTINGS[:4]:
        assert client.get(url).content != before[url], url
    assert [
        t["locale"]
        for t in client.get(f"/api/v2/pages/{dresden.pk}/").json()["meta"]["translations"]
    ] == ["uk"]
    assert detail_before["meta"]["translations"] == []


def test_publishing_the_source_refreshes_the_translations_up_to_date(
    client, dresden, ukrainian_copies, ukrainian
):
    dresden_uk = translate(dresden, ukrainian, title="Дрезден")
    listing = "/api/v2/pages/?type=partners.PartnerPage&locale=uk&fields=_,up_to_date"
    assert [item["meta"]["up_to_date"] for item in client.get(listing).json()["items"]] == [True]
    dresden.brief_description = "<p>Changed in English.</p>"
    publish(dresden)
    assert [item["meta"]["up_to_date"] for item in client.get(listing).json()["items"]] == [False]
    assert client.get(f"/api/v2/pages/{dresden_uk.pk}/").json()["meta"]["up_to_date"] is False


def test_unrelated_responses_stay_cached(
    client, dresden, partner_index, site_content, django_assert_num_queries
):
    other = publish(PartnerPageFactory(parent=partner_index, title="Aarhus University"))
    unrelated = [f"/api/v2/pages/{other.pk}/", "/api/v2/images/"]
    for url in unrelated:
        client.get(url)
    dresden.title = "Dresden"
    publish(dresden)
    for url in unrelated:
        with django_assert_num_queries(0):  # from the cache: no view ran
            assert client.get(url).status_code == 200
    assert client.get(f"/api/v2/pages/{dresden.pk}/").json()["title"] == "Dresden"


def test_an_image_moved_out_of_a_private_collection_shows_on_the_next_request(
    client, dresden, image
):
    private = Collection.get_first_root_node().add_child(name="Private")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    image.collection = private
    image.save()
    url = f"/api/v2/pages/{dresden.pk}/?fields=logo"
    assert client.get(url).json()["logo"] is None

    image.collection = Collection.get_first_root_node()
    image.save()
    assert client.get(url).json()["logo"] is not None


def test_a_navigation_page_published_in_a_language_shows_in_its_site_content(
    client, site_content, partner_index, ukrainian_copies
):
    _home_uk, index_uk = ukrainian_copies
    site_uk = site_content.copy_for_translation(
        site_content.locale.__class__.objects.get(language_code="uk")
    )
    site_uk.save()
    url = "/api/v2/site/?locale=uk"
    assert [item["id"] for item in client.get(url).json()["navigation"]] == [index_uk.pk]
    index_uk.unpublish()
    assert [item["id"] for item in client.get(url).json()["navigation"]] == [partner_index.pk]


def test_a_purge_makes_responses_built_before_it_stale_and_later_ones_fresh():
    # With Redis (CI, REDIS_URL), the clock goes through django-redis's incr, whose Lua script
    # rounds numbers above 2**53: each purge must still move the clock on.
    from cms.api.cache import is_fresh, purge_clock, purge_keys

    for _ in range(3):
        before = purge_clock()
        assert purge_keys({"p1"})
        assert not is_fresh({"p1", "all"}, before)
        assert is_fresh({"p1", "all"}, purge_clock())
        assert is_fresh({"p2"}, before)


def test_a_response_naming_no_object_goes_with_any_page_change(client, dresden):
    from django.test import RequestFactory

    from cms.api.cache import APIResponseCacheMiddleware

    def view_naming_nothing(request):
        from django.http import JsonResponse

        return JsonResponse({"pages": 1})

    response = APIResponseCacheMiddleware(view_naming_nothing)(
        RequestFactory().get("/api/v2/somewhere-new/")
    )
    assert set(response["xkey"].split()) == {"all", "l"}
    assert "l" in cache_tags.keys_changed_by_page(dresden)
