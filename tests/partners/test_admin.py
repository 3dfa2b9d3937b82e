"""What an editor sees in the admin: tabs, help text, the partner listing, search, preview."""

import json

import pytest
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils
from wagtail.users.models import UserProfile

from partners.models import (
    PartnerCooperation,
    PartnerIndexPage,
    PartnerPage,
    PartnerSocialLink,
    TeamMember,
)
from tests.partners.admin_forms import fields_an_editor_fills_in, partner_form_data, team_member
from tests.partners.factories import PartnerPageFactory

pytestmark = pytest.mark.django_db


def tab_labels(html):
    """The labels of the edit view's tabs, in order."""
    soup = WagtailTestUtils.get_soup(html)
    return [
        next(s.strip() for s in tab.strings if s.strip()) for tab in soup.select('[role="tab"]')
    ]


def edit_view(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,)))
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    "model", [PartnerPage, TeamMember, PartnerIndexPage, PartnerSocialLink, PartnerCooperation]
)
def test_every_field_an_editor_fills_in_has_help_text(model):
    fields = list(fields_an_editor_fills_in(model))
    assert fields, "the introspection must find the model's fields"
    assert [field.name for field in fields if not str(field.help_text).strip()] == []


def test_partner_editor_has_content_team_links_and_settings_tabs(admin_client, partner_index):
    html = edit_view(admin_client, PartnerPageFactory(parent=partner_index))
    assert tab_labels(html) == ["Content", "Team", "Links", "Settings"]
    # Each tab holds its part of the form.
    soup = WagtailTestUtils.get_soup(html)
    assert soup.select_one('#tab-team [name="team_members-TOTAL_FORMS"]')
    assert soup.select_one('#tab-links [name="website"]')
    assert soup.select_one('#tab-links [name="cooperations-TOTAL_FORMS"]')
    assert soup.select_one('#tab-settings [name="slug"]')
    assert soup.select_one('#tab-content [name="country"]')


def test_the_help_text_is_shown_next_to_the_field(admin_client, partner_index):
    html = edit_view(admin_client, PartnerPageFactory(parent=partner_index))
    assert "Required when a logo is chosen." in html
    assert "Kept private unless" in html  # a team member's email, in the empty-form template


def test_partner_listing_shows_country_and_role_and_filters(admin_client, partner_index):
    PartnerPageFactory(parent=partner_index, title="Aarhus University", country="DK")
    PartnerPageFactory(
        parent=partner_index,
        title="Technische Universität Dresden",
        country="DE",
        consortium_role="coordinator",
    )
    url = reverse("partner_pages:index")
    response = admin_client.get(url)
    assert response.status_code == 200
    soup = WagtailTestUtils.get_soup(response.content)
    headings = [th.get_text(" ", strip=True) for th in soup.select("table thead th")]
    assert "Country" in headings and "Role" in headings
    rows = [tr.get_text(" ", strip=True) for tr in soup.select("table tbody tr")]
    assert any("Aarhus University" in row and "Denmark" in row for row in rows)
    assert any("Dresden" in row and "Germany" in row and "Coordinator" in row for row in rows)

    by_country = admin_client.get(url, {"country": "DK"}).content.decode()
    assert "Aarhus University" in by_country
    assert "Technische Universität Dresden" not in by_country

    by_role = admin_client.get(url, {"consortium_role": "coordinator"}).content.decode()
    assert "Technische Universität Dresden" in by_role
    assert "Aarhus University" not in by_role


def test_admin_search_finds_a_partner_by_title(admin_client, partner_index):
    PartnerPageFactory(parent=partner_index, title="Khmelnytskyi National University")
    PartnerPageFactory(parent=partner_index, title="Aarhus University")
    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "Khmelnytskyi"})
    html = response.content.decode()
    assert "Khmelnytskyi National University" in html
    assert "Aarhus University" not in html


def test_admin_search_finds_a_partner_by_its_acronym(admin_client, partner_index):
    PartnerPageFactory(
        parent=partner_index, title="Khmelnytskyi National University", short_name="KhNU"
    )
    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "KhNU"})
    assert "Khmelnytskyi National University" in response.content.decode()


def test_preview_shows_the_json_the_frontend_will_receive(admin_client, partner_index):
    partner = PartnerPageFactory(parent=partner_index, slug="city-of-dresden")
    partner.save_revision().publish()
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(partner.pk,))
    data = partner_form_data(title="Unsaved title", team=[team_member("Regine Kramer")])
    assert json.loads(admin_client.post(preview_url, data).content)["is_valid"]

    response = admin_client.get(preview_url, {"mode": "json"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = json.loads(response.content)
    assert body["title"] == "Unsaved title"
    assert body["meta"]["type"] == "partners.PartnerPage"
    assert body["country"] == {"code": "DE", "name": "Germany"}
    assert [member["name"] for member in body["team_members"]] == ["Regine Kramer"]
    # Nothing was saved: the API still serves the published title.
    live = admin_client.get(f"/api/v2/pages/{partner.pk}/").json()
    assert live["title"] == partner.title


def test_preview_of_a_page_not_saved_yet(admin_client, partner_index):
    admin_client.raise_request_exception = False
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add", args=("partners", "partnerpage", partner_index.pk)
    )
    data = partner_form_data(title="A new partner", team=[team_member("Regine Kramer")])
    assert json.loads(admin_client.post(preview_url, data).content)["is_valid"]

    response = admin_client.get(preview_url, {"mode": "json"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    body = json.loads(response.content)
    assert body["title"] == "A new partner"
    assert [member["name"] for member in body["team_members"]] == ["Regine Kramer"]


@pytest.fixture
def ukrainian_admin_client(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "uk"
    profile.save()
    return admin_client


def test_an_editor_can_switch_the_admin_to_ukrainian(ukrainian_admin_client):
    html = ukrainian_admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'lang="uk"' in html
    assert "Пошук" in html  # "Search"


def test_the_partner_editor_speaks_ukrainian(ukrainian_admin_client, partner_index):
    html = edit_view(ukrainian_admin_client, PartnerPageFactory(parent=partner_index))
    labels = tab_labels(html)
    assert len(labels) == 4
    assert not {"Content", "Team", "Links", "Settings"} & set(labels), labels
