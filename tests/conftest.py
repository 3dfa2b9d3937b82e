"""Fixtures shared by the whole suite: a minimal English site, an image and users.

Wagtail's migrations (which the test database runs) provide the root page, a "Welcome" page
with the default site, the Editors and Moderators groups and the default workflow;
``home/0002_content_locales`` adds the Ukrainian locale.
"""

import logging

import pytest
from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.transaction import Atomic

from tests.home.factories import ImageFactory, english_site
from tests.partners.factories import PartnerIndexPageFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached API responses."""
    cache.clear()
    yield
    cache.clear()


def _only_the_tests_transaction_is_open(connection) -> bool:
    return all(getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def _run_as_if_committed(connection):
    while connection.run_on_commit and _only_the_tests_transaction_is_open(connection):
        _savepoints, callback, robust = connection.run_on_commit.pop(0)
        try:
            callback()
        except Exception:
            if not robust:
                raise
            logging.getLogger("django.db.backends.base").exception("on_commit callback failed")


@pytest.fixture(autouse=True)
def on_commit_callbacks_run_as_in_production(monkeypatch):
    """Run ``transaction.on_commit`` callbacks where production would: at the commit.

    A test runs inside a transaction that is rolled back at its end, so Django would never run
    them. Here the test's own transaction counts as autocommit: a callback runs when the code's
    outermost atomic block exits without error, or at once outside any, as in production.
    (``django_capture_on_commit_callbacks`` then finds nothing left to run.)
    """
    exit_atomic, on_commit = Atomic.__exit__, BaseDatabaseWrapper.on_commit

    def exit_and_commit(self, exc_type, exc_value, traceback):
        suppressed = exit_atomic(self, exc_type, exc_value, traceback)
        connection = connections[self.using or DEFAULT_DB_ALIAS]
        if exc_type is None and connection.in_atomic_block:
            _run_as_if_committed(connection)
        return suppressed

    def on_commit_as_in_production(self, func, robust=False):
        on_commit(self, func, robust)
        if self.in_atomic_block:
            _run_as_if_committed(self)

    monkeypatch.setattr(Atomic, "__exit__", exit_and_commit)
    monkeypatch.setattr(BaseDatabaseWrapper, "on_commit", on_commit_as_in_production)


@pytest.fixture
def home_page(db):
    """The English home page, made the default site's root (Wagtail's welcome page removed)."""
    return english_site()


@pytest.fixture
def partner_index(home_page):
    """The English partner index, /en/partners/."""
    return PartnerIndexPageFactory(parent=home_page)


@pytest.fixture
def image(db):
    return ImageFactory(title="Logo")


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        username="admin", email="admin@example.com", password="password"
    )


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client
