"""Journeys through the admin in Debian's headless Chromium, against a live server.

The live server runs in the test process, so the journeys need a database whose writes are
committed (``transactional_db``) and restored afterwards (``serialized_rollback``: Wagtail's
groups, locales and workflow come from migrations and must be there for the next journey).
Without Chromium the journeys skip, saying how to install it; in CI (``CI=true``) they fail.

A journey that fails leaves, per browser, a screenshot, the page's HTML and the console in
``$BROWSER_ARTIFACTS/<test>/`` (default ``/tmp/ucan-browser-artifacts``); the failure report
names the folder.
"""

import json
import os
import re
import shutil
import threading
from pathlib import Path

import pytest
from PIL import Image
from pytest_django.live_server_helper import LiveServer

from partners.models import PartnerCooperation, PartnerSocialLink, TeamMember
from tests.home.factories import ImageFactory
from tests.partners.factories import PartnerPageFactory
from tests.publishing import publish

from .admin import AdminBrowser
from .chromium import INSTALL_HINT, missing_binaries, start_chromium

ARTIFACTS = Path(os.environ.get("BROWSER_ARTIFACTS", "/tmp/ucan-browser-artifacts"))  # noqa: S108
BROWSERS = pytest.StashKey[list]()


@pytest.fixture(autouse=True)
def chromium_installed():
    missing = missing_binaries()
    if not missing:
        return
    message = f"Chromium is not installed ({', '.join(missing)}): {INSTALL_HINT}"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(autouse=True)
def media_on_disk(settings, tmp_path):
    """Uploads on disk, where the live server serves them to the browser."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }


@pytest.fixture(scope="session")
def live_server(django_db_setup):
    """pytest-django's live server, answering one request at a time on in-memory SQLite.

    There the server's threads share the test's one connection, and a browser's parallel
    requests (an autosave while the preview loads) would meet as "database table is locked".
    It starts after the test database exists, so that it finds that connection to share.
    """
    server = LiveServer("localhost", start=False)
    if server.thread.connections_override:
        server.thread.static_handler = _one_request_at_a_time(server.thread.static_handler)
    server.start()
    yield server
    server.stop()


def _one_request_at_a_time(handler_class):
    lock = threading.Lock()

    def make(application):
        handler = handler_class(application)

        def serve(environ, start_response):
            with lock:
                return handler(environ, start_response)

        return serve

    return make


@pytest.fixture
def open_browser(request, live_server):
    """Start a person's own browser: ``open_browser("editor")``."""
    browsers = request.node.stash.setdefault(BROWSERS, [])
    profiles = []

    def start(name):
        driver, profile = start_chromium()
        profiles.append(profile)
        browser = AdminBrowser(driver, live_server.url, name)
        browsers.append(browser)
        return browser

    yield start
    try:
        for browser in browsers:
            browser.check_console()
    finally:
        for browser in browsers:
            browser.driver.quit()
        for profile in profiles:
            shutil.rmtree(profile, ignore_errors=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    browsers = item.stash.get(BROWSERS, [])
    if report.failed and browsers:
        folder = ARTIFACTS / re.sub(r"[^\w.-]+", "_", item.name)
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for browser in browsers:
            _save(browser, folder)
        report.sections.append(("browser artifacts", f"Screenshots and HTML in {folder}"))
    return report


def _save(browser, folder):
    """A screenshot, the HTML and the console log of one browser, as it is now."""
    try:
        browser.driver.save_screenshot(str(folder / f"{browser.name}.png"))
        (folder / f"{browser.name}.html").write_text(browser.driver.page_source)
        browser.console.extend(browser.driver.get_log("browser"))
    except Exception as error:  # a crashed browser still gets its console written
        (folder / f"{browser.name}.error.txt").write_text(repr(error))
    (folder / f"{browser.name}.console.json").write_text(json.dumps(browser.console, indent=1))


# --- the site ---------------------------------------------------------------------------------


@pytest.fixture
def image_file(tmp_path):
    """Make a small PNG on disk to upload; each call's image differs (no duplicate warning)."""
    made = []

    def make(name):
        path = tmp_path / f"{name}.png"
        shade = 40 + 30 * len(made)
        Image.new("RGB", (160, 80), (shade, 120, 200 - shade)).save(path)
        made.append(path)
        return path

    return make


def add_published_partner(index, title, slug, **fields):
    """Add a partner page under ``index``, publish it and return the live page."""
    partner = PartnerPageFactory.build(title=title, slug=slug, **fields)
    index.add_child(instance=partner)
    return publish(partner)


@pytest.fixture
def journey_khmelnytskyi(partner_index, bilingual_site):
    """Khmelnytskyi National University as the journeys know it: a published partner, without
    logo or cooperations, for others to cooperate with."""
    return add_published_partner(
        partner_index,
        "Khmelnytskyi National University",
        "khmelnytskyi-national-university",
        country="UA",
        city="Khmelnytskyi",
    )


@pytest.fixture
def journey_dresden(partner_index, bilingual_site, journey_khmelnytskyi):
    """The City of Dresden as the journeys' screens show it: published in English with its whole
    profile, one team member and a cooperation with ``journey_khmelnytskyi`` (tests/conftest.py's
    ``dresden``, which the API tests check, has a longer title and two team members)."""
    partner = PartnerPageFactory.build(
        title="City of Dresden",
        slug="city-of-dresden",
        short_name="LHD",
        city="Dresden",
        organisation_type="city",
        consortium_role="facilitator_city",
        website="https://www.dresden.de/",
        brief_description="<p>Dresden is a city of knowledge and skills.</p>",
        logo=ImageFactory(title="City of Dresden logo"),
        logo_alt_text="City of Dresden logo",
    )
    partner.team_members.add(TeamMember(name="Regine Kramer", position="Mission facilitator"))
    partner.social_links.add(
        PartnerSocialLink(platform="linkedin", url="https://www.linkedin.com/company/dresden/")
    )
    partner.cooperations.add(PartnerCooperation(cooperating_partner=journey_khmelnytskyi))
    partner_index.add_child(instance=partner)
    return publish(partner)
