"""The benchmark and the project's scripts end only processes they started, by their ids.

``make bench`` installs nginx from Debian's packages, whose post-install may start a system
nginx; the benchmark once ended every process named nginx on the machine to free port 80.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

from bench import run

ROOT = Path(__file__).resolve().parents[2]
BY_NAME = re.compile(r"\b(pkill|killall|killall5)\b")
SCRIPTS = ["bench", "deploy", "tests", ".ci", "Makefile", "Dockerfile", "docker-compose.yml"]


def test_installing_the_benchmark_tools_ends_no_process(monkeypatch):
    commands = []

    def record(command, *args, **kwargs):
        commands.append(list(command))
        return subprocess.CompletedProcess(command, 0)

    monkeypatch.setattr(run.shutil, "which", lambda *args, **kwargs: None)
    monkeypatch.setattr(run.subprocess, "run", record)
    run.ensure_tools()
    assert commands, "nothing was installed"
    assert {Path(command[0]).name for command in commands} == {"apt-get"}


FAKE_NGINX = """\
#!{python}
# Stands in for nginx: answers on the port its configuration names until it is stopped.
import http.server, re, sys
config = open(sys.argv[sys.argv.index("-c") + 1]).read()
if "-t" in sys.argv:
    sys.exit(0)
assert "daemon off;" in config, "nginx would fork away from the process the benchmark holds"
port = int(re.search(r"listen 127.0.0.1:(\\d+);", config).group(1))
http.server.HTTPServer(("127.0.0.1", port), http.server.SimpleHTTPRequestHandler).serve_forever()
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture
def someone_elses_nginx(tmp_path):
    """A process named nginx that the benchmark did not start."""
    decoy = tmp_path / "other" / "nginx"
    decoy.parent.mkdir()
    shutil.copy("/bin/sleep", decoy)
    process = subprocess.Popen([str(decoy), "300"])  # noqa: S603 - a copy of sleep
    yield process
    process.send_signal(signal.SIGTERM)
    process.wait(timeout=10)


def test_the_benchmarks_nginx_is_stopped_by_its_id_and_no_other_nginx(
    tmp_path, monkeypatch, someone_elses_nginx
):
    tools = tmp_path / "bin"
    tools.mkdir()
    fake = tools / "nginx"
    fake.write_text(FAKE_NGINX.format(python=sys.executable))
    fake.chmod(0o755)
    monkeypatch.setattr(run, "OUT", tmp_path / "out")
    (tmp_path / "out").mkdir()
    monkeypatch.setattr(run, "_path", lambda: str(tools))
    (tmp_path / "files").mkdir()

    port = free_port()
    with run.nginx_server(port, tmp_path / "files") as nginx:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as response:
            assert response.status == 200
        assert alive(nginx.pid)
    assert nginx.poll() is not None, "the benchmark's nginx was left running"
    assert someone_elses_nginx.poll() is None, "the benchmark ended an nginx it did not start"


def test_no_script_ends_processes_by_name():
    this_file = Path(__file__).resolve()
    offenders = []
    for entry in SCRIPTS:
        path = ROOT / entry
        files = [path] if path.is_file() else sorted(path.rglob("*"))
        for file in files:
            if not file.is_file() or file.resolve() == this_file or "__pycache__" in file.parts:
                continue
            text = file.read_text(encoding="utf-8", errors="ignore")
            offenders += [
                f"{file.relative_to(ROOT)}:{number}: {line.strip()}"
                for number, line in enumerate(text.splitlines(), 1)
                if BY_NAME.search(line)
            ]
    assert offenders == [], "\n".join(offenders)
