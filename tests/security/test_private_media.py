"""Media in a private collection never leaves the API, whichever page field refers to it.

A collection with a view restriction (Wagtail's collection privacy) holds media meant for
signed-in people only. An editor may still choose such an image as a partner's logo, a team
member's photo or the funding emblem; the API then shows the field as null, and the editor is
warned when saving. Documents in such a collection are served only through Wagtail's document
view, which asks for the login.
"""

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.db.models.fields.files import FieldFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data
from wagtail.users.models import UserProfile

from cms.api.openapi import openapi_document
from cms.api.preview import page_representation
from tests.partners.admin_forms import partner_form_data, team_member
from tests.publishing import publish

pytestmark = pytest.mark.django_db


@pytest.fixture
def private_collection(db):
    collection = Collection.get_first_root_node().add_child(name="Consortium only")
    CollectionViewRestriction.objects.create(collection=collection, restriction_type="login")
    return collection


@pytest.fixture
def private_image(private_collection):
    # Below the restricted collection: privacy covers the collections beneath it too.
    below = private_collection.add_child(name="Drafts of logos")
    return get_image_model().objects.create(
        title="Unreleased logo",
        file=get_test_image_file(filename="unreleased.png"),
        collection=below,
    )


@pytest.fixture
def private_media_everywhere(dresden, khmelnytskyi, site_content, private_image):
    """Dresden's logo and Max Weber's photo, and the funding emblem, all the private image;
    Khmelnytskyi (cooperating with Dresden) keeps its public logo."""
    dresden.logo = private_image
    member = dresden.team_members.get(name="Max Weber")
    member.photo = private_image
    member.save()
    publish(dresden)
    site_content.funding_image = private_image
    site_content.save()
    return dresden


def media_urls(body) -> set:
    """Every URL under /media/ anywhere in a JSON body."""
    found = set()

    def walk(value):
        if isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)
        elif isinstance(value, str) and "/media/" in value:
            found.add(value)

    walk(body)
    return found


def test_the_logo_and_photo_are_null_in_the_detail(client, private_media_everywhere):
    body = client.get(f"/api/v2/pages/{private_media_everywhere.pk}/").json()
    assert body["logo"] is None
    members = {member["name"]: member for member in body["team_members"]}
    assert members["Max Weber"]["photo"] is None
    assert not any("unreleased" in url for url in media_urls(body))
    # The cooperating partner's public logo is still there.
    assert body["cooperates_with"][0]["logo"]["url"]


def test_the_logo_and_photo_are_null_in_the_listing(client, private_media_everywhere):
    body = client.get("/api/v2/pages/?type=partners.PartnerPage&fields=*").json()
    by_title = {item["title"]: item for item in body["items"]}
    dresden = by_title[private_media_everywhere.title]
    assert dresden["logo"] is None
    assert [m["photo"] for m in dresden["team_members"]] == [None, None]
    khmelnytskyi = by_title["Khmelnytskyi National University"]
    assert khmelnytskyi["logo"] is not None
    assert khmelnytskyi["cooperates_with"][0]["logo"] is None  # Dresden's, as nested there
    assert not any("unreleased" in url for url in media_urls(body))


def test_a_cooperating_partner_outside_the_listing_has_no_private_logo(
    client, private_media_everywhere
):
    body = client.get("/api/v2/pages/?type=partners.PartnerPage&fields=*&offset=1").json()
    [khmelnytskyi] = body["items"]
    assert khmelnytskyi["cooperates_with"][0]["logo"] is None


def test_the_funding_emblem_is_null_in_the_site_content(client, private_media_everywhere):
    body = client.get("/api/v2/site/?locale=en").json()
    assert body["funding_notice"]["image"] is None
    assert body["funding_notice"]["text"] == "Funded by the European Union."


def test_the_preview_shows_no_private_image_either(admin_client, private_media_everywhere):
    request = admin_client.get("/admin/").wsgi_request
    body = page_representation(private_media_everywhere, request)
    assert body["logo"] is None
    assert [m["photo"] for m in body["team_members"]] == [None, None]


