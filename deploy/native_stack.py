"""The production stack without containers: gunicorn, the background worker and Varnish.

docker-compose.yml describes the same services; machines without a container engine (CI,
a plain VM) run them natively with this module:

    with running_stack(workdir, database_url="postgres://…", redis_url="redis://…") as stack:
        stack.get("/api/v2/site/")           # through the caching proxy
        stack.manage("shell", "-c", "…")     # manage.py with the stack's environment

It migrates the database, loads the demo content, starts gunicorn (production settings), the
db_worker and varnishd (Debian's varnish and varnish-modules, for the xkey vmod) with
``deploy/varnish/default.vcl``, and stops them
all on the way out. Ports are picked free on 127.0.0.1. Varnish accepts PURGE from the
addresses in ``VARNISH_PURGERS`` (``deploy/varnish/purgers.sh``; loopback when unset), and
listens for the PROXY protocol on a second port, as the varnish image does on 8443.
"""

import http.client
import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from contextlib import ExitStack, closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
VCL = ROOT / "deploy" / "varnish" / "default.vcl"
PURGERS_SCRIPT = ROOT / "deploy" / "varnish" / "purgers.sh"


def varnishd() -> str | None:
    """varnishd, when it is installed with the xkey vmod that default.vcl imports."""
    binary = shutil.which("varnishd", path=os.environ.get("PATH", "") + ":/usr/sbin:/sbin")
    return binary if binary and xkey_vmod_installed() else None


def xkey_vmod_installed() -> bool:
    # Debian's varnish-modules puts it in the multiarch library directory.
    return any(Path("/usr/lib").glob("*/varnish/vmods/libvmod_xkey.so")) or any(
        Path("/usr/lib/varnish/vmods").glob("libvmod_xkey.so")
    )


def write_vcl(vcl_dir: Path, backend_port: int, purgers: str | None = None) -> Path:
    """The project's VCL in ``vcl_dir``, with a backend.vcl naming gunicorn on 127.0.0.1.

    purgers.vcl comes from ``deploy/varnish/purgers.sh``, as in the proxy container, for
    ``purgers`` (the VARNISH_PURGERS format), else for this environment's VARNISH_PURGERS.
    """
    vcl_dir.mkdir(parents=True, exist_ok=True)
    shutil.copy(VCL, vcl_dir / "default.vcl")
    (vcl_dir / "backend.vcl").write_text(
        f'backend default {{ .host = "127.0.0.1"; .port = "{backend_port}"; }}\n'
    )
    env = dict(os.environ)
    if purgers is not None:
        env["VARNISH_PURGERS"] = purgers
    subprocess.run(["sh", str(PURGERS_SCRIPT), str(vcl_dir / "purgers.vcl")], env=env, check=True)
    return vcl_dir


def varnish_command(
    vcl_dir: Path, state_dir: Path, port: int, proxy_protocol_port: int | None = None
) -> list[str]:
    """varnishd with the VCL of ``write_vcl``, listening on 127.0.0.1:``port`` (and for the
    PROXY protocol on ``proxy_protocol_port``)."""
    listeners = ["-a", f"127.0.0.1:{port}"]
    if proxy_protocol_port:
        listeners += ["-a", f"127.0.0.1:{proxy_protocol_port},PROXY"]
    return [
        varnishd(),
        "-F",  # in the foreground, so that stopping the process stops Varnish
        "-j",
        "none",  # no privilege separation: it runs as whoever runs it
        "-n",
        str(state_dir),
        *listeners,
        "-f",
        str(vcl_dir / "default.vcl"),
        "-p",
        f"vcl_path={vcl_dir}",
        "-s",
        "malloc,64m",
    ]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, timeout: float = 60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"nothing answered on port {port} within {timeout} s")


