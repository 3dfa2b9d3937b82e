"""A Redis server of the test's own, and the cache configured on it as in production."""

import os
import shutil
import signal
import socket
import subprocess
import time

import pytest
import redis
from django.core.cache import cache

from cms.settings.caches import redis_cache


def spare_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """``redis-server`` without persistence on a spare port; paused, failed and resumed by pid."""

    def __init__(self, executable, tmp_path):
        self.port = spare_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = subprocess.Popen(  # noqa: S603 - a fixed command line
            [
                executable,
                "--port", str(self.port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--dir", str(tmp_path),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.admin = redis.Redis(port=self.port, socket_timeout=5)
        deadline = time.monotonic() + 10
        while True:
            try:
                self.admin.ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise
                time.sleep(0.05)

    def pause(self):
        os.kill(self.process.pid, signal.SIGSTOP)

    def resume(self):
        os.kill(self.process.pid, signal.SIGCONT)

    def refuse_writes(self):
        """Redis answers, but every write is an error (as with no replica to write to)."""
        self.admin.config_set("min-replicas-to-write", 1)

    def accept_writes(self):
        self.admin.config_set("min-replicas-to-write", 0)

    def keys(self, pattern="*") -> list[str]:
        return [key.decode() for key in self.admin.keys(pattern)]

    def stop(self):
        self.resume()  # a stopped process does not act on SIGTERM
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture
def redis_server(tmp_path):
    executable = shutil.which("redis-server")
    if executable is None:
        pytest.skip("redis-server is not installed")
    server = RedisServer(executable, tmp_path)
    yield server
    server.stop()


@pytest.fixture
def redis_cache_on(redis_server, settings):
    """The default cache on the test's Redis, with the production options."""
    settings.CACHES = {"default": redis_cache(redis_server.url)}
    yield redis_server
    cache.close()
