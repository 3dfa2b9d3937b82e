"""A visitor subscribes from a frontend's page on another origin and confirms from the email.

The frontend is a small static page served from 127.0.0.1 on a port of its own (an allowed
CORS origin); its script POSTs the form as JSON to the live server's API. The email's link then
opens the CMS's own confirm page (no FRONTEND_URL), whose button confirms. Each step leaves a
screenshot in /tmp (newsletter-journey-*.png).
"""

import functools
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core import mail
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from newsletter.models import Subscription

# live_server commits to the database; the rollback restores what the migrations made (Wagtail's
# root page, the locales) for the tests after it, as the other journeys do.
pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = "/tmp/newsletter-journey-{step}.png"  # noqa: S108

FRONTEND_PAGE = """<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>U_CAN — partners</title><link rel="icon" href="data:,"></head>
<body>
  <footer>
    <h2>Newsletter</h2>
    <form id="newsletter">
      <label>Email <input type="email" name="email" required></label>
      <label>Language
        <select name="locale"><option value="en">English</option>
        <option value="uk">Українська</option></select>
      </label>
      <label><input type="checkbox" name="consent"> I agree to receive the newsletter.</label>
      <input type="text" name="website" value="" hidden tabindex="-1" autocomplete="off">
      <button type="submit">Subscribe</button>
    </form>
    <p id="answer" role="status"></p>
  </footer>
  <script>
    document.getElementById("newsletter").addEventListener("submit", async (event) => {
      event.preventDefault();
      const form = event.target;
      const response = await fetch("CMS/api/v2/newsletter/subscriptions/", {
        method: "POST",
        headers: {"Content-Type": "application/json"},
        body: JSON.stringify({
          email: form.elements.email.value,
          locale: form.elements.locale.value,
          consent: form.elements.consent.checked,
          website: form.elements.website.value,
        }),
      });
      const answer = await response.json();
      document.getElementById("answer").textContent = response.status + " " + answer.message;
    });
  </script>
</body>
</html>
"""


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def frontend(tmp_path, live_server):
    """The frontend's page on http://127.0.0.1:<port>, another origin than the live server."""
    (tmp_path / "index.html").write_text(FRONTEND_PAGE.replace("CMS", live_server.url))
    handler = functools.partial(QuietHandler, directory=str(tmp_path))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def shot(browser, step):
    browser.driver.save_screenshot(SCREENSHOTS.format(step=step))


def test_a_visitor_subscribes_from_the_frontend_and_confirms_from_the_email(
    open_browser,
    live_server,
    frontend,
    settings,
    run_worker,
    transactional_db,
):
    settings.CORS_ALLOWED_ORIGINS = [frontend]
    settings.FRONTEND_URL = ""
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    visitor = open_browser("visitor")
    driver = visitor.driver

    driver.get(f"{frontend}/index.html")
    visitor.find("input[name=email]").send_keys("chytach@example.org")
    Select(visitor.find("select[name=locale]")).select_by_value("uk")
    visitor.find("input[name=consent]").click()
    shot(visitor, "1-form")
    visitor.find("#newsletter button").click()
    visitor.wait().until(lambda d: d.find_element(By.ID, "answer").text)
    shot(visitor, "2-accepted")
    visitor.check_console()

    assert visitor.find("#answer").text.startswith("202 Thank you.")
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.locale) == ("chytach@example.org", "uk")
    assert subscription.state == Subscription.State.PENDING

    run_worker()
    [message] = mail.outbox
    link = re.search(rf"{re.escape(live_server.url)}/newsletter/confirm\?\S+", message.body)
    driver.get(link.group(0))
    visitor.wait().until(lambda d: d.find_element(By.CSS_SELECTOR, "#newsletter-action button"))
    shot(visitor, "3-confirm-page")
    visitor.check_console()

    assert driver.find_element(By.TAG_NAME, "h1").text == "Підтвердьте підписку на розсилку"
    assert Subscription.objects.get().state == Subscription.State.PENDING

    visitor.find("#newsletter-action button").click()
    visitor.wait().until(lambda d: d.find_element(By.ID, "newsletter-answer").text)
    shot(visitor, "4-confirmed")
    visitor.check_console()

    assert visitor.find("#newsletter-answer").text == "Дякуємо: вашу підписку підтверджено."
    assert not driver.find_element(By.ID, "newsletter-action").is_displayed()
    assert Subscription.objects.get().state == Subscription.State.CONFIRMED
