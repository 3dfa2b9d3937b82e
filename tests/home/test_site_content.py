"""The site-wide content snippet: explained, validated in the admin, one per language."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.models import HomePage, NavigationItem, SiteContent, SiteSocialLink
from tests.home.factories import SiteContentFactory
from tests.partners.admin_forms import fields_an_editor_fills_in

pytestmark = pytest.mark.django_db


def site_content_form(**fields):
    return nested_form_data(
        {
            "project_name": "U_CAN",
            "tagline": "Ukraine Towards Carbon Neutrality",
            "coordinator_organisation": "Technische Universität Dresden",
            "coordinator_unit": "",
            "coordinator_address": "",
            "coordinator_email": "",
            "newsletter_title": "",
            "newsletter_text": "",
            "newsletter_signup_url": "",
            "funding_image": "",
            "funding_image_alt": "",
            "funding_text": "",
            "navigation_items": inline_formset([]),
            "social_links": inline_formset([]),
            **fields,
        }
    )


def add_url(locale="en"):
    return reverse("wagtailsnippets_home_sitecontent:add") + f"?locale={locale}"


def edit_url(content):
    return reverse("wagtailsnippets_home_sitecontent:edit", args=(content.pk,))


def form_errors(response):
    assert response.status_code == 200, "the form must be shown again, not saved"
    form = response.context["form"]
    return str(form.errors) + "".join(str(f.errors) for f in form.formsets.values())


@pytest.mark.parametrize("model", [SiteContent, HomePage, NavigationItem, SiteSocialLink])
def test_every_field_an_editor_fills_in_has_help_text(model):
    fields = list(fields_an_editor_fills_in(model))
    assert fields, "the introspection must find the model's fields"
    assert [field.name for field in fields if not str(field.help_text).strip()] == []


def test_administrator_creates_the_site_content(admin_client):
    response = admin_client.post(add_url(), site_content_form())
    assert response.status_code == 302
    content = SiteContent.objects.get()
    assert content.tagline == "Ukraine Towards Carbon Neutrality"
    assert content.locale == Locale.get_default()


@pytest.mark.parametrize("alt_text", ["", "  "])
def test_funding_emblem_without_alt_text_is_rejected(admin_client, image, alt_text):
    response = admin_client.post(
        add_url(), site_content_form(funding_image=str(image.pk), funding_image_alt=alt_text)
    )
    assert response.status_code == 200
    assert "Describe the emblem" in str(response.context["form"].errors.get("funding_image_alt"))
    assert not SiteContent.objects.exists()


def test_funding_emblem_with_alt_text_is_accepted(admin_client, image):
    response = admin_client.post(
        add_url(),
        site_content_form(funding_image=str(image.pk), funding_image_alt="Funded by the EU"),
    )
    assert response.status_code == 302
    assert SiteContent.objects.get().funding_image == image


def test_second_site_content_for_the_same_language_is_rejected(admin_client):
    SiteContentFactory()
    response = admin_client.post(add_url(), site_content_form(project_name="Duplicate"))
    assert "already has its site content" in form_errors(response)
    assert SiteContent.objects.count() == 1


def test_site_content_for_another_language_is_accepted(admin_client):
    SiteContentFactory()
    response = admin_client.post(add_url("uk"), site_content_form(project_name="U_CAN (uk)"))
    assert response.status_code == 302
    assert SiteContent.objects.get(locale__language_code="uk").project_name == "U_CAN (uk)"


def test_editing_the_site_content_is_no_duplicate_of_itself(admin_client):
    content = SiteContentFactory()
    response = admin_client.post(edit_url(content), site_content_form(tagline="New tagline"))
    assert response.status_code == 302
    content.refresh_from_db()
    assert content.tagline == "New tagline"


def test_social_platform_and_url_are_validated(admin_client):
    response = admin_client.post(
        add_url(),
        site_content_form(social_links=inline_formset([{"platform": "orkut", "url": "x"}])),
    )
    errors = form_errors(response)
    assert "Select a valid choice" in errors
    assert "valid URL" in errors
    assert not SiteContent.objects.exists()
