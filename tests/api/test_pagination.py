"""A listing's pages of results: every offset gives the next rows of one order, rows with equal
values included, and whole rows are read for the requested page only (cms/api/pagination.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.partners.factories import PartnerPageFactory
from tests.publishing import publish

pytestmark = pytest.mark.django_db

LISTING = "/api/v2/pages/?type=partners.PartnerPage&locale=en"
# Added in this order, so that the tree's order (by path) differs from the titles' order.
TITLES = ["Odesa", "Aarhus", "Lviv", "Dresden", "Kosice", "Bydgoszcz", "Turin"]


@pytest.fixture
def seven_partners(partner_index):
    return [
        publish(partner_index.add_child(instance=PartnerPageFactory.build(title=title)))
        for title in TITLES
    ]


def listing(client, query=""):
    response = client.get(f"{LISTING}{query}")
    assert response.status_code == 200, response.content
    return response.json()


def titles(body):
    return [item["title"] for item in body["items"]]


@pytest.mark.parametrize(
    ("order", "expected"),
    [("", TITLES), ("&order=title", sorted(TITLES)), ("&order=-title", sorted(TITLES)[::-1])],
)
def test_every_offset_gives_the_next_rows_of_one_order(client, seven_partners, order, expected):
    for offset in range(len(TITLES) + 1):
        body = listing(client, f"{order}&limit=3&offset={offset}")
        assert titles(body) == expected[offset : offset + 3], offset
        assert body["meta"]["total_count"] == len(TITLES)


def test_whole_rows_are_read_for_the_requested_page_alone(client, seven_partners):
    with CaptureQueriesContext(connection) as queries:
        body = listing(client, "&fields=*&limit=2&offset=3")
    assert titles(body) == TITLES[3:5]
    (rows,) = [q["sql"] for q in queries if "brief_description" in q["sql"]]
    # The sort, the offset and the limit run in the subquery choosing the ids.
    ids_start = rows.index("IN (SELECT")
    assert "LIMIT 2 OFFSET 3" in rows[ids_start:]
    assert "OFFSET" not in rows[:ids_start]


def test_a_limit_of_zero_still_counts(client, seven_partners):
    body = listing(client, "&limit=0&offset=2")
    assert body["items"] == []
    assert body["meta"]["total_count"] == len(TITLES)


def test_search_results_and_random_order_page_as_before(client, seven_partners):
    # Neither is a plain ordered queryset: Wagtail's own slicing serves them.
    assert titles(listing(client, "&search=Lviv")) == ["Lviv"]
    assert titles(listing(client, "&search=Lviv&offset=1")) == []
    shuffled = listing(client, "&order=random&limit=4")
    assert len(shuffled["items"]) == 4
    assert set(titles(shuffled)) <= set(TITLES)


def test_rows_with_equal_values_fall_on_one_page_each_in_id_order(client, partner_index):
    # Five partners in Kyiv and two in Lviv: order=city has ties across every page boundary.
    # SQLite happens to return ties in id order anyway; PostgreSQL (CI's step 2) does not.
    cities = ["Kyiv", "Lviv", "Kyiv", "Kyiv", "Lviv", "Kyiv", "Kyiv"]
    city_of = {
        publish(partner_index.add_child(instance=PartnerPageFactory.build(city=city))).pk: city
        for city in cities
    }
    by_city = sorted(city_of, key=lambda pk: (city_of[pk], pk))
    by_city_descending = sorted(city_of, key=lambda pk: (city_of[pk] == "Kyiv", pk))
    for order, expected in (("city", by_city), ("-city", by_city_descending)):
        for offset in range(len(cities)):
            body = listing(client, f"&order={order}&limit=2&offset={offset}")
            ids = [item["id"] for item in body["items"]]
            assert ids == expected[offset : offset + 2], (order, offset)
