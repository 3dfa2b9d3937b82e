"""Bad input in the partner form is a form error the editor sees, and nothing is saved."""

import pytest
from django.urls import reverse
from wagtail.models import Revision

from partners.models import PartnerPage
from tests.partners.admin_forms import partner_form_data, team_member
from tests.partners.factories import PartnerPageFactory

pytestmark = pytest.mark.django_db


def add_partner(client, partner_index, **fields):
    url = reverse("wagtailadmin_pages:add", args=("partners", "partnerpage", partner_index.pk))
    return client.post(url, partner_form_data(**{"action-publish": "publish", **fields}))


def form_errors(response, field):
    """The errors shown next to ``field``, in the page form or in any of its inline rows."""
    assert response.status_code == 200, "the form must be shown again, not saved"
    form = response.context["form"]
    errors = list(form.errors.get(field, []))
    for formset in form.formsets.values():
        for row_errors in formset.errors:
            errors += row_errors.get(field, [])
    return " ".join(str(error) for error in errors)


def assert_nothing_saved():
    assert not PartnerPage.objects.filter(slug="city-of-dresden").exists()
    assert not Revision.objects.exists()


def test_the_valid_form_is_saved(admin_client, partner_index):
    """The baseline for every test below: the same form without the mistake is accepted."""
    response = add_partner(admin_client, partner_index)
    assert response.status_code == 302
    assert PartnerPage.objects.get(slug="city-of-dresden").live


@pytest.mark.parametrize("alt_text", ["", "   "])
def test_logo_without_alt_text_is_rejected(admin_client, partner_index, image, alt_text):
    response = add_partner(admin_client, partner_index, logo=str(image.pk), logo_alt_text=alt_text)
    assert "Describe the logo" in form_errors(response, "logo_alt_text")
    assert_nothing_saved()


def test_logo_with_alt_text_is_accepted(admin_client, partner_index, image):
    response = add_partner(
        admin_client, partner_index, logo=str(image.pk), logo_alt_text="City of Dresden logo"
    )
    assert response.status_code == 302
    assert PartnerPage.objects.get(slug="city-of-dresden").logo == image


@pytest.mark.parametrize("website", ["not a url", "https://", "javascript:alert(1)"])
def test_website_must_be_a_valid_url(admin_client, partner_index, website):
    response = add_partner(admin_client, partner_index, website=website)
    assert "valid URL" in form_errors(response, "website")
    assert_nothing_saved()


def test_social_link_url_must_be_valid(admin_client, partner_index):
    response = add_partner(
        admin_client, partner_index, social_links=[{"platform": "facebook", "url": "facebook"}]
    )
    assert "valid URL" in form_errors(response, "url")
    assert_nothing_saved()


def test_social_platform_must_come_from_the_list(admin_client, partner_index):
    response = add_partner(
        admin_client,
        partner_index,
        social_links=[{"platform": "myspace", "url": "https://myspace.com/dresden"}],
    )
    assert "Select a valid choice" in form_errors(response, "platform")
    assert_nothing_saved()


@pytest.mark.parametrize("country", ["XX", "Germany", "deu", ""])
def test_country_must_be_an_iso_code(admin_client, partner_index, country):
    response = add_partner(admin_client, partner_index, country=country)
    assert form_errors(response, "country")
    assert_nothing_saved()


def test_public_email_needs_an_address(admin_client, partner_index):
    response = add_partner(
        admin_client, partner_index, team=[team_member("Regine Kramer", email_is_public="on")]
    )
    assert "Enter the email address to show" in form_errors(response, "email")
    assert_nothing_saved()


def test_team_member_email_must_be_valid(admin_client, partner_index):
    response = add_partner(
        admin_client, partner_index, team=[team_member("Regine Kramer", email="regine")]
    )
    assert "valid email" in form_errors(response, "email")
    assert_nothing_saved()


def test_a_partner_cannot_cooperate_with_itself(admin_client, partner_index):
    partner = PartnerPageFactory(parent=partner_index, slug="city-of-dresden")
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=(partner.pk,)),
        partner_form_data(cooperations=[{"cooperating_partner": str(partner.pk)}]),
    )
    assert "cannot cooperate with itself" in form_errors(response, "cooperating_partner")
    assert not partner.cooperations.exists()
    assert not partner.revisions.exists()


def test_cooperating_with_another_partner_is_accepted(admin_client, partner_index):
    partner = PartnerPageFactory(parent=partner_index, slug="city-of-dresden")
    other = PartnerPageFactory(parent=partner_index, title="Khmelnytskyi National University")
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=(partner.pk,)),
        partner_form_data(
            cooperations=[{"cooperating_partner": str(other.pk)}], **{"action-publish": "publish"}
        ),
    )
    assert response.status_code == 302
    assert [c.cooperating_partner for c in partner.cooperations.all()] == [other]


def test_an_invalid_edit_leaves_the_page_as_it_was(admin_client, partner_index):
    partner = PartnerPageFactory(parent=partner_index, slug="city-of-dresden", title="Dresden")
    partner.save_revision().publish()
    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=(partner.pk,)),
        partner_form_data(title="Renamed", website="www dresden de", **{"action-publish": "1"}),
    )
    assert "valid URL" in form_errors(response, "website")
    partner.refresh_from_db()
    assert partner.title == "Dresden"
    assert partner.revisions.count() == 1