def wait_for_health(port: int, process: subprocess.Popen, timeout: float = 180):
    """Until gunicorn's workers answer /healthz: they load Django after the port is open."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
        try:
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        finally:
            connection.close()
        time.sleep(0.5)
    raise RuntimeError(f"/healthz did not answer on port {port} within {timeout} s")


@dataclass
class Response:
    status: int
    headers: dict
    body: bytes

    def json(self):
        return json.loads(self.body)


@dataclass
class Stack:
    env: dict
    app_port: int
    proxy_port: int
    logs: Path
    proxy_protocol_port: int | None = None

    @property
    def proxy_url(self) -> str:
        return f"http://127.0.0.1:{self.proxy_port}"

    def get(self, path: str, via_proxy: bool = True, headers: dict | None = None) -> Response:
        port = self.proxy_port if via_proxy else self.app_port
        return self.request("GET", path, port=port, headers=headers)

    def request(
        self,
        method: str,
        path: str,
        port: int | None = None,
        headers: dict | None = None,
        source: str = "127.0.0.1",
    ) -> Response:
        """One request, redirects not followed, sent from ``source`` (e.g. 127.0.0.2: all of
        127/8 is loopback, which gives a test a second client address on one machine)."""
        connection = http.client.HTTPConnection(
            "127.0.0.1", port or self.proxy_port, timeout=30, source_address=(source, 0)
        )
        try:
            connection.request(method, path, headers=headers or {})
            response = connection.getresponse()
            return Response(response.status, dict(response.headers), response.read())
        finally:
            connection.close()

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [str(VENV_BIN / "python"), "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr}")
        return result.stdout

    def shell(self, code: str) -> str:
        return self.manage("shell", "--no-imports", "-c", code).strip()

    def wait_for_background_work(self, timeout: float = 30):
        """Until the worker has run every task that is due (purges, notifications)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self._unfinished_tasks() == 0:
                return
            time.sleep(0.2)
        raise RuntimeError(f"background work still waiting after {timeout} s")

    def _unfinished_tasks(self) -> int:
        # Straight to the database: a manage.py process per poll would take seconds.
        # Due: queued without a delay (run_after is then the year 9999) or delayed until now.
        query = (
            "SELECT COUNT(*) FROM django_tasks_database_dbtaskresult WHERE status = 'RUNNING' "
            "OR (status = 'READY' AND (run_after >= '9999-01-01' OR run_after <= {now}))"
        )
        url = urlsplit(self.env["DATABASE_URL"])
        if url.scheme == "sqlite":
            with closing(sqlite3.connect(url.path)) as connection:
                now = time.strftime("'%Y-%m-%d %H:%M:%S'", time.gmtime())
                return connection.execute(query.format(now=now)).fetchone()[0]
        import psycopg

        with psycopg.connect(self.env["DATABASE_URL"]) as connection:
            return connection.execute(query.format(now="now()")).fetchone()[0]


def stack_environment(database_url: str, redis_url: str, proxy_port: int, workdir: Path) -> dict:
    public_url = f"http://127.0.0.1:{proxy_port}"
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "PYTHONPATH": str(ROOT),
        "SECRET_KEY": os.environ.get("SECRET_KEY", "native-stack-only-" + "x" * 40),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "SECURE_SSL_REDIRECT": "0",
        # Everything public goes through the proxy, and the CMS purges it there.
        "WAGTAILAPI_BASE_URL": public_url,
        "WAGTAILADMIN_BASE_URL": public_url,
        "FRONTEND_CACHE_PURGE_URL": public_url,
        "MEDIA_ROOT": str(workdir / "media"),
        # Each stack collects its own static files: stacks started side by side (the test
        # suite's workers) would otherwise write the same files at once and trip each other.
        "STATIC_ROOT": str(workdir / "static"),
        "LOG_LEVEL": "WARNING",
    }


def _start(command: list[str], env: dict, log: Path) -> subprocess.Popen:
    return subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def _stop(process: subprocess.Popen):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@contextmanager
def running_stack(
    workdir: Path,
    database_url: str,
    redis_url: str = "",
    load_demo: bool = True,
    purgers: str | None = None,
    settings: dict | None = None,
) -> Iterator[Stack]:
    """The stack; ``purgers`` as VARNISH_PURGERS, ``settings`` more environment for the CMS."""
    if varnishd() is None:
        raise RuntimeError("varnishd is missing: apt-get install varnish varnish-modules")
    workdir.mkdir(parents=True, exist_ok=True)
    app_port, proxy_port, proxy_protocol_port = free_port(), free_port(), free_port()
    env = {**stack_environment(database_url, redis_url, proxy_port, workdir), **(settings or {})}
    stack = Stack(env, app_port, proxy_port, workdir, proxy_protocol_port)

    stack.manage("migrate", "--no-input", "-v0")
    if load_demo:
        stack.manage("load_demo")
    stack.manage("collectstatic", "--no-input", "-v0")

    vcl_dir = write_vcl(workdir / "vcl", backend_port=app_port, purgers=purgers)
    with ExitStack() as running:
        gunicorn = _start(
            [
                str(VENV_BIN / "gunicorn"),
                "cms.wsgi:application",
                "--workers",
                "2",
                "--bind",
                f"127.0.0.1:{app_port}",
            ],
            env,
            workdir / "gunicorn.log",
        )
        running.callback(_stop, gunicorn)
        worker = _start(
            [
                str(VENV_BIN / "python"),
                "manage.py",
                "db_worker",
                "--backend",
                "background",
                "--queue-name",
                "*",
                "--interval",
                "0.2",
                "--no-startup-delay",
            ],
            env,
            workdir / "worker.log",
        )
        running.callback(_stop, worker)
        proxy = _start(
            varnish_command(vcl_dir, workdir / "varnish", proxy_port, proxy_protocol_port),
            env,
            workdir / "varnish.log",
        )
        running.callback(_stop, proxy)
        wait_for_health(app_port, gunicorn)
        wait_for_port(proxy_port, proxy)
        # The demo's publishes left purges and cache warming queued: a test that started
        # before they ran would see its freshly cached response purged under it.
        stack.wait_for_background_work(timeout=180)
        yield stack
