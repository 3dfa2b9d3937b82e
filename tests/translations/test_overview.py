"""The translation overview shows every item's state per language, filterable, with links."""

import pytest
from django.urls import reverse

from tests.home.factories import SiteContentFactory
from tests.partners.factories import PartnerPageFactory
from tests.publishing import localize

pytestmark = pytest.mark.django_db

URL = "/admin/translations/overview/"


@pytest.fixture
def states(bilingual_site, dresden, partner_index, ukrainian):
    """One item in each state: missing, draft, out of date and up to date."""
    up_to_date = dresden
    localize(up_to_date, ukrainian)

    out_of_date = PartnerPageFactory(parent=partner_index, title="Aarhus University")
    out_of_date.save_revision().publish()
    localize(out_of_date, ukrainian)
    out_of_date.title = "Aarhus University (AU)"
    out_of_date.save_revision().publish()

    draft = PartnerPageFactory(parent=partner_index, title="University of L'Aquila")
    draft.save_revision().publish()
    localize(draft, ukrainian, publish=False)

    missing = PartnerPageFactory(parent=partner_index, title="German Institute for Standardisation")
    missing.save_revision().publish()
    SiteContentFactory()
    return {
        "up_to_date": up_to_date,
        "out_of_date": out_of_date,
        "draft": draft,
        "missing": missing,
    }


def rows(html):
    import re

    return re.findall(r'<tr data-state="(\w+)">\s*<td>(?:<a href="[^"]*">)?([^<]+)<', html)


def test_overview_shows_each_state(admin_client, states):
    html = admin_client.get(URL).content.decode()
    by_title = {title.strip(): state for state, title in rows(html)}
    assert by_title[states["up_to_date"].title] == "up_to_date"
    assert by_title["Aarhus University (AU)"] == "out_of_date"
    assert by_title["University of L&#x27;Aquila"] == "draft"
    assert by_title["German Institute for Standardisation"] == "missing"
    assert by_title["U_CAN (English)"] == "missing"  # the site content has no translation yet


def test_overview_filters_by_state(admin_client, states):
    html = admin_client.get(URL, {"state": "out_of_date"}).content.decode()
    assert [title.strip() for _state, title in rows(html)] == ["Aarhus University (AU)"]
    assert "Sync with source" in html


def test_overview_links_to_translate_or_edit(admin_client, states, ukrainian):
    html = admin_client.get(URL, {"state": "missing", "kind": "partner page"}).content.decode()
    missing = states["missing"]
    assert reverse("wagtail_localize:submit_page_translation", args=(missing.pk,)) in html
    html = admin_client.get(URL, {"state": "draft"}).content.decode()
    draft_translation = states["draft"].get_translation(ukrainian)
    assert reverse("wagtailadmin_pages:edit", args=(draft_translation.pk,)) in html


def test_translators_see_the_overview(translator_client, states):
    response = translator_client.get(URL)
    assert response.status_code == 200
    assert "City of Dresden" in response.content.decode()
