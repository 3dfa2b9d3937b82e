"""The admin calls no outside service by default: no Gravatar, no release check.

And the account page offers only time zones a browser knows: the system's zone database also
lists "localtime", on which the page's script fails with a RangeError.
"""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_avatars_are_not_fetched_from_gravatar(admin_client, admin_user):
    assert admin_user.email  # Gravatar is asked for users with an email address
    for path in ("/admin/", "/admin/account/", "/admin/users/"):
        html = admin_client.get(path).content.decode()
        assert "gravatar" not in html.lower(), path
    # The sidebar's avatar is the admin's own default image.
    assert "wagtailadmin/images/default-user-avatar" in admin_client.get("/admin/").content.decode()


def test_the_dashboard_does_not_check_for_wagtail_releases(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "w-upgrade" not in html
    assert "releases.wagtail.io" not in html


def test_the_account_page_offers_only_time_zones_a_browser_knows(admin_client):
    response = admin_client.get("/admin/account/")
    assert response.status_code == 200
    select = re.search(
        r'<select name="locale-current_time_zone".*?</select>', response.content.decode(), re.S
    )
    assert select, "no time-zone choice on the account page"
    zones = re.findall(r'<option value="([^"]*)"', select.group(0))
    assert "localtime" not in zones
    assert {"Europe/Kyiv", "Europe/Berlin", "UTC"} <= set(zones)
    assert all(zone == "" or zone == "UTC" or "/" in zone for zone in zones)
