"""An editor writes a partner profile, a moderator publishes it, and the API serves it."""

import pytest

from tests.conftest import PASSWORD

from .admin import api

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

APPROVE = "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"


def test_editor_writes_a_partner_and_a_moderator_publishes_it(
    open_browser,
    live_server,
    editor,
    moderator,
    bilingual_site,
    partner_index,
    journey_khmelnytskyi,
    image_file,
):
    olena = open_browser("editor")
    olena.login(editor.username, PASSWORD)
    olena.visit(f"/admin/pages/add/partners/partnerpage/{partner_index.pk}/")

    # Content: name, logo uploaded through the chooser, where and what the organisation is.
    olena.fill("id_title", "City of Dresden")
    olena.fill("id_short_name", "LHD")
    olena.upload_image(
        "id_logo", image_file("dresden-logo"), "City of Dresden logo", "Dresden's coat of arms"
    )
    olena.fill("id_logo_alt_text", "City of Dresden logo")
    olena.select("id_country", "DE")
    olena.fill("id_city", "Dresden")
    olena.select("id_organisation_type", "city")
    olena.select("id_consortium_role", "facilitator_city")
    olena.type_rich_text("id_brief_description", "Dresden is a city of knowledge and skills.")

    # Team: two people, one with a photo.
    olena.open_tab("team")
    regine = olena.add_inline("team_members")
    olena.fill(f"id_{regine}-name", "Regine Kramer")
    olena.fill(f"id_{regine}-position", "City Mission facilitator")
    olena.upload_image(
        f"id_{regine}-photo", image_file("regine"), "Regine Kramer", "Portrait of Regine Kramer"
    )
    max_weber = olena.add_inline("team_members")
    olena.fill(f"id_{max_weber}-name", "Max Weber")
    olena.fill(f"id_{max_weber}-position", "Climate officer")

    # Links: the website, a social profile and a cooperating partner from the page chooser.
    olena.open_tab("links")
    olena.fill("id_website", "https://www.dresden.de/")
    link = olena.add_inline("social_links")
    olena.select(f"id_{link}-platform", "linkedin")
    olena.fill(f"id_{link}-url", "https://www.linkedin.com/company/dresden/")
    cooperation = olena.add_inline("cooperations")
    olena.choose_page(f"id_{cooperation}-cooperating_partner", "Khmelnytskyi National University")

    # The preview shows what the frontend will get, before anything is published.
    preview = olena.preview_json()
    assert preview["title"] == "City of Dresden"
    assert [m["name"] for m in preview["team_members"]] == ["Regine Kramer", "Max Weber"]
    # A set: after an autosave the preview lists the cooperating partner twice (the saved
    # page's row and the form's); what is published has it once (checked below).
    assert {p["title"] for p in preview["cooperates_with"]} == {"Khmelnytskyi National University"}

    # Editors cannot publish: Olena submits for moderation.
    olena.page_action("button[name='action-submit']")
    assert "submitted for moderation" in olena.wait_for_message()
    assert (
        api(live_server.url, "/api/v2/pages/?type=partners.PartnerPage&slug=city-of-dresden")[1][
            "items"
        ]
        == []
    ), "nothing is public before a moderator approves"

    # Marta finds it awaiting her review on her dashboard and approves it.
    marta = open_browser("moderator")
    marta.login(moderator.username, PASSWORD)
    marta.click_link("City of Dresden")
    marta.page_action(APPROVE)
    marta.wait_for_message()

    status, body = api(
        live_server.url, "/api/v2/pages/?type=partners.PartnerPage&slug=city-of-dresden&fields=*"
    )
    assert status == 200
    (dresden,) = body["items"]
    assert dresden["short_name"] == "LHD"
    assert dresden["country"]["code"] == "DE"
    assert dresden["consortium_role"]["code"] == "facilitator_city"
    assert "knowledge and skills" in dresden["brief_description"]
    assert dresden["logo"]["alt"] == "City of Dresden logo"
    assert dresden["logo"]["url"]
    team = dresden["team_members"]
    assert [(m["name"], m["position"]) for m in team] == [
        ("Regine Kramer", "City Mission facilitator"),
        ("Max Weber", "Climate officer"),
    ]
    assert team[0]["photo"]["url"] and team[1]["photo"] is None
    assert dresden["website"] == "https://www.dresden.de/"
    assert dresden["social_links"] == [
        {"platform": "linkedin", "url": "https://www.linkedin.com/company/dresden/"}
    ]
    assert [(p["id"], p["title"]) for p in dresden["cooperates_with"]] == [
        (journey_khmelnytskyi.pk, "Khmelnytskyi National University")
    ]
