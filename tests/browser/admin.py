"""A small page-object layer over the Wagtail admin, so that journeys read as a person's steps.

Every step waits for what a person would wait for (a page load, a message, a modal) with
explicit waits, and reads the browser console after each page: a JavaScript error or a
Content-Security-Policy violation fails the journey where it happens.
"""

import json
import urllib.request

from selenium.common.exceptions import (
    NoSuchElementException,
    NoSuchFrameException,
    StaleElementReferenceException,
    TimeoutException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

from .chromium import console_failures

WAIT_SECONDS = 15


class ConsoleError(AssertionError):
    """The page logged a JavaScript error or a Content-Security-Policy violation."""


class AdminBrowser:
    """One person's browser, pointed at the live server."""

    def __init__(self, driver, base_url, name):
        self.driver = driver
        self.base_url = base_url.rstrip("/")
        self.name = name
        self.console = []  # every entry seen, kept for the failure artefacts

    # --- pages and the console -------------------------------------------------------------

    def wait(self, seconds=WAIT_SECONDS):
        return WebDriverWait(self.driver, seconds)

    def visit(self, path):
        self.driver.get(self.base_url + path)
        self._page_loaded()

    @property
    def path(self):
        url = self.driver.current_url
        return url[len(self.base_url) :] if url.startswith(self.base_url) else url

    def check_console(self):
        """Fail on any JavaScript error or CSP report logged since the last check."""
        entries = self.driver.get_log("browser")
        self.console.extend(entries)
        failures = console_failures(entries)
        if failures:
            lines = "\n".join(f"  {e['level']} {e['message']}" for e in failures)
            raise ConsoleError(f"{self.name}'s browser console on {self.path}:\n{lines}")

    def _page_loaded(self):
        self.wait().until(
            lambda driver: driver.execute_script("return document.readyState") == "complete"
        )
        self.check_console()

    def _navigates(self, action):
        """Run ``action`` (a click that submits or follows a link) and wait for the new page."""
        old_page = self.driver.find_element(By.TAG_NAME, "html")
        action()
        self.wait().until(EC.staleness_of(old_page))
        self._page_loaded()

    # --- finding and filling -----------------------------------------------------------------

    def find(self, css, within=None, visible=True, by=By.CSS_SELECTOR):
        condition = EC.visibility_of_element_located if visible else EC.presence_of_element_located
        if within is None:
            return self.wait().until(condition((by, css)))
        return self.wait().until(lambda _driver: within.find_element(by, css))

    def text(self, css="body"):
        return self.find(css).text

    def all_text(self, css="main"):
        """The text of an element including its closed tabs and folded panels."""
        return self.find(css, visible=False).get_attribute("textContent")

    def fill(self, field_id, value):
        """Type into a text input or textarea, replacing what it held."""
        element = self.find(f"#{field_id}")
        self._scroll_to(element)
        element.clear()
        element.send_keys(value)

    def value(self, field_id):
        return self.find(f"#{field_id}", visible=False).get_attribute("value")

    def select(self, field_id, value):
        element = self.find(f"#{field_id}")
        self._scroll_to(element)
        Select(element).select_by_value(value)

    def tick(self, field_id):
        element = self.find(f"#{field_id}")
        self._scroll_to(element)
        if not element.is_selected():
            element.click()

    def type_rich_text(self, field_id, text):
        """Type into a Draftail rich-text field (the hidden input's editor beside it)."""
        wrapper = self.find(f"#{field_id}", visible=False).find_element(By.XPATH, "..")
        editor = self.find(".public-DraftEditor-content", within=wrapper)
        self._scroll_to(editor)
        editor.click()
        editor.send_keys(Keys.CONTROL, "a")
        editor.send_keys(Keys.BACK_SPACE)
        editor.send_keys(text)
        # Draftail writes the hidden input on change; wait until it holds the text.
        self.wait().until(lambda _driver: text in (self.value(field_id) or ""))

    def click(self, css, navigates=False):
        element = self.wait().until(EC.element_to_be_clickable((By.CSS_SELECTOR, css)))
        self.click_element(element, navigates=navigates)

    def click_element(self, element, navigates=True):
        """Click an element already found (a link in a table row, …)."""
        self._scroll_to(element)
        if navigates:
            self._navigates(element.click)
        else:
            element.click()
            self.check_console()

    def click_link(self, text, navigates=True):
        element = self.wait().until(EC.element_to_be_clickable((By.PARTIAL_LINK_TEXT, text)))
        self._scroll_to(element)
        self._navigates(element.click) if navigates else element.click()

    def _scroll_to(self, element):
        # At once: the admin scrolls smoothly, and a click mid-scroll lands elsewhere.
        self.driver.execute_script(
            "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element
        )

    # --- the admin's furniture -------------------------------------------------------------------

    def login(self, username, password):
        """Sign in through the admin's login form."""
        self.visit("/admin/login/")
        self.fill("id_username", username)
        self.fill("id_password", password)
        self.click("form button[type=submit]", navigates=True)
        assert self.path == "/admin/", f"{username} was not let in: {self.path}"

    def wait_for_message(self, level="success"):
        """The admin's flash message of that level ("success", "error", "warning")."""
        return self.find(f".messages li.{level}").text

    def messages(self):
        return [li.text for li in self.driver.find_elements(By.CSS_SELECTOR, ".messages li")]

    def open_tab(self, name):
        """One of the editor's tabs: "content", "team", "links", "settings"."""
        self.click(f"#tab-label-{name}")
        self.find(f"#tab-{name}")

    def field_errors(self, field_id):
        """The error text shown at a field (its panel's error region)."""
        field = self.find(f"#{field_id}", visible=False)
        wrapper = field.find_element(By.XPATH, "ancestor::*[@data-field-wrapper or @data-field][1]")
        # textContent: the field may sit on a tab that is not open.
        errors = wrapper.find_elements(By.CSS_SELECTOR, ".error-message")
        return " ".join(e.get_attribute("textContent").strip() for e in errors)

    def overview_row(self, title):
        """The Translations overview's row for a source item, by its title."""
        return self.find(
            f"//table[contains(@class, 'listing')]//tr[td[1][normalize-space()='{title}']]",
            by=By.XPATH,
        )

    def add_inline(self, formset):
        """Press a formset's "Add" button; return the new row's form prefix."""
        total = int(self.value(f"id_{formset}-TOTAL_FORMS"))
        self.click(f"#id_{formset}-ADD")
        prefix = f"{formset}-{total}"
        self.find(f"#inline_child_{prefix}")
        return prefix

    def upload_image(self, chooser_input_id, file_path, title, description):
        """Open an image chooser, upload a new image on its Upload tab and choose it."""
        self.click(f"#{chooser_input_id}-chooser [data-chooser-action-choose]")
        modal = self.find(".modal-content")
        self.click("#tab-label-upload")
        self.find("#id_image-chooser-upload-file", visible=False).send_keys(str(file_path))
        # The admin proposes the file's name as the title; wait for it before writing over it.
        self.wait().until(lambda _driver: self.value("id_image-chooser-upload-title"))
        self.fill("id_image-chooser-upload-title", title)
        self.fill("id_image-chooser-upload-description", description)
        self.click(".modal-content form[data-chooser-modal-creation-form] button[type=submit]")
        self.wait().until(EC.staleness_of(modal))
        self._wait_for_choice(chooser_input_id)

    def choose_page(self, chooser_input_id, title):
        """Open a page chooser, search for a page by title and choose it."""
        self.click(f"#{chooser_input_id}-chooser [data-chooser-action-choose]")
        modal = self.find(".modal-content")
        search = self.find(".modal-content input[name=q]")
        search.send_keys(title)
        link = (By.XPATH, f"//div[@class='modal-content']//a[normalize-space()='{title}']")

        def click_result(driver):
            # The results are redrawn as the search runs; a link may go stale under the click.
            try:
                driver.find_element(*link).click()
                return True
            except (NoSuchElementException, StaleElementReferenceException):
                return False

        self.wait().until(click_result)
        self.wait().until(EC.staleness_of(modal))
        self._wait_for_choice(chooser_input_id)

    def page_chooser_results(self, chooser_input_id, query):
        """Open a page chooser, search, and return the titles it offers; then close it."""
        self.click(f"#{chooser_input_id}-chooser [data-chooser-action-choose]")
        modal = self.find(".modal-content")
        self._type_into_search(query)
        # The search's answer announces its count ("There are 0 matches").
        summary = (By.CSS_SELECTOR, ".modal-content .page-results h2[role=alert]")
        self.wait().until(EC.text_to_be_present_in_element(summary, "match"))
        titles = [
            link.text.strip()
            for link in self.driver.find_elements(By.CSS_SELECTOR, ".modal-content .page-results a")
        ]
        self.click(".modal-content button[data-dismiss=modal]")
        self.wait().until(EC.invisibility_of_element(modal))
        self.check_console()
        return titles

    def _type_into_search(self, query):
        """Type into the chooser's search box once its script is ready: keys typed while the
        modal is still being set up are lost (seen as an empty box and no search)."""
        search = (By.CSS_SELECTOR, ".modal-content input[name=q]")
        for _attempt in range(5):
            box = self.wait().until(EC.element_to_be_clickable(search))
            box.clear()
            box.send_keys(query)
            try:
                WebDriverWait(self.driver, 2).until(
                    lambda _driver: (
                        self.driver.find_element(*search).get_attribute("value") == query
                    )
                )
                return
            except (TimeoutException, StaleElementReferenceException):
                continue
        raise AssertionError(f"the chooser's search box did not take {query!r}")

    def _wait_for_choice(self, chooser_input_id):
        self.wait().until(lambda _driver: self.value(chooser_input_id))
        self.check_console()

    def page_action(self, css):
        """Press one of the editor footer's actions (``button[name='action-publish']``, …),
        opening the footer's menu first when the action is folded away in it."""
        button = self.find(f"footer {css}", visible=False)
        if not button.is_displayed():
            self.click("footer [data-w-dropdown-target='toggle']")
            self.wait().until(EC.visibility_of(button))
        self._navigates(button.click)

    def preview_json(self):
        """Open the editor's preview panel in its JSON mode; return the JSON its frame shows."""
        self.click("button[data-side-panel-toggle='preview']")
        # The panel opens on the reading view; the JSON is the mode select's other choice.
        self.wait(30).until(lambda _driver: self._preview_text("h1"))
        modes = self.find("#id_preview_mode")
        Select(modes).select_by_value("json")
        # Wagtail's preview controller answers a mode change made while one of its own updates
        # is in flight (it updates by itself after edits) with that update, in the old mode; a
        # person picks the mode again, and so does this, until the frame shows the JSON. The
        # panel loads a fresh frame and swaps it in, so the frame is found anew on every look.
        for _attempt in range(6):
            try:
                self.wait(5).until(lambda _driver: self._preview_text().startswith("{"))
                break
            except TimeoutException:
                self.driver.execute_script(
                    "arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", modes
                )
        else:
            raise TimeoutException("The preview never showed its JSON mode.")
        text = self._preview_text()
        self.check_console()
        return json.loads(text)

    def _preview_text(self, tag="pre"):
        """The text of the preview frame's first ``tag`` element ("" until there is one)."""
        try:
            self.driver.switch_to.frame(self.driver.find_element(By.ID, "w-preview-iframe"))
            # Chromium shows JSON in a <pre>, under its own "Pretty-print" control.
            return self.driver.find_element(By.TAG_NAME, tag).text.strip()
        except (NoSuchElementException, StaleElementReferenceException, NoSuchFrameException):
            return ""
        finally:
            self.driver.switch_to.default_content()


def api(base_url, path):
    """GET a public API path from the live server, as a frontend would; (status, JSON)."""
    request = urllib.request.Request(base_url.rstrip("/") + path)  # noqa: S310 (http only)
    try:
        with urllib.request.urlopen(request, timeout=WAIT_SECONDS) as response:  # noqa: S310
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")
