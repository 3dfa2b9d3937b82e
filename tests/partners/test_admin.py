"""What an editor sees in the admin: tabs, help text, the partner listing, search, preview."""

import json

import pytest
from django.db import models
from django.urls import reverse
from wagtail.models import Page
from wagtail.users.models import UserProfile

from home.models import HomePage, NavigationItem, SiteContent
from partners.models import PartnerIndexPage, PartnerPage, TeamMember
from tests.partners.admin_forms import partner_form_data
from tests.partners.factories import PartnerPageFactory

pytestmark = pytest.mark.django_db

PAGE_FIELDS = {field.name for field in Page._meta.get_fields()}


def own_editable_fields(model):
    for field in model._meta.get_fields():
        if not isinstance(field, models.Field) or not field.editable or field.auto_created:
            continue
        if field.name in PAGE_FIELDS or field.name in {"sort_order", "translation_key"}:
            continue
        if getattr(field, "remote_field", None) and field.name in {"partner", "site_content"}:
            continue  # the parental key to the page or snippet, never shown
        yield field


@pytest.mark.parametrize(
    "model", [HomePage, PartnerIndexPage, PartnerPage, TeamMember, SiteContent, NavigationItem]
)
def test_every_field_an_editor_fills_in_has_help_text(model):
    missing = [field.name for field in own_editable_fields(model) if not field.help_text]
    assert missing == []


def test_partner_editor_has_content_team_links_and_settings_tabs(admin_client, partner_index):
    partner = PartnerPageFactory(parent=partner_index)
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=(partner.pk,)))
    html = response.content.decode()
    for tab in ("content", "team", "links", "settings"):
        assert f'href="#tab-{tab}"' in html, tab
    assert "team_members-TOTAL_FORMS" in html
    assert "cooperations-TOTAL_FORMS" in html


def test_partner_listing_shows_country_and_role_and_filters(admin_client, partner_index):
    PartnerPageFactory(parent=partner_index, title="Aarhus University", country="DK")
    PartnerPageFactory(
        parent=partner_index,
        title="Technische Universität Dresden",
        country="DE",
        consortium_role="coordinator",
    )
    url = reverse("partner_pages:index")
    html = admin_client.get(url).content.decode()
    assert "Country" in html and "Role" in html
    assert "Denmark" in html and "Coordinator" in html

    filtered = admin_client.get(url, {"country": "DK"}).content.decode()
    assert "Aarhus University" in filtered
    assert "Technische Universität Dresden" not in filtered

    by_role = admin_client.get(url, {"consortium_role": "coordinator"}).content.decode()
    assert "Technische Universität Dresden" in by_role
    assert "Aarhus University" not in by_role


def test_admin_search_finds_a_partner_by_title(admin_client, partner_index):
    PartnerPageFactory(parent=partner_index, title="Khmelnytskyi National University")
    response = admin_client.get(reverse("wagtailadmin_pages:search"), {"q": "Khmelnytskyi"})
    assert "Khmelnytskyi National University" in response.content.decode()


def test_preview_shows_the_json_the_frontend_will_receive(admin_client, partner_index):
    partner = PartnerPageFactory(parent=partner_index, slug="city-of-dresden")
    partner.save_revision().publish()
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(partner.pk,))
    data = partner_form_data(title="Unsaved title")
    assert json.loads(admin_client.post(preview_url, data).content)["is_valid"]

    response = admin_client.get(preview_url, {"mode": "json"})
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body["title"] == "Unsaved title"
    assert body["meta"]["type"] == "partners.PartnerPage"
    assert body["country"] == {"code": "DE", "name": "Germany"}
    # Nothing was saved: the API still serves the published title.
    live = admin_client.get(f"/api/v2/pages/{partner.pk}/").json()
    assert live["title"] != "Unsaved title"


def test_an_editor_can_switch_the_admin_to_ukrainian(admin_client, superuser):
    profile = UserProfile.get_for_user(superuser)
    profile.preferred_language = "uk"
    profile.save()
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'lang="uk"' in html
    assert "Пошук" in html  # "Search" in the Ukrainian admin
