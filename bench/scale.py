"""Does the API stay as fast at 2,000 partners as at 20? Queries and latency, side by side.

    make bench-scale      # or: .venv/bin/python bench/scale.py [--rebuild] [--requests 40]
    make bench-scale BENCH_ARGS=--postgres=postgres://postgres@127.0.0.1:5432

Builds two SQLite sites (kept in bench/out/ for the next run; --rebuild makes them again): the
demo (19 partners, each given 8 team members) topped up by ``generate_scale`` to 20 and to 2,000
partners, the generated ones with 8 team members and a Ukrainian translation each. Then, with
the response cache off, it asks each site for the same requests in-process (production
settings, the Django test client: no network, so the figures are the CMS's own cost), counts
their SQL queries and times them. Sizes are measured alternately, in two rounds, and the
better median kept, because the machine is shared. The bar: the same number of queries, and
at most 1.5× the small site's median latency. Results: bench/results-scale.md.

With ``--postgres SERVER_URL`` the two sites are PostgreSQL databases on that server
(``ucan_bench_scale_20`` and ``_2000``, kept like the SQLite files) and the results go to
bench/results-scale-postgres.md; the build time of each site is reported with its pages/s.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
PYTHON = str(ROOT / ".venv" / "bin" / "python")
DEMO_PARTNERS = 19
SIZES = (20, 2000)
TEAM = 8
BAR = 1.5


class Site:
    """One site of the comparison: a SQLite file in bench/out/ or a PostgreSQL database."""

    def __init__(self, size: int, postgres: str | None):
        self.size = size
        self.name = f"scale-{size}-team{TEAM}"
        self.postgres = postgres.rstrip("/") if postgres else None
        self.database = f"ucan_bench_scale_{size}_team{TEAM}"
        self.sqlite = OUT / f"{self.name}.sqlite3"

    @property
    def url(self) -> str:
        if self.postgres:
            return f"{self.postgres}/{self.database}"
        return f"sqlite:///{self.sqlite}"

    def _server(self, sql: str | None = None, *args):
        import psycopg

        with psycopg.connect(f"{self.postgres}/postgres", autocommit=True) as connection:
            if sql is None:
                found = connection.execute(
                    "SELECT 1 FROM pg_database WHERE datname = %s", [self.database]
                ).fetchone()
                return found is not None
            connection.execute(sql)

    def exists(self) -> bool:
        return self._server() if self.postgres else self.sqlite.exists()

    def drop(self):
        if self.postgres:
            self._server(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            self._server(f'CREATE DATABASE "{self.database}"')
        else:
            self.sqlite.unlink(missing_ok=True)


def site_env(site: Site) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "DATABASE_URL": site.url,
        "API_CACHE_ENABLED": "0",
        "MEDIA_ROOT": str(OUT / f"{site.name}-media"),
        "PYTHONPATH": str(ROOT),
        "LOG_FORMAT": "text",
    }


def build(site: Site, rebuild: bool) -> float | None:
    """Build the site unless it is there; the seconds generate_scale took, if it ran."""
    if site.exists() and not rebuild:
        return None
    site.drop()
    size = site.size
    env = site_env(site)
    manage = [PYTHON, "manage.py"]
    started = time.monotonic()
    print(f"Building the {size}-partner site …", flush=True)
    subprocess.run([*manage, "migrate", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "load_demo"], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    seed = "from bench.seed import seed_team_members; seed_team_members()"
    subprocess.run([*manage, "shell", "--no-imports", "-c", seed], cwd=ROOT, env=env, check=True)
    generated = str(size - DEMO_PARTNERS)
    generating = time.monotonic()
    subprocess.run(
        [*manage, "generate_scale", "--partners", generated, "--team", str(TEAM)],
        cwd=ROOT,
        env=env,
        check=True,
    )
    generate_seconds = time.monotonic() - generating
    if site.postgres:
        # The planner's statistics, as autovacuum keeps them in a database in service; without
        # them PostgreSQL plans for the empty tables it saw last and measures a site nobody runs.
        analyze = "from django.db import connection; connection.cursor().execute('ANALYZE')"
        subprocess.run(
            [*manage, "shell", "--no-imports", "-c", analyze], cwd=ROOT, env=env, check=True
        )
    print(f"  built in {time.monotonic() - started:.0f} s", flush=True)
    return generate_seconds


# --- Measuring, inside a process configured for one site -------------------------------------


def requests_for_this_site() -> dict:
    from demo.scale import SLUG_PREFIX
    from partners.models import PartnerPage

    english = PartnerPage.objects.filter(locale__language_code="en", live=True)
    total = english.count()
    generated = english.filter(slug__startswith=SLUG_PREFIX).order_by("path")
    middle = generated[generated.count() // 2]
    ukrainian = middle.get_translation(middle.locale.__class__.objects.get(language_code="uk"))
    listing = "/api/v2/pages/?type=partners.PartnerPage&fields=*&limit=20"
    return {
        "total_partners": total,
        "requests": {
            "listing, first page (en)": f"{listing}&locale=en",
            "listing, middle page (en)": f"{listing}&locale=en&offset={(total // 2) // 20 * 20}",
            # Five: the small site has only seven Ukrainian partners (the demo translates six).
            "listing, first 5 (uk)": f"{listing.replace('limit=20', 'limit=5')}&locale=uk",
            "detail (en)": f"/api/v2/pages/{middle.pk}/",
            "detail (uk)": f"/api/v2/pages/{ukrainian.pk}/",
            "find/ (en)": f"/api/v2/pages/find/?html_path=/en/partners/{middle.slug}/",
            "find/ (uk)": f"/api/v2/pages/find/?html_path=/uk/partners/{middle.slug}/",
            "site/ (uk)": "/api/v2/site/?locale=uk",
        },
    }


def measure_this_site(count: int) -> dict:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    plan = requests_for_this_site()
    results = {}
    for name, url in plan["requests"].items():
        for _ in range(3):  # renditions, Wagtail's site cache, Python's own warm-up
            response = client.get(url)
            assert response.status_code in (200, 302), (url, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        # Read now: the next request's request_started signal empties the query log.
        query_count = len(queries.captured_queries)
        timings = []
        for _ in range(count):
            started = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        results[name] = {
            "queries": query_count,
            "median_ms": statistics.median(timings),
            "p90_ms": timings[int(len(timings) * 0.9) - 1],
        }
    return {"total_partners": plan["total_partners"], "results": results}


# --- Driving ----------------------------------------------------------------------------------


def measure(site: Site, count: int) -> dict:
    output = subprocess.run(
        [PYTHON, __file__, "--measure", "--requests", str(count)],
        cwd=ROOT,
        env=site_env(site),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def best_of(rounds: list[dict]) -> dict:
    best = {"total_partners": rounds[0]["total_partners"], "results": {}}
    for name in rounds[0]["results"]:
        best["results"][name] = min(
            (r["results"][name] for r in rounds), key=lambda x: x["median_ms"]
        )
    return best


def table(small: dict, large: dict, count: int, engine: str, builds: dict) -> str:
    lines = [
        "# API at scale",
        "",
        f"{small['total_partners']} vs {large['total_partners']} partner pages (19 from the demo, "
        f"the rest from `generate_scale`; {TEAM} team members each, the generated ones with a "
        f"Ukrainian translation). Response cache off, production settings, {engine}"
        f"{' (ANALYZE after building)' if engine == 'PostgreSQL' else ''}, in-process "
        f"(Django test client), {count} timed requests per cell after 3 warm-up ones; sizes "
        "measured alternately in two rounds, better median kept. Produced by `make bench-scale`; "
        "the machine is shared, so read the ratios.",
        "",
        f"| request | queries (small / large) | median ms (small / large) | p90 ms (small / large) "
        f"| large ÷ small (median) | within {BAR}× |",
        "|---|---|---|---|---|---|",
    ]
    for name, s in small["results"].items():
        big = large["results"][name]
        ratio = big["median_ms"] / s["median_ms"]
        same = "" if s["queries"] == big["queries"] else " ⚠"
        lines.append(
            f"| {name} | {s['queries']} / {big['queries']}{same} "
            f"| {s['median_ms']:.1f} / {big['median_ms']:.1f} "
            f"| {s['p90_ms']:.1f} / {big['p90_ms']:.1f} | {ratio:.2f}× "
            f"| {'yes' if ratio <= BAR and s['queries'] == big['queries'] else 'no'} |"
        )
    for size, seconds in builds.items():
        if seconds is not None:
            pages = 2 * (size - DEMO_PARTNERS)  # each generated partner and its translation
            lines.append(
                f"\nBuilding the {size}-partner site: `generate_scale` wrote {pages} pages in "
                f"{seconds:.0f} s ({pages / seconds:.1f} pages/s)."
            )
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description="API latency and queries at 20 vs 2,000 partners")
    parser.add_argument("--rebuild", action="store_true", help="Build both sites again.")
    parser.add_argument("--requests", type=int, default=40, help="Timed requests per cell.")
    parser.add_argument(
        "--postgres",
        metavar="SERVER_URL",
        help="Build and measure on this PostgreSQL server (postgres://user@host:port) instead "
        "of SQLite files.",
    )
    parser.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()

    if options.measure:
        sys.path.insert(0, str(ROOT))
        print(json.dumps(measure_this_site(options.requests)))
        return

    OUT.mkdir(parents=True, exist_ok=True)
    sites = [Site(size, options.postgres) for size in SIZES]
    builds = {site.size: build(site, options.rebuild) for site in sites}
    rounds = {size: [] for size in SIZES}
    for _round in range(2):
        for site in sites:
            print(f"Measuring the {site.size}-partner site …", flush=True)
            rounds[site.size].append(measure(site, options.requests))
    engine = "PostgreSQL" if options.postgres else "SQLite"
    report = table(
        best_of(rounds[SIZES[0]]), best_of(rounds[SIZES[1]]), options.requests, engine, builds
    )
    results = "results-scale-postgres.md" if options.postgres else "results-scale.md"
    (ROOT / "bench" / results).write_text(report)
    print(report)


if __name__ == "__main__":
    main()
