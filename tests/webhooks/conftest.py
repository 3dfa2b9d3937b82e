import pytest

from tests.conftest import run_worker  # noqa: F401 - tests/newsletter imports it from here
from tests.webhooks.receiver import Receiver


@pytest.fixture
def receiver():
    running = Receiver()
    yield running
    running.stop()
