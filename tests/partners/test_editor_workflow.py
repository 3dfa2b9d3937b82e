"""An editor writes, publishes, reorders and schedules partner pages in the admin."""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone

from partners.models import PartnerPage
from tests.partners.admin_forms import partner_form_data, team_member
from tests.partners.factories import PartnerPageFactory

pytestmark = pytest.mark.django_db


def client_in_group(client, django_user_model, group_name):
    user = django_user_model.objects.create_user(username=group_name.lower(), password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return client


@pytest.fixture
def publisher_client(client, django_user_model, partner_index):
    """An editor allowed to publish: Wagtail's Moderators may add, change and publish pages."""
    return client_in_group(client, django_user_model, "Moderators")


@pytest.fixture
def editor_client(client, django_user_model, partner_index):
    """An editor who may add and change pages but needs a moderator's approval to publish."""
    return client_in_group(client, django_user_model, "Editors")


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("partners", "partnerpage", parent.pk))


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def test_editor_creates_and_publishes_a_partner_with_two_team_members(
    publisher_client, partner_index
):
    data = partner_form_data(
        team=[
            team_member(
                "Regine Kramer",
                "City Mission facilitator, coordinator of city engagement in EU projects",
                is_contact_person="on",
            ),
            team_member("Max Weber", "Climate officer", email="max@example.org"),
        ],
        social_links=[{"platform": "linkedin", "url": "https://www.linkedin.com/company/x/"}],
        **{"action-publish": "publish"},
    )
    response = publisher_client.post(add_url(partner_index), data)
    assert response.status_code == 302, response.content.decode()[:2000]

    partner = PartnerPage.objects.get(slug="city-of-dresden")
    assert partner.live
    assert partner.get_parent().specific == partner_index
    assert [m.name for m in partner.team_members.all()] == ["Regine Kramer", "Max Weber"]
    assert partner.contact_person.name == "Regine Kramer"
    # The email was not ticked for publication: visitors never get it.
    assert partner.team_members.get(name="Max Weber").public_email is None
    assert partner.revisions.count() == 1


def test_editor_reorders_team_members_and_each_save_is_a_revision(publisher_client, partner_index):
    publisher_client.post(
        add_url(partner_index),
        partner_form_data(
            team=[team_member("First Person"), team_member("Second Person")],
            **{"action-publish": "publish"},
        ),
    )
    partner = PartnerPage.objects.get(slug="city-of-dresden")
    first, second = partner.team_members.all()
    data = partner_form_data(**{"action-publish": "publish"})
    data.update(
        {
            "team_members-TOTAL_FORMS": "2",
            "team_members-INITIAL_FORMS": "2",
            "team_members-0-id": str(first.pk),
            "team_members-0-name": first.name,
            "team_members-0-position": first.position,
            # The admin's JavaScript numbers positions from 1, as the browser sends them.
            "team_members-0-ORDER": "2",
            "team_members-1-id": str(second.pk),
            "team_members-1-name": second.name,
            "team_members-1-position": second.position,
            "team_members-1-ORDER": "1",
        }
    )
    response = publisher_client.post(edit_url(partner), data)
    assert response.status_code == 302

    partner = PartnerPage.objects.get(pk=partner.pk)
    assert [m.name for m in partner.team_members.all()] == ["Second Person", "First Person"]
    assert partner.revisions.count() == 2
    history = publisher_client.get(reverse("wagtailadmin_pages:history", args=(partner.pk,)))
    assert history.status_code == 200


def test_saving_a_draft_leaves_the_live_page_unchanged(editor_client, partner_index):
    partner = PartnerPageFactory(parent=partner_index, slug="city-of-dresden", title="Live title")
    partner.save_revision().publish()
    response = editor_client.post(edit_url(partner), partner_form_data(title="Draft title"))
    assert response.status_code == 302

    partner.refresh_from_db()
    assert partner.title == "Live title"
    assert partner.has_unpublished_changes
    assert partner.get_latest_revision_as_object().title == "Draft title"


def test_scheduled_publishing_waits_for_the_go_live_date(publisher_client, partner_index):
    go_live_at = timezone.now() + timedelta(days=2)
    response = publisher_client.post(
        add_url(partner_index),
        partner_form_data(
            go_live_at=go_live_at.strftime("%Y-%m-%d %H:%M"), **{"action-publish": "publish"}
        ),
    )
    assert response.status_code == 302
    partner = PartnerPage.objects.get(slug="city-of-dresden")
    assert not partner.live
    assert partner.scheduled_revision is not None


def test_editor_without_publish_permission_submits_to_moderation(editor_client, partner_index):
    partner = PartnerPageFactory(parent=partner_index)
    assert partner.get_workflow() is not None  # Wagtail's default "Moderators approval"
    response = editor_client.post(
        edit_url(partner), partner_form_data(slug=partner.slug, **{"action-submit": "submit"})
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.workflow_in_progress
    # Until a moderator approves, visitors keep seeing the published version.
    assert partner.title != "City of Dresden - Landeshauptstadt Dresden (LHD)"
    assert partner.get_latest_revision_as_object().title == (
        "City of Dresden - Landeshauptstadt Dresden (LHD)"
    )


def test_editor_without_publish_permission_cannot_publish(editor_client, partner_index):
    response = editor_client.post(
        add_url(partner_index), partner_form_data(**{"action-publish": "publish"})
    )
    assert response.status_code in (302, 403)
    partner = PartnerPage.objects.filter(slug="city-of-dresden").first()
    assert partner is None or not partner.live
