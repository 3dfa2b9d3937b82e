"""The native stack (deploy/native_stack.py) that the caching tests run as in production."""

import pytest
import redis

from deploy.native_stack import running_stack


@pytest.fixture(scope="module")
def demo_stack(request, tmp_path_factory):
    """The stack with the demo site, on a scratch SQLite file and on Redis at the ``REDIS_URL``
    of the module that asks for it, emptied first. Each module starts its own stack and names a
    Redis database of its own, so that modules running at once on other workers keep apart."""
    redis_url = request.module.REDIS_URL
    workdir = tmp_path_factory.mktemp("demo-stack")
    redis.Redis.from_url(redis_url).flushdb()
    database = f"sqlite:///{workdir / 'stack.sqlite3'}"
    with running_stack(workdir, database, redis_url=redis_url) as running:
        yield running
