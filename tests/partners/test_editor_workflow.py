"""An editor writes, publishes, reorders, drafts and schedules partner pages in the admin."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, PageLogEntry

from partners.models import PartnerPage
from tests.partners.admin_forms import partner_form_data, team_member
from tests.partners.factories import PartnerPageFactory

pytestmark = pytest.mark.django_db

PUBLISH = {"action-publish": "publish"}


@pytest.fixture
def editors():
    """Wagtail's "Editors" group: its migrations let it add and change pages, not publish."""
    return Group.objects.get(name="Editors")


@pytest.fixture
def editor_client(client, editor, partner_index):
    """An editor who may write partner pages but needs a moderator's approval to publish."""
    client.force_login(editor)
    return client


@pytest.fixture
def publisher_client(editor_client, editors, home_page):
    """An editor whose group may also publish the site's pages."""
    GroupPagePermission.objects.create(
        group=editors, page=home_page, permission=Permission.objects.get(codename="publish_page")
    )
    return editor_client


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("partners", "partnerpage", parent.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def test_editor_creates_publishes_and_reorders_a_partner_with_two_team_members(
    publisher_client, editor, partner_index
):
    response = publisher_client.post(
        add_url(partner_index),
        partner_form_data(
            team=[
                team_member(
                    "Regine Kramer",
                    "City Mission facilitator, coordinator of city engagement in EU projects",
                    email="regine.kramer@example.org",
                    is_contact_person="on",
                ),
                team_member(
                    "Max Weber", "Climate officer", email="max@example.org", email_is_public="on"
                ),
            ],
            social_links=[{"platform": "linkedin", "url": "https://www.linkedin.com/company/x/"}],
            **PUBLISH,
        ),
    )
    assert response.status_code == 302, response.context and response.context["form"].errors

    partner = PartnerPage.objects.get(slug="city-of-dresden")
    assert partner.live
    assert partner.get_parent().specific == partner_index
    assert partner.owner == editor
    regine, max_weber = partner.team_members.all()
    assert [regine.name, max_weber.name] == ["Regine Kramer", "Max Weber"]
    assert partner.contact_person == regine
    # Regine's address was not ticked for publication: visitors never get it. Max's was.
    assert regine.public_email is None
    assert max_weber.public_email == "max@example.org"
    assert partner.revisions.count() == 1
    assert partner.live_revision.user == editor

    # The editor drags Max above Regine and publishes again. The browser sends the saved
    # members first, with their ids, and numbers the positions from 1.
    response = publisher_client.post(
        edit_url(partner),
        partner_form_data(
            team=[
                team_member(regine.name, regine.position, id=str(regine.pk), ORDER="2"),
                team_member(
                    max_weber.name,
                    max_weber.position,
                    id=str(max_weber.pk),
                    ORDER="1",
                    email=max_weber.email,
                    email_is_public="on",
                ),
            ],
            saved_team=2,
            **PUBLISH,
        ),
    )
    assert response.status_code == 302

    partner = PartnerPage.objects.get(pk=partner.pk)
    assert [m.name for m in partner.team_members.all()] == ["Max Weber", "Regine Kramer"]
    assert [m.pk for m in partner.team_members.all()] == [max_weber.pk, regine.pk]
    assert partner.team_members.first().public_email == "max@example.org"
    assert partner.live
    assert partner.revisions.count() == 2
    assert partner.live_revision == partner.latest_revision
    assert PageLogEntry.objects.filter(page=partner, action="wagtail.publish").count() == 2

    history = publisher_client.get(reverse("wagtailadmin_pages:history", args=(partner.pk,)))
    assert history.status_code == 200
    html = history.content.decode()
    assert html.count("Published") >= 2
    assert "olena.editor" in html


def test_saving_a_draft_leaves_the_live_version_unchanged(publisher_client, partner_index):
    partner = PartnerPageFactory(parent=partner_index, slug="city-of-dresden", title="Live title")
    partner.save_revision().publish()

    response = publisher_client.post(edit_url(partner), partner_form_data(title="Draft title"))
    assert response.status_code == 302

    partner.refresh_from_db()
    assert partner.live
    assert partner.title == "Live title"
    assert partner.has_unpublished_changes
    assert partner.revisions.count() == 2
    assert partner.get_latest_revision_as_object().title == "Draft title"
    assert partner.live_revision.as_object().title == "Live title"
    # What visitors are served is still the published version.
    public = publisher_client.get("/en/partners/city-of-dresden/").content.decode()
    assert "Live title" in public
    assert "Draft title" not in public


def test_scheduled_publishing_waits_for_the_go_live_date(publisher_client, partner_index):
    go_live_at = timezone.now() + timedelta(days=2)
    response = publisher_client.post(
        add_url(partner_index),
        partner_form_data(go_live_at=go_live_at.strftime("%Y-%m-%d %H:%M"), **PUBLISH),
    )
    assert response.status_code == 302

    partner = PartnerPage.objects.get(slug="city-of-dresden")
    assert not partner.live
    assert partner.scheduled_revision is not None
    assert partner.scheduled_revision.approved_go_live_at > timezone.now()
    assert publisher_client.get("/en/partners/city-of-dresden/").status_code == 404


def test_editor_without_publish_permission_submits_for_moderation(editor_client, partner_index):
    partner = PartnerPageFactory(parent=partner_index, slug="city-of-dresden", title="Live title")
    partner.save_revision().publish()
    assert partner.get_workflow() is not None  # Wagtail's default "Moderators approval"

    response = editor_client.post(
        edit_url(partner), partner_form_data(title="Proposed title", **{"action-submit": "1"})
    )
    assert response.status_code == 302

    partner.refresh_from_db()
    assert partner.workflow_in_progress
    # Until a moderator approves, visitors keep seeing the published version.
    assert partner.title == "Live title"
    assert partner.get_latest_revision_as_object().title == "Proposed title"


def test_editor_without_publish_permission_cannot_publish(editor_client, partner_index):
    response = editor_client.post(add_url(partner_index), partner_form_data(**PUBLISH))
    assert response.status_code in (302, 403)
    partner = PartnerPage.objects.filter(slug="city-of-dresden").first()
    assert partner is None or not partner.live