def test_a_public_image_moved_into_a_private_collection_disappears(
    client, dresden, private_collection
):
    assert client.get(f"/api/v2/pages/{dresden.pk}/").json()["logo"] is not None
    dresden.logo.collection = private_collection
    dresden.logo.save()
    assert client.get(f"/api/v2/pages/{dresden.pk}/").json()["logo"] is None


def test_the_openapi_document_says_why_an_image_can_be_null(client):
    schemas = openapi_document()["components"]["schemas"]
    for schema, field in (
        (schemas["PartnerPageDetail"], "logo"),
        (schemas["TeamMember"], "photo"),
        (schemas["SiteContent"]["properties"]["funding_notice"], "image"),
    ):
        image = schema["properties"][field]
        assert {"type": "null"} in image["anyOf"]
        assert "private collection" in image["description"]


# --- The editor's warning ----------------------------------------------------------------------


def edit_dresden(admin_client, dresden, **fields):
    fields = {"logo": str(dresden.logo_id), "logo_alt_text": dresden.logo_alt_text, **fields}
    data = partner_form_data(**fields)
    response = admin_client.post(f"/admin/pages/{dresden.pk}/edit/", data, follow=True)
    assert response.status_code == 200
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_editor_is_warned_when_a_chosen_logo_or_photo_is_private(
    admin_client, dresden, private_image
):
    messages = edit_dresden(
        admin_client,
        dresden,
        logo=str(private_image.pk),
        team=[team_member("Max Weber", photo=str(private_image.pk))],
    )
    warnings = [m for m in messages if "private collection" in m]
    assert warnings == [
        "The logo “Unreleased logo” is in the private collection “Consortium only”: the "
        "website will show no logo until it is moved to a public collection.",
        "The photo of Max Weber “Unreleased logo” is in the private collection “Consortium "
        "only”: the website will show no photo until it is moved to a public collection.",
    ]


def test_no_warning_for_public_images(admin_client, dresden):
    messages = edit_dresden(admin_client, dresden, team=[team_member("Max Weber")])
    assert messages
    assert not any("private collection" in m for m in messages)


def test_the_editor_is_warned_about_a_private_funding_emblem_in_ukrainian(
    admin_client, admin_user, site_content, private_image
):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "uk"
    profile.save()
    data = nested_form_data(
        {
            "locale": site_content.locale_id,
            "project_name": "U_CAN",
            "tagline": site_content.tagline,
            "coordinator_organisation": site_content.coordinator_organisation,
            "coordinator_unit": site_content.coordinator_unit,
            "coordinator_address": site_content.coordinator_address,
            "coordinator_email": site_content.coordinator_email,
            "newsletter_title": site_content.newsletter_title,
            "newsletter_text": site_content.newsletter_text,
            "newsletter_signup_url": "",
            "funding_image": private_image.pk,
            "funding_image_alt": site_content.funding_image_alt,
            "funding_text": site_content.funding_text,
            "social_links": inline_formset([]),
            "navigation_items": inline_formset([]),
        }
    )
    response = admin_client.post(
        f"/admin/snippets/home/sitecontent/edit/{site_content.pk}/", data, follow=True
    )
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("приватній колекції «Consortium only»" in m for m in messages), messages


# --- Documents ---------------------------------------------------------------------------------


def no_local_path(field_file):
    raise NotImplementedError("object storage has no local paths")


@pytest.fixture
def object_storage(monkeypatch):
    """Stored files with URLs but no local paths, as on S3 (django-storages)."""
    monkeypatch.setattr(FieldFile, "path", property(no_local_path))


@pytest.fixture
def private_document(object_storage, private_collection):
    return get_document_model().objects.create(
        title="Consortium agreement",
        file=ContentFile(b"%PDF-1.7 confidential", name="agreement.pdf"),
        collection=private_collection,
    )


def test_a_private_document_is_served_only_to_signed_in_people(
    client, admin_user, private_document
):
    url = private_document.url
    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert "/login/?next=/documents/" in anonymous["Location"]
    client.force_login(admin_user)
    # Through the view, never by a redirect to the file's own public address (Wagtail's
    # default for storage without local paths), which anyone could then pass on.
    served = client.get(url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == b"%PDF-1.7 confidential"
    assert served["X-Content-Type-Options"] == "nosniff"
