"""The site-wide content snippet: editable, validated, one per language."""

import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.models import SiteContent
from tests.home.factories import SiteContentFactory

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


def add_url():
    return reverse("wagtailsnippets_home_sitecontent:add")


def test_administrator_creates_the_site_content(admin_client):
    response = admin_client.post(add_url(), site_content_form())
    assert response.status_code == 302
    assert SiteContent.objects.get().tagline == "Ukraine Towards Carbon Neutrality"


def test_funding_emblem_without_alt_text_is_rejected(admin_client):
    emblem = get_image_model().objects.create(title="EU", file=get_test_image_file())
    response = admin_client.post(add_url(), site_content_form(funding_image=str(emblem.pk)))
    assert response.status_code == 200
    assert "funding_image_alt" in response.context["form"].errors
    assert not SiteContent.objects.exists()


def test_second_site_content_for_the_same_language_is_rejected(admin_client):
    SiteContentFactory()
    response = admin_client.post(add_url(), site_content_form(project_name="Duplicate"))
    assert response.status_code == 200
    assert "already has its site content" in str(response.context["form"].errors)
    assert SiteContent.objects.count() == 1


def test_social_platform_and_url_are_validated(admin_client):
    response = admin_client.post(
        add_url(),
        site_content_form(social_links=inline_formset([{"platform": "orkut", "url": "x"}])),
    )
    assert response.status_code == 200
    errors = str(response.context["form"].formsets["social_links"].errors)
    assert "Select a valid choice" in errors
    assert "valid URL" in errors
