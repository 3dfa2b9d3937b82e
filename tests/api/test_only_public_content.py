"""Only live, public content leaves the API, whoever asks. A canary string must never show."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from partners.models import PartnerCooperation
from tests.partners.factories import PartnerPageFactory
from tests.publishing import publish, translate

pytestmark = pytest.mark.django_db

CANARY = "CANARY-7f3a"


@pytest.fixture
def hidden_content(partner_index, dresden, site_content, ukrainian, ukrainian_copies, admin_user):
    """The canary in every kind of content that must stay hidden; returns their page ids."""
    hidden = {}

    # An unpublished page, linked from a live one.
    unpublished = PartnerPageFactory(parent=partner_index, title=f"{CANARY} unpublished")
    unpublished.unpublish()
    hidden["unpublished"] = unpublished.pk
    dresden.cooperations.add(PartnerCooperation(cooperating_partner=unpublished))

    # Pages under each kind of view restriction, and the child of a restricted page.
    for kind, extra in (
        ("login", {}),
        ("password", {"password": "secret"}),
        ("groups", {}),
    ):
        page = publish(PartnerPageFactory(parent=partner_index, title=f"{CANARY} {kind}"))
        restriction = PageViewRestriction.objects.create(page=page, restriction_type=kind, **extra)
        if kind == "groups":
            restriction.groups.add(Group.objects.get(name="Editors"))
        hidden[kind] = page.pk
        dresden.cooperations.add(PartnerCooperation(cooperating_partner=page))
    PageViewRestriction.objects.create(page=ukrainian_copies[1], restriction_type="login")
    child = translate(dresden, ukrainian, title=f"{CANARY} child of restricted")
    hidden["child of restricted"] = child.pk
    publish(dresden)

    # A draft change of a live page (on a fresh copy: revisions share the loaded object).
    draft = type(dresden).objects.get(pk=dresden.pk)
    draft.brief_description = f"<p>{CANARY} draft</p>"
    draft.save_revision()

    # Media in a private collection.
    private = Collection.get_first_root_node().add_child(name=f"{CANARY} private")
    CollectionViewRestriction.objects.create(collection=private, restriction_type="login")
    get_image_model().objects.create(
        title=f"{CANARY} image", file=get_test_image_file(), collection=private
    )
    get_document_model().objects.create(
        title=f"{CANARY} document",
        file=ContentFile(b"secret", name="secret.txt"),
        collection=private,
    )
    return hidden


def bodies(client, hidden):
    urls = [
        "/api/v2/pages/",
        "/api/v2/pages/?fields=*",
        "/api/v2/pages/?type=partners.PartnerPage&fields=*",
        "/api/v2/pages/?type=partners.PartnerPage&fields=*&locale=uk",
        f"/api/v2/pages/?search={CANARY}",
        "/api/v2/pages/?search=unpublished",
        "/api/v2/site/?locale=en",
        "/api/v2/images/?fields=*",
        "/api/v2/documents/?fields=*",
        *(f"/api/v2/pages/{page_id}/" for page_id in hidden.values()),
        "/api/v2/pages/find/?html_path=/uk/partners/city-of-dresden/",
    ]
    for page in client.get("/api/v2/pages/?limit=100").json()["items"]:
        urls.append(f"/api/v2/pages/{page['id']}/")
    for url in urls:
        response = client.get(url, follow=True)
        yield url, response.status_code, response.content.decode()


def test_no_endpoint_shows_hidden_content(client, hidden_content):
    for url, status, body in bodies(client, hidden_content):
        assert CANARY not in body, url
        assert status in (200, 404), (url, status)


def test_hidden_pages_are_404(client, hidden_content):
    for reason, page_id in hidden_content.items():
        assert client.get(f"/api/v2/pages/{page_id}/").status_code == 404, reason


def test_signed_in_users_see_the_same_public_content(client, admin_user, hidden_content):
    client.force_login(admin_user)
    for url, _status, body in bodies(client, hidden_content):
        assert CANARY not in body, url


def test_cooperation_with_hidden_pages_is_left_out(client, dresden, hidden_content):
    cooperations = client.get(f"/api/v2/pages/{dresden.pk}/").json()["cooperates_with"]
    assert cooperations == []
