import pytest
from django.core.management import call_command

from tests.webhooks.receiver import Receiver


@pytest.fixture
def receiver():
    running = Receiver()
    yield running
    running.stop()


@pytest.fixture
def run_worker():
    """Work through the background queue the way `manage.py db_worker` does, then return."""

    def run():
        call_command(
            "db_worker", "--batch", "--backend", "background", "--no-startup-delay", verbosity=0
        )

    return run
