"""A translator, with the admin in Ukrainian, translates a partner and keeps it in step."""

import pytest
from wagtail_localize.models import TranslationSource

from tests.conftest import PASSWORD
from tests.publishing import localize
from tests.translations.steps import fill_in

from .admin import api

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

OVERVIEW = "a[href='/admin/translations/overview/']"
PUBLISH = "button[name='action'][value='publish']"


def test_translator_translates_a_partner_with_machine_help_and_publishes_it(
    open_browser, live_server, ukrainian_translator, ukrainian, journey_dresden
):
    iryna = open_browser("translator")
    iryna.login(ukrainian_translator.username, PASSWORD)
    assert iryna.find("html").get_attribute("lang") == "uk"

    # Admin → Translations: the City of Dresden has no Ukrainian version yet.
    iryna.click(OVERVIEW, navigates=True)
    row = iryna.overview_row("City of Dresden")
    assert row.get_attribute("data-state") == "missing"
    iryna.click_element(row.find_element("css selector", "a.button"))

    # Translate into Ukrainian; the translation editor opens on the new draft.
    iryna.click(f"input[name='locales'][value='{ukrainian.pk}']")
    iryna.click("main form[method=POST] [type=submit]", navigates=True)
    assert iryna.wait_for_message()
    iryna.click("form[action$='/machine_translate/'] button", navigates=True)
    iryna.page_action(PUBLISH)
    iryna.wait_for_message()

    status, body = api(
        live_server.url, "/api/v2/pages/?locale=uk&type=partners.PartnerPage&fields=*"
    )
    assert status == 200
    (uk_dresden,) = [p for p in body["items"] if p["meta"]["slug"] == "city-of-dresden"]
    # The test's machine translator reverses the words.
    assert uk_dresden["title"] == "Dresden of City"
    assert uk_dresden["meta"]["locale"] == "uk"
    assert [m["name"] for m in uk_dresden["team_members"]] == ["Kramer Regine"]


def test_a_changed_source_shows_out_of_date_and_a_sync_keeps_the_translations(
    open_browser, live_server, moderator, ukrainian_translator, ukrainian, journey_dresden
):
    TranslationSource.get_or_create_from_instance(journey_dresden)
    fill_in(journey_dresden, ukrainian)  # every segment "UK <english>"
    uk_dresden = localize(journey_dresden, ukrainian)

    # Marta, who publishes for the English team, rewrites the description.
    marta = open_browser("moderator")
    marta.login(moderator.username, PASSWORD)
    marta.visit(f"/admin/pages/{journey_dresden.pk}/edit/")
    marta.type_rich_text("id_brief_description", "Dresden is the capital of Saxony.")
    marta.page_action("button[name='action-publish']")
    marta.wait_for_message()

    iryna = open_browser("translator")
    iryna.login(ukrainian_translator.username, PASSWORD)
    iryna.click(OVERVIEW, navigates=True)
    row = iryna.overview_row("City of Dresden")
    assert row.get_attribute("data-state") == "out_of_date"
    sync = row.find_elements("css selector", "a.button")[-1]
    iryna.click_element(sync)
    iryna.click("main form[method=POST] [type=submit]", navigates=True)

    # The translation editor: the new English sentence waits for its translation, every
    # other segment keeps its Ukrainian.
    iryna.visit(f"/admin/pages/{uk_dresden.pk}/edit/")
    editor = iryna.all_text()
    assert "Dresden is the capital of Saxony." in editor
    for kept in ("UK City of Dresden", "UK Regine Kramer", "UK Mission facilitator"):
        assert kept in editor
    # Nothing untranslated went live: the Ukrainian page still says what it said.
    status, page = api(live_server.url, f"/api/v2/pages/{uk_dresden.pk}/")
    assert status == 200
    assert page["title"] == "UK City of Dresden"
    assert "UK Dresden is a city of knowledge and skills." in page["brief_description"]


def _tick_and_press(browser, listing, page, action):
    """In a listing, tick a page's row and press a bulk action; False when it is not offered."""
    browser.visit(listing)
    boxes = browser.driver.find_elements(
        "css selector", f"input[data-bulk-action-checkbox][data-object-id='{page.pk}']"
    )
    if not boxes:
        return False  # the listing does not show her the page at all
    browser.click_element(boxes[0])
    offered = browser.driver.find_elements(
        "css selector", f"a[href*='/admin/bulk/wagtailcore/page/{action}/']"
    )
    if not offered or not offered[0].is_displayed():
        return False
    browser.click_element(offered[0])
    confirm = browser.driver.find_elements("css selector", "main form[method=POST] [type=submit]")
    if confirm:
        browser.click_element(confirm[0])
    return True


def test_a_translator_cannot_delete_unpublish_reorder_protect_or_alias_pages(
    open_browser,
    live_server,
    ukrainian_translator,
    ukrainian,
    bilingual_site,
    partner_index,
    journey_dresden,
    journey_khmelnytskyi,
):
    uk_dresden = localize(journey_dresden, ukrainian)
    english = f"/api/v2/pages/{journey_dresden.pk}/"
    iryna = open_browser("translator")
    iryna.login(ukrainian_translator.username, PASSWORD)

    # Bulk actions on English pages, from the Partners listing and the page explorer.
    for listing in ("/admin/partner_pages/", f"/admin/pages/{partner_index.pk}/"):
        for action in ("delete", "unpublish", "publish"):
            if _tick_and_press(iryna, listing, journey_dresden, action):
                assert iryna.messages(), f"{action} from {listing}: no word why"
            assert api(live_server.url, english)[0] == 200, f"{action} from {listing}"

    # The same actions followed by their address, as from a link someone sent: refused.
    for action in ("delete", "unpublish", "publish"):
        iryna.visit(f"/admin/bulk/wagtailcore/page/{action}/?id={journey_dresden.pk}&next=/admin/")
        confirm = iryna.driver.find_elements("css selector", "main form[method=POST] [type=submit]")
        if confirm:
            iryna.click_element(confirm[0])
        status, page = api(live_server.url, english)
        assert status == 200 and page["title"] == "City of Dresden", action

    # The explorer offers no "Sort menu order" for the English partners.
    iryna.visit(f"/admin/pages/{partner_index.pk}/?ordering=ord")
    assert not iryna.driver.find_elements("css selector", "[data-w-orderable-target='handle']")

    # Privacy is set in the English page's editor, which she cannot open.
    iryna.visit(f"/admin/pages/{journey_dresden.pk}/edit/")
    assert iryna.path != f"/admin/pages/{journey_dresden.pk}/edit/"
    assert iryna.messages()
    status, page = api(live_server.url, english)
    assert status == 200 and page["title"] == "City of Dresden"

    # "Convert to alias" would throw away the Ukrainian translation: refused.
    iryna.visit(f"/admin/localize/page/{uk_dresden.pk}/convert_to_alias/")
    confirm = iryna.driver.find_elements("css selector", "main form[method=POST] [type=submit]")
    if confirm:
        iryna.click_element(confirm[0])
    assert iryna.messages()
    status, page = api(live_server.url, f"/api/v2/pages/{uk_dresden.pk}/")
    assert status == 200 and page["meta"]["alias_of"] is None
