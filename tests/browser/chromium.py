"""Debian's Chromium under Selenium: where it is, how it starts, and what its console may say.

The browser is never downloaded: Selenium is pointed at Debian's ``chromium`` and
``chromium-driver`` (``apt-get install chromium chromium-driver``), so Selenium Manager has
nothing to fetch.
"""

import os
import re
import shutil
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
CHROMEDRIVER = Path(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
INSTALL_HINT = "apt-get install -y chromium chromium-driver (as root; `make test` does it)"

# Headless and quiet: no GPU, no sandbox (tests run as root here), no calls home, one size.
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1400,1000",
]

LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}

# Wagtail's autosave posts the editor's form in the background as the person types and is
# answered 400 while the form is not valid yet ("Autosave is paused" in the footer). The
# browser logs that answer as a failed load; it is the admin working as designed.
AUTOSAVE_URL = re.compile(r"^/admin/pages/(add/[a-z_]+/[a-z_]+/\d+|\d+/edit)/$")


def missing_binaries():
    """The browser files that are not installed, by path."""
    return [str(path) for path in (CHROMIUM, CHROMEDRIVER) if not os.access(path, os.X_OK)]


def start_chromium():
    """A new headless Chromium with a fresh profile; returns (driver, profile directory)."""
    profile = tempfile.mkdtemp(prefix="ucan-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    except Exception:
        shutil.rmtree(profile, ignore_errors=True)
        raise
    return driver, profile


def console_failures(entries):
    """The console entries that fail a journey.

    Every SEVERE entry (a JavaScript error, a failed load from this server) and every
    Content-Security-Policy report at any level. The only excuse is a failed load from
    another host: the test machine has no network beyond 127.0.0.1.
    """
    failures = []
    for entry in entries:
        message = entry.get("message", "")
        if "Content Security Policy" in message:
            failures.append(entry)
        elif entry.get("level") == "SEVERE" and not (
            _outside_network_failure(entry) or _autosave_validation_answer(entry)
        ):
            failures.append(entry)
    return failures


def _failed_load_url(entry):
    """The URL of a "Failed to load resource" entry, split; None for any other entry."""
    if entry.get("source") != "network":
        return None
    return urlsplit(entry.get("message", "").split(" ", 1)[0])


def _outside_network_failure(entry):
    url = _failed_load_url(entry)
    return url is not None and bool(url.hostname) and url.hostname not in LOCAL_HOSTS


def _autosave_validation_answer(entry):
    url = _failed_load_url(entry)
    return (
        url is not None
        and "status of 400" in entry["message"]
        and bool(AUTOSAVE_URL.match(url.path))
    )
