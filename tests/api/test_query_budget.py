"""The number of SQL queries does not grow with the number of partners or team members."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from partners.models import PartnerCooperation, PartnerSocialLink, TeamMember
from tests.partners.factories import PartnerPageFactory

pytestmark = pytest.mark.django_db

LISTING = "/api/v2/pages/?type=partners.PartnerPage&fields=*&limit=50"
# The whole listing: site, its roots and restrictions, the count, the pages with their logos
# joined, the logos' renditions, social links, team members, photos and their renditions,
# cooperations, alternates and how up to date they are. Every partner here cooperates with
# the first, which is in the listing itself and so is not fetched again.
LISTING_QUERIES = 15
# When the cooperating partner is not in the listing: its page (logo joined) and renditions.
LISTING_WITHOUT_THE_COOPERATING_PARTNER_QUERIES = LISTING_QUERIES + 2
DETAIL_QUERIES = 17


def add_partners(partner_index, image, count):
    first = None
    for number in range(count):
        partner = PartnerPageFactory.build(
            title=f"Partner {number}", slug=f"partner-{number}", logo=image, logo_alt_text="Logo"
        )
        for member in range(8):
            partner.team_members.add(TeamMember(name=f"Member {member}", photo=image))
        partner.social_links.add(PartnerSocialLink(platform="linkedin", url="https://x.example"))
        if first is not None:
            partner.cooperations.add(PartnerCooperation(cooperating_partner=first))
        partner_index.add_child(instance=partner)
        partner.save_revision().publish()
        first = first or partner
    return first


def count_queries(client, url):
    client.get(url)  # warm Wagtail's site and content-type caches, and make renditions
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.json()


@pytest.mark.parametrize("partners", [5, 50])
def test_listing_costs_the_same_for_5_and_50_partners(client, partner_index, image, partners):
    add_partners(partner_index, image, partners)
    queries, body = count_queries(client, LISTING)
    assert body["meta"]["total_count"] == partners
    assert all(len(item["team_members"]) == 8 for item in body["items"])
    assert queries == LISTING_QUERIES


@pytest.mark.parametrize("partners", [5, 50])
def test_cooperating_partners_outside_the_listing_cost_the_same_for_5_and_50(
    client, partner_index, image, partners
):
    first = add_partners(partner_index, image, partners)
    queries, body = count_queries(client, LISTING + "&offset=1")
    assert len(body["items"]) == partners - 1
    assert all(item["cooperates_with"][0]["id"] == first.pk for item in body["items"])
    assert all(item["cooperates_with"][0]["logo"]["url"] for item in body["items"])
    assert queries == LISTING_WITHOUT_THE_COOPERATING_PARTNER_QUERIES


def test_detail_costs_a_small_fixed_number(client, partner_index, image):
    first = add_partners(partner_index, image, 3)
    queries, body = count_queries(client, f"/api/v2/pages/{first.pk}/")
    assert len(body["team_members"]) == 8
    assert queries == DETAIL_QUERIES
