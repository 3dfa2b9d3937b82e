"""Every admin URL and bulk action, for every role, against every kind of object.

The URLs come from Django's resolver, the bulk actions from Wagtail's hook registry and the
admin API's page actions from its viewset (``admin_urls.py``), so a view that a Wagtail
release adds is walked without editing this test. Each URL is requested with GET; every form
the page shows is submitted with each of its buttons; and the URL is posted to directly, as a
script would. After each request the site's state is compared with the state before it
(``fingerprint.py``), and every change the role may not make (``rules.py``) is reported.
"""

import pytest
from django.db import transaction

from .admin_urls import admin_url_patterns, bulk_action_urls, fill
from .fingerprint import changes, fingerprint
from .forms import post_submissions
from .rules import may_change
from .world import ROLES, build_world, log_in

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

TARGETS = [
    "no object",
    "english page",
    "ukrainian page",
    "english site content",
    "ukrainian site content",
    "image",
]


def urls_to_walk(target_name, world):
    patterns = admin_url_patterns()
    if target_name == "no object":
        return [f"/{pattern.route}" for pattern in patterns if not pattern.parameters]
    target = world.targets()[target_name]
    urls = []
    for pattern in patterns:
        if pattern.parameters:
            urls.extend(fill(pattern, target, world))
    return urls + bulk_action_urls(target)


def direct_post_data(world, target_name):
    """What a script would send without reading the form: enough for one-click actions."""
    target = world.targets().get(target_name)
    destination = world.other_language_index(target) if target else world.english_index
    return {
        "destination_page_id": destination.pk,
        "restriction_type": "login",
        "position": "0",
        "include_descendants": "on",
    }


class Walk:
    def __init__(self, client, role):
        self.client = client
        self.role = role
        self.state = fingerprint()
        self.violations = []
        self.submitted = set()
        self.requests = 0

    def request(self, method, url, data=None):
        self.requests += 1
        if method == "get":
            return self.client.get(url)
        # A change the role may not make is reported and undone, so the walk goes on over
        # the same site and every path that makes one is found.
        with transaction.atomic():
            response = self.client.post(url, data or {})
            if not self.check(f"POST {url}"):
                transaction.set_rollback(True)
        return response

    def check(self, what) -> bool:
        state = fingerprint()
        forbidden = [
            f"{what}: {key} {old!r} → {new!r}"
            for key, (old, new) in changes(self.state, state).items()
            if not may_change(self.role, key, self.state, state)
        ]
        self.violations.extend(forbidden)
        if not forbidden:
            self.state = state
        return not forbidden

    def submit_forms(self, url, response):
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            return
        for action, data in post_submissions(response.content.decode(), url):
            signature = (action, tuple(sorted(data)))
            if signature in self.submitted:
                continue  # the same form on another page (menus, search)
            self.submitted.add(signature)
            self.request("post", action, data)


@pytest.mark.parametrize("role", ROLES)
def test_a_role_changes_only_what_it_may(client, django_user_model, role):
    client.raise_request_exception = False
    world = build_world()
    log_in(client, django_user_model, role)
    walk = Walk(client, role)

    for target_name in TARGETS:
        # Each object starts from the same site: what one walk changed is rolled back.
        with transaction.atomic():
            walk.state = fingerprint()
            post_data = direct_post_data(world, target_name)
            for url in urls_to_walk(target_name, world):
                response = walk.request("get", url)
                if response.status_code == 404:
                    continue  # the pattern does not apply to this object
                walk.submit_forms(url, response)
                walk.request("post", url, post_data)
            transaction.set_rollback(True)

    assert walk.requests > 0
    if role != "anonymous":
        assert "_auth_user_id" in client.session, "the walk signed the person out"
    assert not walk.violations, "\n".join(
        [f"{role} changed what they may not ({len(walk.violations)}):", *walk.violations]
    )
