"""Bad input in the partner form is a form error an editor sees, and nothing is saved."""

import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from partners.models import PartnerPage
from tests.partners.admin_forms import partner_form_data, team_member
from tests.partners.factories import PartnerPageFactory

pytestmark = pytest.mark.django_db


def post_new_partner(client, partner_index, **overrides):
    url = reverse("wagtailadmin_pages:add", args=("partners", "partnerpage", partner_index.pk))
    return client.post(url, partner_form_data(**{"action-publish": "publish", **overrides}))


def assert_rejected(response, field, message_fragment):
    assert response.status_code == 200, "the form must be shown again, not saved"
    form = response.context["form"]
    errors = form.errors.get(field) or []
    for formset in form.formsets.values():
        for subform_errors in formset.errors:
            errors += subform_errors.get(field, [])
    assert any(message_fragment in str(error) for error in errors), form.errors
    assert not PartnerPage.objects.filter(slug="city-of-dresden").exists()


def test_logo_without_alt_text_is_rejected(admin_client, partner_index):
    logo = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    response = post_new_partner(admin_client, partner_index, logo=str(logo.pk))
    assert_rejected(response, "logo_alt_text", "Describe the logo")


def test_logo_with_alt_text_is_accepted(admin_client, partner_index):
    logo = get_image_model().objects.create(title="Logo", file=get_test_image_file())
    response = post_new_partner(
        admin_client, partner_index, logo=str(logo.pk), logo_alt_text="City of Dresden logo"
    )
    assert response.status_code == 302
    assert PartnerPage.objects.get(slug="city-of-dresden").logo == logo


@pytest.mark.parametrize("website", ["not a url", "https://", "javascript:alert(1)"])
def test_website_must_be_a_valid_url(admin_client, partner_index, website):
    response = post_new_partner(admin_client, partner_index, website=website)
    assert_rejected(response, "website", "valid URL")


def test_social_link_url_must_be_valid(admin_client, partner_index):
    response = post_new_partner(
        admin_client, partner_index, social_links=[{"platform": "facebook", "url": "facebook"}]
    )
    assert_rejected(response, "url", "valid URL")


def test_social_platform_must_come_from_the_list(admin_client, partner_index):
    response = post_new_partner(
        admin_client,
        partner_index,
        social_links=[{"platform": "myspace", "url": "https://myspace.com/dresden"}],
    )
    assert_rejected(response, "platform", "Select a valid choice")


@pytest.mark.parametrize("country", ["XX", "Germany", "deu", ""])
def test_country_must_be_an_iso_code(admin_client, partner_index, country):
    response = post_new_partner(admin_client, partner_index, country=country)
    assert response.status_code == 200
    assert "country" in response.context["form"].errors


def test_public_email_needs_an_address(admin_client, partner_index):
    response = post_new_partner(
        admin_client,
        partner_index,
        team=[team_member("Regine Kramer", email_is_public="on")],
    )
    assert_rejected(response, "email", "Enter the email address to show")


def test_team_member_email_must_be_valid(admin_client, partner_index):
    response = post_new_partner(
        admin_client, partner_index, team=[team_member("Regine Kramer", email="regine")]
    )
    assert_rejected(response, "email", "valid email")


def test_a_partner_cannot_cooperate_with_itself(admin_client, partner_index):
    partner = PartnerPageFactory(parent=partner_index, slug="city-of-dresden")
    url = reverse("wagtailadmin_pages:edit", args=(partner.pk,))
    response = admin_client.post(
        url, partner_form_data(cooperations=[{"cooperating_partner": str(partner.pk)}])
    )
    assert response.status_code == 200
    errors = response.context["form"].formsets["cooperations"].errors
    assert "cannot cooperate with itself" in str(errors)
    assert not PartnerPage.objects.get(pk=partner.pk).cooperations.exists()
