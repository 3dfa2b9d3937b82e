"""Friction an editor met in the partner editor, and what they now get instead."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Revision
from wagtail.test.utils import WagtailTestUtils
from wagtail.users.models import UserProfile

from partners.models import PartnerCooperation, PartnerPage
from tests.partners.admin_forms import partner_form_data, team_member
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


# 4. The inline panels' add buttons


def add_button_texts(client, page):
    response = client.get(edit_url(page))
    assert response.status_code == 200
    soup = WagtailTestUtils.get_soup(response.content)
    return {
        name: soup.select_one(f"#id_{name}-ADD").get_text(" ", strip=True)
        for name in ("team_members", "social_links", "cooperations")
    }


def test_add_buttons_read_naturally(admin_client, partner_index):
    texts = add_button_texts(admin_client, PartnerPageFactory(parent=partner_index))
    assert texts == {
        "team_members": "Add team member",
        "social_links": "Add social link",
        "cooperations": "Add cooperating partner",
    }


def test_add_buttons_read_naturally_in_ukrainian(admin_client, admin_user, partner_index):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "uk"
    profile.save()
    texts = add_button_texts(admin_client, PartnerPageFactory(parent=partner_index))
    assert texts == {
        "team_members": "Додати члена команди",
        "social_links": "Додати посилання на соцмережу",
        "cooperations": "Додати партнера зі співпраці",
    }


# 3. Addresses: https://, as the help text says


def add_partner(client, partner_index, **fields):
    url = reverse("wagtailadmin_pages:add", args=("partners", "partnerpage", partner_index.pk))
    return client.post(url, partner_form_data(**{"action-publish": "publish", **fields}))


@pytest.mark.parametrize(
    ("field", "fields"),
    [
        ("website", {"website": "http://www.dresden.de/"}),
        ("url", {"social_links": [{"platform": "linkedin", "url": "http://linkedin.com/x"}]}),
        ("profile_url", {"team": [team_member("Regine Kramer", profile_url="http://kramer.de")]}),
    ],
)
def test_an_insecure_address_is_refused_as_the_help_text_says(
    admin_client, partner_index, field, fields
):
    response = add_partner(admin_client, partner_index, **fields)
    assert "Enter an address starting with https://" in form_errors(response, field)
    assert not PartnerPage.objects.filter(slug="city-of-dresden").exists()


def test_an_address_without_a_scheme_is_taken_as_https(admin_client, partner_index):
    response = add_partner(admin_client, partner_index, website="www.dresden.de")
    assert response.status_code == 302
    assert PartnerPage.objects.get(slug="city-of-dresden").website == "https://www.dresden.de"


def test_the_insecure_address_error_is_in_ukrainian_for_a_ukrainian_admin(
    admin_client, admin_user, partner_index
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "uk"
    profile.save()
    response = add_partner(admin_client, partner_index, website="http://www.dresden.de/")
    assert form_errors(response, "website")
    # The message is rendered in the editor's language.
    assert "Введіть адресу, що починається з https://" in response.content.decode()


# 5. Autosave: edits of saved pages, never a page the editor did not save


def autosave(client, url, data):
    """What Wagtail's autosave script sends: the whole form, no button's action, JSON wanted."""
    return client.post(url, data, HTTP_ACCEPT="application/json")


def test_autosave_does_not_create_a_page_the_editor_never_saved(admin_client, partner_index):
    url = reverse("wagtailadmin_pages:add", args=("partners", "partnerpage", partner_index.pk))
    response = autosave(admin_client, url, partner_form_data())
    assert response.status_code == 400
    body = response.json()
    assert body["success"] is False
    assert "when you click “Save draft” or “Publish”" in body["error_message"]
    assert not PartnerPage.objects.exists()
    assert not Revision.objects.exists()

    # The editor's own click on “Save draft” creates the draft, as before.
    response = admin_client.post(url, partner_form_data())
    assert response.status_code == 302
    assert not PartnerPage.objects.get(slug="city-of-dresden").live


def test_autosave_keeps_the_edits_of_a_saved_page_as_a_draft(admin_client, partner_index):
    dresden = publish(PartnerPageFactory(parent=partner_index, slug="city-of-dresden"))
    response = autosave(admin_client, edit_url(dresden), partner_form_data(city="Dresden-Neustadt"))
    assert response.status_code == 200
    assert response.json()["success"] is True
    dresden.refresh_from_db()
    assert dresden.has_unpublished_changes
    assert dresden.city == "Dresden"  # the live page is untouched until published
    assert dresden.get_latest_revision_as_object().city == "Dresden-Neustadt"


# 2. The cooperating-partner chooser


@pytest.fixture
def ukrainian_partners(partner_index):
    """Partners in both languages: the common ancestor of all partner pages is the root."""
    ukrainian = Locale.objects.get(language_code="uk")
    home_uk = partner_index.get_parent().copy_for_translation(ukrainian)
    index_uk = partner_index.copy_for_translation(ukrainian)
    dresden = PartnerPageFactory(parent=partner_index, slug="city-of-dresden")
    khmelnytskyi = PartnerPageFactory(parent=partner_index, slug="khmelnytskyi")
    return (
        home_uk,
        index_uk,
        dresden.copy_for_translation(ukrainian),
        khmelnytskyi.copy_for_translation(ukrainian),
    )


def open_cooperating_partner_chooser(client, edit_view_url):
    """Open the chooser of a new cooperating-partner row as the admin's script does: the modal
    URL of the row template, with the page type and the edited page's language."""
    html = client.get(edit_view_url).content.decode()
    template = WagtailTestUtils.get_soup(html).select_one("#id_cooperations-EMPTY_FORM_TEMPLATE")
    chooser_url = WagtailTestUtils.get_soup(template.decode_contents()).select_one(
        "[data-chooser-url]"
    )["data-chooser-url"]
    response = client.get(
        chooser_url, {"page_type": "partners.partnerpage", "locale": "uk"}, follow=True
    )
    assert response.status_code == 200
    body = response.json()
    titles = [
        a.get_text(strip=True)
        for a in WagtailTestUtils.get_soup(body["html"]).select("a.choose-page")
    ]
    return body["parent_page_id"], titles


def test_the_chooser_opens_at_the_partner_index_without_the_page_itself(
    admin_client, ukrainian_partners
):
    _, index_uk, dresden_uk, khmelnytskyi_uk = ukrainian_partners
    parent_id, choosable = open_cooperating_partner_chooser(admin_client, edit_url(dresden_uk))
    assert parent_id == index_uk.pk
    assert khmelnytskyi_uk.title in choosable
    assert dresden_uk.title not in choosable


def test_the_chooser_of_a_new_partner_opens_at_its_partner_index(admin_client, ukrainian_partners):
    _, index_uk, _, khmelnytskyi_uk = ukrainian_partners
    add_url = reverse("wagtailadmin_pages:add", args=("partners", "partnerpage", index_uk.pk))
    parent_id, choosable = open_cooperating_partner_chooser(admin_client, add_url)
    assert parent_id == index_uk.pk
    assert khmelnytskyi_uk.title in choosable
