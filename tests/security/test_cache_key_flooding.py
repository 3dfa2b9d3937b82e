"""Spellings of one query share one cache entry; different queries keep their own.

Counted in a Redis of the test's own (tests/security/conftest.py), as production stores them.
"""

import random

import pytest

from tests.partners.factories import PartnerPageFactory
from tests.publishing import publish

pytestmark = pytest.mark.django_db

PARAMETERS = [("type", "partners.PartnerPage"), ("fields", "*"), ("limit", "20"), ("offset", "0")]


def percent_encoded(text: str, chooser: random.Random) -> str:
    """``text`` with some of its characters written as %XX, in upper or lower case hex."""
    spelled = []
    for character in text:
        if chooser.random() < 0.5:
            code = f"{ord(character):02X}"
            spelled.append("%" + (code.lower() if chooser.random() < 0.5 else code))
        else:
            spelled.append(character)
    return "".join(spelled)


def spellings(count: int) -> list[str]:
    """``count`` different query strings that all mean the partner listing with all fields."""
    chooser = random.Random(7)
    found = set()
    while len(found) < count:
        pairs = [pair for pair in PARAMETERS[:2]]
        # The defaults, sometimes, and sometimes with leading zeros.
        if chooser.random() < 0.5:
            pairs.append(("limit", "0" * chooser.randint(0, 3) + "20"))
        if chooser.random() < 0.5:
            pairs.append(("offset", "0" * chooser.randint(1, 3)))
        chooser.shuffle(pairs)
        query = "&".join(
            f"{percent_encoded(name, chooser)}={percent_encoded(value, chooser)}"
            for name, value in pairs
        )
        found.add(query)
    return sorted(found)


@pytest.fixture
def two_partners(partner_index):
    """Dresden and Aarhus, live: enough for ``limit=1`` and ``offset=1`` to answer differently."""
    for title in ("City of Dresden", "Aarhus University"):
        publish(PartnerPageFactory(parent=partner_index, title=title))


def test_300_spellings_of_one_listing_make_one_entry(client, redis_cache_on, two_partners):
    bodies = set()
    for query in spellings(300):
        response = client.get(f"/api/v2/pages/?{query}")
        assert response.status_code == 200, query
        bodies.add(response.content)
    assert len(bodies) == 1
    assert len(redis_cache_on.keys("*api-response:*")) == 1


def test_different_queries_keep_different_entries(client, redis_cache_on, two_partners):
    queries = [
        "type=partners.PartnerPage",
        "type=partners.PartnerPage&fields=*",
        "type=partners.PartnerPage&limit=1",
        "type=partners.PartnerPage&offset=1",
        "type=partners.PartnerPage&order=title",
    ]
    bodies = {client.get(f"/api/v2/pages/?{query}").content for query in queries}
    assert len(bodies) == len(queries)
    assert len(redis_cache_on.keys("*api-response:*")) == len(queries)
