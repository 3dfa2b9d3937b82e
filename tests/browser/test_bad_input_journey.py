"""An editor's mistakes are shown at the fields, and nothing typed is lost."""

import pytest

from tests.conftest import PASSWORD

from .admin import api

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_mistakes_are_shown_at_their_fields_and_the_form_is_kept(
    open_browser, live_server, editor, journey_dresden
):
    olena = open_browser("editor")
    olena.login(editor.username, PASSWORD)
    olena.visit(f"/admin/pages/{journey_dresden.pk}/edit/")

    olena.fill("id_city", "Dresden-Altstadt")
    olena.fill("id_logo_alt_text", "")  # the logo stays chosen
    olena.open_tab("links")
    olena.fill("id_website", "www dresden de")
    # The cooperating-partner chooser does not offer the page itself (the form would refuse
    # it too: tests/partners/test_validation.py); she closes it and saves her other changes.
    cooperation = olena.add_inline("cooperations")
    offered = olena.page_chooser_results(f"id_{cooperation}-cooperating_partner", "Dresden")
    assert "City of Dresden" not in offered
    olena.page_action("button.action-save")

    assert olena.wait_for_message("error")
    assert "Describe the logo" in olena.field_errors("id_logo_alt_text")
    assert "valid URL" in olena.field_errors("id_website")
    # What she typed is still there to correct.
    assert olena.value("id_city") == "Dresden-Altstadt"
    assert olena.value("id_website") == "www dresden de"
    assert olena.value("id_title") == "City of Dresden"

    # Nothing was saved: the published page is as it was.
    status, page = api(live_server.url, f"/api/v2/pages/{journey_dresden.pk}/")
    assert status == 200
    assert page["city"] == "Dresden"
    assert page["website"] == "https://www.dresden.de/"
    assert page["logo"]["alt"] == "City of Dresden logo"
    assert [p["title"] for p in page["cooperates_with"]] == ["Khmelnytskyi National University"]
