"""Friction an editor met in the partner editor, and what they now get instead."""

import pytest
from django.urls import reverse

from partners.models import PartnerCooperation
from tests.partners.admin_forms import partner_form_data
from tests.partners.factories import PartnerPageFactory
from tests.partners.test_validation import form_errors

pytestmark = pytest.mark.django_db


def publish(page):
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


# 1. The same cooperating partner twice


def test_the_same_cooperating_partner_twice_is_refused_at_the_second_row(
    admin_client, partner_index
):
    dresden = PartnerPageFactory(parent=partner_index, slug="city-of-dresden")
    khmelnytskyi = PartnerPageFactory(parent=partner_index, title="Khmelnytskyi University")
    aarhus = PartnerPageFactory(parent=partner_index, title="Aarhus University")
    rows = [khmelnytskyi, aarhus, khmelnytskyi]
    response = admin_client.post(
        edit_url(dresden),
        partner_form_data(
            title="Dresden, renamed",
            cooperations=[{"cooperating_partner": str(page.pk)} for page in rows],
            **{"action-publish": "publish"},
        ),
    )
    assert "already in the list" in form_errors(response, "cooperating_partner")
    row_errors = response.context["form"].formsets["cooperations"].errors
    assert [bool(errors) for errors in row_errors] == [False, False, True]
    # The form comes back as the editor filled it in; nothing was saved.
    assert response.context["form"]["title"].value() == "Dresden, renamed"
    assert not dresden.cooperations.exists()
    assert not dresden.revisions.exists()


def test_the_api_lists_a_cooperating_partner_once_even_when_stored_twice(client, partner_index):
    khmelnytskyi = publish(PartnerPageFactory(parent=partner_index, title="Khmelnytskyi"))
    dresden = PartnerPageFactory(parent=partner_index, slug="city-of-dresden")
    for _ in range(2):  # as saved before the form refused duplicates
        dresden.cooperations.add(PartnerCooperation(cooperating_partner=khmelnytskyi))
    dresden = publish(dresden)

    detail = client.get(f"/api/v2/pages/{dresden.pk}/").json()
    assert [p["id"] for p in detail["cooperates_with"]] == [khmelnytskyi.pk]
    listing = client.get("/api/v2/pages/?type=partners.PartnerPage&fields=cooperates_with").json()
    (item,) = [item for item in listing["items"] if item["id"] == dresden.pk]
    assert [p["id"] for p in item["cooperates_with"]] == [khmelnytskyi.pk]
