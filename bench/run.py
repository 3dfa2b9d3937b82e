"""Benchmark the public API side by side with its references, in one run.

    make bench            # or: .venv/bin/python bench/run.py --duration 5

For each endpoint (partner listing with fields=*, a partner detail, find/, site/) it measures
requests per second and p50/p99 latency with wrk against:

* this CMS with the response cache off ("cold") and on ("warm": hits answered by the response
  cache's middleware, cms/api/cache.py, inside Django),
* stock Wagtail API v2 (PagesAPIViewSet) over the same data,
* a bare WSGI app returning the same bytes under the same gunicorn (Python's floor),
* nginx serving the same bytes as static files (the machine's ceiling),
* Varnish (deploy/varnish/default.vcl) in front of this CMS, serving its cached copies.

gunicorn runs 2 workers on 127.0.0.1. Figures are reported as ratios against the references
measured in the same run, because the machine is shared and noisy. Results: bench/results.md;
a run rewrites it above its "## Notes" heading and keeps what is written below it.
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deploy.native_stack import (  # noqa: E402
    varnish_command,
    wait_for_port,
    write_vcl,
    xkey_vmod_installed,
)

OUT = ROOT / "bench" / "out"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")

ENDPOINTS = {
    "listing (fields=*)": "/api/v2/pages/?type=partners.PartnerPage&fields=*&limit=20",
    "detail": "/api/v2/pages/{detail_id}/",
    "find/": "/api/v2/pages/find/?html_path=/en/partners/city-of-dresden/",
    "site/": "/api/v2/site/?locale=en",
}
STOCK_ENDPOINTS = {
    "listing (fields=*)": "/stock/api/v2/pages/?type=partners.PartnerPage&fields=*&limit=20",
    "detail": "/stock/api/v2/pages/{detail_id}/",
    "find/": "/stock/api/v2/pages/find/?html_path=/en/partners/city-of-dresden/",
}


def ensure_tools():
    missing = [
        tool for tool in ("wrk", "nginx", "varnishd") if not shutil.which(tool, path=_path())
    ]
    if not xkey_vmod_installed():
        missing.append("xkey vmod")  # default.vcl imports it
    if missing:
        packages = {
            "wrk": "wrk",
            "nginx": "nginx-light",
            "varnishd": "varnish",
            "xkey vmod": "varnish-modules",
        }
        print(f"Installing {', '.join(missing)} from Debian's packages …")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "update", "-qq"], check=False, env=env)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", *(packages[t] for t in missing)],
            check=True,
            env=env,
        )
        # Debian's post-install may start the packaged nginx and varnish as system services.
        # They are not the benchmark's to stop: it runs its own on ports of its own beside them
        # and stops only the processes it started, by their ids (server()).


def _path():
    return os.environ.get("PATH", "") + ":/usr/sbin:/sbin"


def django_env(database_url: str, cache_enabled: bool) -> dict:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": database_url,
        "API_CACHE_ENABLED": "1" if cache_enabled else "0",
        "PYTHONPATH": str(ROOT),
    }
    return env


def prepare_database(database_url: str):
    env = django_env(database_url, cache_enabled=False)
    manage = [PYTHON, "manage.py"]
    subprocess.run([*manage, "migrate", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "load_demo"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    code = "from bench.seed import seed_team_members; print(seed_team_members())"
    subprocess.run([*manage, "shell", "-c", code], cwd=ROOT, env=env, check=True)


@contextmanager
def server(command: list[str], env: dict, port: int):
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        wait_for_port(port, process)
        yield process
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def gunicorn(app: str, port: int, env: dict):
    return server(
        [GUNICORN, app, "--workers", "2", "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
        env,
        port,
    )


def varnish(port: int, backend_port: int):
    """Varnish with the project's VCL in front of the gunicorn on ``backend_port``."""
    vcl_dir = write_vcl(OUT / "varnish-vcl", backend_port)
    return server(varnish_command(vcl_dir, OUT / "varnish", port), os.environ, port)


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(port: int, path: str) -> tuple[int, bytes]:
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(f"http://127.0.0.1:{port}{path}", timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


WRK_RPS = re.compile(r"Requests/sec:\s+([\d.]+)")
WRK_LATENCY = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(port: int, path: str, duration: int, connections: int) -> str:
    return subprocess.run(
        [
            "wrk",
            "-t1",
            f"-c{connections}",
            f"-d{duration}s",
            "--latency",
            f"http://127.0.0.1:{port}{path}",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=duration + 30,
    ).stdout


WARM_UP_SECONDS = 1


def load(port: int, path: str, duration: int, connections: int) -> dict:
    # An unrecorded second first, so that every server process has answered this request
    # before the clock runs (a worker's first request pays for lazy set-up, which otherwise
    # lands in one cell's p99 and not in another's).
    wrk(port, path, WARM_UP_SECONDS, connections)
    output = wrk(port, path, duration, connections)
    rps = float(WRK_RPS.search(output).group(1))
    latency = {
        pct: float(value) * UNIT_MS[unit] for pct, value, unit in WRK_LATENCY.findall(output)
    }
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    return {
        "rps": rps,
        "p50": latency.get("50"),
        "p99": latency.get("99"),
        "errors": int(non_2xx.group(1)) if non_2xx else 0,
    }


ROUNDS = 3


def median_round(rounds: list[dict]) -> dict:
    """The round with the median requests per second (its latencies come with it)."""
    ordered = sorted(rounds, key=lambda result: result["rps"])
    median = dict(ordered[len(ordered) // 2])
    median["errors"] = sum(result["errors"] for result in rounds)
    return median


def nginx_config(port: int, root: Path) -> Path:
    config = OUT / "nginx.conf"
    # In the foreground (daemon off), so that server() holds the master's process id and stops
    # it and its workers; its pid file and logs stay in bench/out/, apart from any system nginx.
    config.write_text(
        f"""
daemon off;
worker_processes 2;
pid {OUT / "nginx.pid"};
error_log {OUT / "nginx-error.log"} warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    default_type application/json;
    sendfile on;
    keepalive_requests 100000;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        location / {{ try_files $uri =404; }}
    }}
}}
"""
    )
    return config


def nginx_server(port: int, root: Path):
    """nginx serving the files under ``root`` on ``port``, stopped by its process id on exit."""
    config = nginx_config(port, root)
    nginx = shutil.which("nginx", path=_path())
    # -e: the error log from the first moment, before the configuration names it.
    command = [nginx, "-c", str(config), "-e", str(OUT / "nginx-error.log")]
    subprocess.run([*command, "-t"], check=True, capture_output=True)
    return server(command, os.environ, port)


def count_queries(database_url: str, paths: dict) -> dict:
    """SQL queries per request, measured in-process with Django's test client (cache off)."""
    code = f"""
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST="127.0.0.1")
result = {{}}
for name, path in {json.dumps(paths)}.items():
    client.get(path)  # warm Wagtail's site and content-type caches
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    result[name] = len(queries)
print(json.dumps(result))
"""
    env = django_env(database_url, cache_enabled=False)
    output = subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds per measurement")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--port", type=int, default=8701)
    arguments = parser.parse_args()

    ensure_tools()
    OUT.mkdir(parents=True, exist_ok=True)
    database = OUT / "bench.sqlite3"
    database.unlink(missing_ok=True)
    database_url = os.environ.get("BENCH_DATABASE_URL", f"sqlite:///{database}")
    print("Preparing the demo data set …")
    prepare_database(database_url)

    port = arguments.port
    rows = {}
    cold_env = django_env(database_url, cache_enabled=False)
    warm_env = django_env(database_url, cache_enabled=True)

    with gunicorn("cms.wsgi:application", port, cold_env):
        status, body = fetch(port, ENDPOINTS["find/"])
        location_id = re.search(rb"/pages/(\d+)/", body or b"")
        detail_id = None
        if status == 302:
            opener_status, detail = fetch(
                port, "/api/v2/pages/?type=partners.PartnerPage&slug=city-of-dresden"
            )
            detail_id = json.loads(detail)["items"][0]["id"]
        elif location_id:
            detail_id = int(location_id.group(1))
        endpoints = {name: path.format(detail_id=detail_id) for name, path in ENDPOINTS.items()}
        stock = {name: path.format(detail_id=detail_id) for name, path in STOCK_ENDPOINTS.items()}

        # The exact bytes each endpoint returns, for the bare WSGI app and nginx.
        files_root = OUT / "static"
        shutil.rmtree(files_root, ignore_errors=True)
        manifest = {}
        for number, (name, path) in enumerate(endpoints.items()):
            status, body = fetch(port, path)
            file = files_root / f"endpoint-{number}.json"
            file.parent.mkdir(parents=True, exist_ok=True)
            file.write_bytes(body)
            manifest[f"/static-{number}"] = str(file)
            rows[name] = {
                "path": path,
                "bytes": len(body),
                "static": f"/endpoint-{number}.json",
                "bare": f"/static-{number}",
                "status": status,
            }

        # Cold and stock alternate, ROUNDS times per endpoint, and each keeps its median
        # round: the two are compared with each other, and a busy moment on the shared
        # machine should not fall on one of them only.
        print(f"Measuring this CMS with the cache cold, and stock Wagtail v2, {ROUNDS} rounds …")
        for name, path in endpoints.items():
            cold_rounds, stock_rounds = [], []
            for _round in range(ROUNDS):
                cold_rounds.append(load(port, path, arguments.duration, arguments.connections))
                if name in stock:
                    stock_rounds.append(
                        load(port, stock[name], arguments.duration, arguments.connections)
                    )
            rows[name]["cold"] = median_round(cold_rounds)
            if stock_rounds:
                rows[name]["stock"] = median_round(stock_rounds)

    with gunicorn("cms.wsgi:application", port, warm_env):
        print("Measuring this CMS, cache warm …")
        for name, path in endpoints.items():
            fetch(port, path)
            fetch(port, path)
            rows[name]["warm"] = load(port, path, arguments.duration, arguments.connections)
        with varnish(port + 1, port):
            print("Measuring Varnish in front of this CMS …")
            for name, path in endpoints.items():
                fetch(port + 1, path)  # the first request fills Varnish's cache
                rows[name]["varnish"] = load(
                    port + 1, path, arguments.duration, arguments.connections
                )

    manifest_file = OUT / "manifest.json"
    manifest_file.write_text(json.dumps(manifest))
    bare_env = {**os.environ, "BENCH_MANIFEST": str(manifest_file), "PYTHONPATH": str(ROOT)}
    with gunicorn("bench.bare_wsgi:application", port, bare_env):
        print("Measuring the bare WSGI app …")
        for row in rows.values():
            row["bare_wsgi"] = load(port, row["bare"], arguments.duration, arguments.connections)

    with nginx_server(port, files_root):
        print("Measuring nginx serving the same bytes …")
        for row in rows.values():
            row["nginx"] = load(port, row["static"], arguments.duration, arguments.connections)

    queries = {
        "this CMS": count_queries(database_url, endpoints),
        "stock v2": count_queries(database_url, stock),
    }
    report = render(rows, queries, arguments)
    results = ROOT / "bench" / "results.md"
    notes = kept_notes(results)
    results.write_text(report + notes)
    print(report)


NOTES_HEADING = "## Notes"


def kept_notes(results: Path) -> str:
    """The written part of ``results``, from its notes heading on, for the next run to keep."""
    text = results.read_text() if results.exists() else ""
    start = text.find("\n" + NOTES_HEADING + "\n")
    return text[start:] if start >= 0 else ""


def render(rows: dict, queries: dict, arguments) -> str:
    def cell(result):
        if not result:
            return "—"
        return f"{result['rps']:,.0f} /s · p50 {result['p50']:.1f} ms · p99 {result['p99']:.1f} ms"

    lines = [
        "# API benchmark",
        "",
        f"wrk, 1 thread, {arguments.connections} connections, {arguments.duration} s per cell "
        f"after an unrecorded {WARM_UP_SECONDS} s warm-up "
        f"(cold and stock: the median of {ROUNDS} alternating rounds); "
        "gunicorn with 2 sync workers on 127.0.0.1; SQLite demo data (19 partners, 8 team "
        "members each). Produced by `make bench`; the machine is shared, so compare ratios "
        "within one run rather than figures across runs.",
        "",
        "| endpoint | this CMS, cold | this CMS, warm | Varnish in front, cached "
        "| stock Wagtail v2 | bare WSGI, same bytes | nginx, same bytes |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, row in rows.items():
        lines.append(
            f"| {name} | {cell(row.get('cold'))} | {cell(row.get('warm'))} | "
            f"{cell(row.get('varnish'))} | {cell(row.get('stock'))} | "
            f"{cell(row.get('bare_wsgi'))} | {cell(row.get('nginx'))} |"
        )
    lines += [
        "",
        "| endpoint | cold ÷ stock | warm ÷ bare WSGI | warm ÷ nginx | Varnish ÷ nginx "
        "| SQL queries (this CMS / stock) | response bytes |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, row in rows.items():
        stock = row.get("stock")
        cold_vs_stock = f"{row['cold']['rps'] / stock['rps']:.1f}×" if stock else "—"
        warm_vs_bare = f"{row['warm']['rps'] / row['bare_wsgi']['rps']:.2f}"
        warm_vs_nginx = f"{row['warm']['rps'] / row['nginx']['rps']:.2f}"
        varnish_vs_nginx = f"{row['varnish']['rps'] / row['nginx']['rps']:.2f}"
        ours = queries["this CMS"].get(name, "—")
        theirs = queries["stock v2"].get(name, "—")
        lines.append(
            f"| {name} | {cold_vs_stock} | {warm_vs_bare} | {warm_vs_nginx} | {varnish_vs_nginx} "
            f"| {ours} / {theirs} "
            f"| {row['bytes']:,} |"
        )
    errors = {
        f"{name} ({kind})": row[kind]["errors"]
        for name, row in rows.items()
        for kind in ("cold", "warm", "varnish", "stock", "bare_wsgi", "nginx")
        if row.get(kind) and row[kind]["errors"]
    }
    lines += ["", f"Non-2xx/3xx responses during the run: {errors or 'none'}.", ""]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
