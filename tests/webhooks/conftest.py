import pytest
from django.core.management import call_command

from tests.webhooks.receiver import Receiver


@pytest.fixture
def receiver():
    running = Receiver()
    yield running
    running.stop()


@pytest.fixture
def run_worker(monkeypatch):
    """Work through the background queue the way `manage.py db_worker` does, then return."""
    # The worker drops connections that look stale between tasks; inside a test's transaction
    # (autocommit off) that would close the test's own PostgreSQL connection. Django's test
    # runner keeps close_old_connections away from requests for the same reason.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )

    def run():
        call_command(
            "db_worker", "--batch", "--backend", "background", "--no-startup-delay", verbosity=0
        )

    return run
