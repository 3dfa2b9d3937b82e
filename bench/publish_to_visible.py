"""Publish to visible: how long after an editor's publish every affected URL shows the change
through Varnish, beside the webhook's delivery time.

    make bench-publish          # or: .venv/bin/python bench/publish_to_visible.py --publishes 20

Runs the production stack natively (deploy/native_stack.py: gunicorn, the worker, Varnish with
xkey) on PostgreSQL and Redis, with the demo content, a webhook pointing at a receiver on
127.0.0.1 and API_CACHE_WARM on. A partner page of its own is published again and again
through the admin's edit view (a logged-in editor's POST with "Publish", run in this process
against the stack's database and Redis, as gunicorn would run it); after each POST, every
affected URL is asked of Varnish in turn until all show the new title. Before each publish the
URLs are cached in Varnish (a HIT), so each measurement starts from a warm proxy.

Writes bench/results-publish.md.
"""

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlencode

import redis

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from deploy.native_stack import running_stack  # noqa: E402
from deploy.smoke import drop_database, recreate_database  # noqa: E402

RESULTS = ROOT / "bench" / "results-publish.md"
SLUG = "publish-bench-partner"
POLL_PAUSE = 0.005  # between rounds over the URLs still showing the old title
GIVE_UP = 60.0


class WebhookReceiver:
    """Notes when each notification for the benchmark's page arrives (this process's clock)."""

    def __init__(self):
        self.arrivals: list[tuple[float, dict]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                arrived = time.perf_counter()
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                receiver.arrivals.append((arrived, json.loads(body or b"{}")))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/bench"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def arrival_of(self, title: str, timeout: float = GIVE_UP) -> float | None:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            for arrived, payload in list(self.arrivals):
                if (payload.get("page") or {}).get("title") == title:
                    return arrived
            time.sleep(0.002)
        return None


def bench_page(stack):
    """A partner page of the benchmark's own, live, and the URLs a publish of it affects."""
    from partners.models import PartnerIndexPage, PartnerPage

    index = PartnerIndexPage.objects.get(locale__language_code="en")
    page = PartnerPage(
        title="Publish benchmark partner",
        slug=SLUG,
        short_name="PBP",
        country="DE",
        city="Dresden",
        organisation_type="city",
        consortium_role="facilitator_city",
        website="https://example.org/",
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    listing = "/api/v2/pages/?"
    urls = {
        "detail": f"/api/v2/pages/{page.pk}/",
        "type listing (canonical)": listing + "type=partners.PartnerPage&locale=en",
        "type listing fields=* (canonical)": listing
        + urlencode({"type": "partners.PartnerPage", "fields": "*", "locale": "en"}, safe="*"),
        "type listing, other parameters": listing
        + "type=partners.PartnerPage&locale=en&fields=title&order=-id&limit=5",
        "any-type listing": listing + "locale=en&fields=title&order=-id&limit=5",
    }
    return page, urls


def publish_through_the_admin(client, page, title: str):
    from django.urls import reverse

    from tests.partners.admin_forms import partner_form_data

    data = partner_form_data(
        title=title,
        slug=SLUG,
        short_name="PBP",
        website="https://example.org/",
    )
    data["action-publish"] = "action-publish"
    response = client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    if response.status_code != 302:
        raise SystemExit(
            f"the admin did not publish ({response.status_code}):\n{response.content[:2000]}"
        )


def measure(stack, receiver: WebhookReceiver, publishes: int) -> list[dict]:
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from webhooks.models import Webhook

    Webhook.objects.create(name="bench", url=receiver.url, events=["page.published"])
    editor = get_user_model().objects.create_superuser("bench-editor", "bench@example.org", None)
    client = Client(HTTP_HOST=f"127.0.0.1:{stack.proxy_port}")
    client.force_login(editor)
    page, urls = bench_page(stack)
    stack.wait_for_background_work()

    runs = []
    for number in range(1, publishes + 1):
        title = f"Publish benchmark partner {number}"
        for url in urls.values():  # cached in Varnish before the publish
            stack.get(url)
            if stack.get(url).headers.get("X-Cache") != "HIT":
                raise SystemExit(f"{url} is not cached in Varnish before publish {number}")
        started = time.perf_counter()
        publish_through_the_admin(client, page, title)
        posted = time.perf_counter()
        visible, first_was_cached = {}, {}
        pending = dict(urls)
        while pending and time.perf_counter() - started < GIVE_UP:
            for name, url in list(pending.items()):
                response = stack.get(url)
                if title in response.body.decode():
                    visible[name] = time.perf_counter() - started
                    first_was_cached[name] = response.headers.get("X-Cache") == "HIT"
                    del pending[name]
            time.sleep(POLL_PAUSE)
        if pending:
            raise SystemExit(f"still stale after {GIVE_UP} s: {sorted(pending)}")
        arrival = receiver.arrival_of(title)
        runs.append(
            {
                "admin_post": posted - started,
                "all_visible": max(visible.values()),
                "visible": visible,
                "first_was_cached": first_was_cached,
                "webhook": None if arrival is None else arrival - started,
            }
        )
        print(
            f"publish {number:2}: POST {runs[-1]['admin_post'] * 1000:6.0f} ms, all visible "
            f"{runs[-1]['all_visible'] * 1000:6.0f} ms, webhook "
            f"{(runs[-1]['webhook'] or 0) * 1000:6.0f} ms"
        )
        stack.wait_for_background_work()  # warming done before the next round primes
    return runs


def percentile(values, fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def report(runs: list[dict], load_before, load_after, command: str) -> str:
    def row(name, values):
        return (
            f"| {name} | {ms(percentile(values, 0.5))} | {ms(percentile(values, 0.99))} | "
            f"{ms(min(values))} | {ms(max(values))} |"
        )

    names = list(runs[0]["visible"])
    lines = [
        "# Publish to visible",
        "",
        f"`{command}` — {len(runs)} publishes of one partner page through the admin's edit view,",
        "on the native production stack (PostgreSQL, Redis, gunicorn with 2 workers, the db_worker",
        "polling every 0.2 s, Varnish 7.1 with xkey), API_CACHE_WARM on. Times from just before",
        "the editor's POST. With 20 publishes, p99 is the slowest of them.",
        "",
        f"Machine: {os.cpu_count()} cores, shared; load average before "
        f"{' / '.join(f'{x:.2f}' for x in load_before)}, after "
        f"{' / '.join(f'{x:.2f}' for x in load_after)} (1 / 5 / 15 min).",
        "",
        "| measure | p50 | p99 | min | max |",
        "|---|---|---|---|---|",
        row("admin POST (publish) answered", [r["admin_post"] for r in runs]),
        row(
            "**every affected URL shows the change through Varnish**",
            [r["all_visible"] for r in runs],
        ),
        row(
            "… counted from the POST's answer",
            [r["all_visible"] - r["admin_post"] for r in runs],
        ),
        row(
            "webhook delivered to 127.0.0.1",
            [r["webhook"] for r in runs if r["webhook"] is not None],
        ),
    ]
    lines += [row(f"… {name}", [r["visible"][name] for r in runs]) for name in names]
    lines += [
        "",
        "First response showing the change, served from Varnish (warmed by the worker) rather",
        "than passed to the CMS:",
        "",
    ]
    for name in names:
        cached = sum(r["first_was_cached"][name] for r in runs)
        lines.append(f"- {name}: {cached} of {len(runs)}")
    lines += [
        "",
        "Every URL shows the change once the CMS's response cache is purged at commit and the",
        "worker has sent the xkey purge to Varnish (the webhook goes out from the same queue).",
        "The URLs are polled one after another, so later rows include the earlier rows' requests.",
        "The canonical URLs are fetched again by the worker after the purge (API_CACHE_WARM), so",
        "their first visitor is served from Varnish; the others are built on their first request.",
        "",
    ]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--publishes", type=int, default=20)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/ucan_publish_bench"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/5")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()

    recreate_database(args.database_url)
    redis.Redis.from_url(args.redis_url).flushdb()
    receiver = WebhookReceiver()
    load_before = os.getloadavg()
    try:
        with (
            tempfile.TemporaryDirectory() as workdir,
            running_stack(
                Path(workdir),
                args.database_url,
                redis_url=args.redis_url,
                settings={"WEBHOOK_ALLOWED_INTERNAL_HOSTS": "127.0.0.1", "API_CACHE_WARM": "1"},
            ) as stack,
        ):
            os.environ.update(stack.env)
            runs = measure(stack, receiver, args.publishes)
    finally:
        drop_database(args.database_url)
    command = "make bench-publish" + (
        f" BENCH_ARGS='--publishes {args.publishes}'" if args.publishes != 20 else ""
    )
    args.output.write_text(report(runs, load_before, os.getloadavg(), command))
    print(f"written to {args.output}")


if __name__ == "__main__":
    main()
