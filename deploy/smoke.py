"""Smoke test of the production stack run natively: PostgreSQL, Redis, gunicorn, worker, Varnish.

    .venv/bin/python deploy/smoke.py --database-url postgres://postgres@127.0.0.1:5432/ucan_smoke \\
        --redis-url redis://127.0.0.1:6379/12

Creates the database (dropping an earlier one of that name), migrates it, loads the demo, starts
the stack of ``deploy/native_stack.py`` and checks, through the caching proxy: the admin's login
page, the API's listing, detail, find/ and site/, that the proxy caches the API, and that a
publish reaches the next request. Exits non-zero with what failed. CI runs it.
"""

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import psycopg
import redis

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from deploy.native_stack import running_stack  # noqa: E402


def recreate_database(url: str):
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(url: str):
    parts = urlsplit(url)
    maintenance = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{parts.path.lstrip("/")}" WITH (FORCE)')


def check(condition: bool, what: str):
    print(("ok    " if condition else "FAIL  ") + what)
    if not condition:
        raise SystemExit(f"smoke test failed: {what}")


def smoke(stack):
    login = stack.get("/admin/login/")
    check(login.status == 200 and b"password" in login.body, "admin login page through the proxy")

    site = stack.get("/api/v2/site/?locale=en")
    check(site.status == 200 and site.json()["project_name"] == "U_CAN", "site/ through the proxy")

    listing_url = "/api/v2/pages/?type=partners.PartnerPage&fields=*&locale=en"
    listing = stack.get(listing_url)
    check(listing.status == 200 and listing.json()["meta"]["total_count"] == 19, "19 partners")
    check(stack.get(listing_url).headers.get("X-Cache") == "HIT", "the proxy caches the listing")

    found = stack.get("/api/v2/pages/find/?html_path=/uk/partners/city-of-dresden/")
    check(found.status == 302, "find/ redirects to the Ukrainian page")
    detail_url = urlsplit(found.headers["Location"]).path
    detail = stack.get(detail_url)
    check(detail.status == 200 and detail.json()["meta"]["locale"] == "uk", "the Ukrainian detail")

    english_id = stack.shell(
        "from partners.models import PartnerPage; print(PartnerPage.objects.get("
        "slug='city-of-dresden', locale__language_code='en').pk)"
    )
    english = f"/api/v2/pages/{english_id}/"
    stack.get(english)
    check(stack.get(english).headers.get("X-Cache") == "HIT", "the proxy caches the detail")
    stack.shell(
        "from partners.models import PartnerPage; page = PartnerPage.objects.get("
        "slug='city-of-dresden', locale__language_code='en'); "
        "page.title = 'City of Dresden (smoke test)'; page.save_revision().publish()"
    )
    stack.wait_for_background_work()
    after = stack.get(english)
    check(
        # A HIT when the worker has already fetched it again after the purge (API_CACHE_WARM).
        after.json()["title"].endswith("(smoke test)"),
        "a publish is visible through the proxy on the next request",
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True, help="A PostgreSQL database to create.")
    parser.add_argument("--redis-url", required=True, help="A Redis database it may flush.")
    options = parser.parse_args()

    recreate_database(options.database_url)
    redis.Redis.from_url(options.redis_url).flushdb()
    try:
        with tempfile.TemporaryDirectory(prefix="ucan-stack-") as workdir:
            with running_stack(Path(workdir), options.database_url, options.redis_url) as stack:
                smoke(stack)
    finally:
        drop_database(options.database_url)
    print("The native stack works.")


if __name__ == "__main__":
    main()
