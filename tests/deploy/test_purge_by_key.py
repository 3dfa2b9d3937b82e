"""Through a real Varnish with the xkey vmod: a publish purges every response showing the page,
whatever its query string, and nothing else.

The stack (gunicorn, the worker, varnishd with deploy/varnish/default.vcl) runs as separate
processes on a scratch SQLite file and Redis, as in production. "Fresh" means: the first
response through Varnish after the publish is the one the CMS gives now.
"""

import pytest

from tests.deploy.stack_marks import native_stack_with_redis

REDIS_URL = "redis://127.0.0.1:6379/5"  # demo_stack (conftest.py) runs this module's stack on it

pytestmark = [pytest.mark.slow, *native_stack_with_redis(REDIS_URL)]

RENAMED_UK = "Місто Дрезден (перейменовано)"
RENAMED_INDEX = "Partner organisations"


def page_id(stack, slug: str, language: str) -> int:
    return int(
        stack.shell(
            "from wagtail.models import Page; print(Page.objects.get("
            f"slug={slug!r}, locale__language_code={language!r}).pk)"
        )
    )


def publish(stack, slug: str, language: str, title: str):
    stack.shell(
        "from wagtail.models import Page; page = Page.objects.get("
        f"slug={slug!r}, locale__language_code={language!r}).specific; "
        f"page.title = {title!r}; page.save_revision().publish()"
    )
    stack.wait_for_background_work()  # the worker has purged Varnish (and warmed)


def from_the_cms(stack, url: str) -> bytes:
    """What gunicorn answers now, for the Host the proxy passes on."""
    host = f"127.0.0.1:{stack.proxy_port}"
    return stack.get(url, via_proxy=False, headers={"Host": host}).body


def cached_in_varnish(stack, urls):
    for url in urls:
        stack.get(url)
        assert stack.get(url).headers["X-Cache"] == "HIT", url


def test_a_translation_published_refreshes_every_listing_detail_and_find(demo_stack):
    dresden_en = page_id(demo_stack, "city-of-dresden", "en")
    dresden_uk = page_id(demo_stack, "city-of-dresden", "uk")
    index = page_id(demo_stack, "partners", "en")
    listings = [
        # No locale: Ukrainian pages are listed too (after the English ones).
        "/api/v2/pages/?type=partners.PartnerPage&fields=*&offset=10",
        "/api/v2/pages/?type=partners.PartnerPage&locale=uk",
        # English: meta.translations names the Ukrainian page.
        "/api/v2/pages/?type=partners.PartnerPage&locale=en&fields=title",
        "/api/v2/pages/?type=partners.PartnerPage&locale=uk&limit=3&order=-title",
        "/api/v2/pages/?fields=title&limit=50",
    ]
    showing_it = [
        *listings,
        f"/api/v2/pages/{dresden_uk}/",
        f"/api/v2/pages/{dresden_en}/",
        "/api/v2/pages/find/?html_path=/uk/partners/city-of-dresden/",
    ]
    aarhus = page_id(demo_stack, "aarhus-university", "en")
    unrelated = [f"/api/v2/pages/{aarhus}/", "/api/v2/images/", f"/api/v2/pages/{index}/"]
    cached_in_varnish(demo_stack, showing_it + unrelated)

    publish(demo_stack, "city-of-dresden", "uk", RENAMED_UK)

    warmed = {listings[1], f"/api/v2/pages/{dresden_uk}/", showing_it[-1]}
    for url in showing_it:
        first = demo_stack.get(url)
        # Purged: asked of the CMS again, by this request or by the worker's warming.
        assert first.headers["X-Cache"] == ("HIT" if url in warmed else "MISS"), url
        assert first.body == from_the_cms(demo_stack, url), url
    for url in (listings[0], listings[1], f"/api/v2/pages/{dresden_uk}/"):
        assert RENAMED_UK in demo_stack.get(url).body.decode(), url
    for url in unrelated:
        assert demo_stack.get(url).headers["X-Cache"] == "HIT", url


def test_the_changed_page_is_warm_for_its_first_visitor(demo_stack):
    dresden_uk = page_id(demo_stack, "city-of-dresden", "uk")
    detail = f"/api/v2/pages/{dresden_uk}/"
    cached_in_varnish(demo_stack, [detail])
    publish(demo_stack, "city-of-dresden", "uk", RENAMED_UK + " 2")
    first = demo_stack.get(detail)
    assert first.headers["X-Cache"] == "HIT"  # fetched again by the worker after the purge
    assert first.json()["title"] == RENAMED_UK + " 2"


def test_a_navigation_page_published_refreshes_site_content(demo_stack):
    site = "/api/v2/site/"
    cached_in_varnish(demo_stack, [site, "/api/v2/site/?locale=uk"])
    publish(demo_stack, "partners", "en", RENAMED_INDEX)
    assert [item["title"] for item in demo_stack.get(site).json()["navigation"]] == [RENAMED_INDEX]
    # The Ukrainian navigation shows the Ukrainian page: purged all the same (a translation
    # changed), and still right.
    uk = demo_stack.get("/api/v2/site/?locale=uk")
    assert uk.body == from_the_cms(demo_stack, "/api/v2/site/?locale=uk")


def test_varnish_takes_purges_by_key_only_from_purgers(demo_stack):
    refused = demo_stack.request("PURGE", "/", headers={"xkey": "all"}, source="127.0.0.2")
    assert refused.status == 403
    cached_in_varnish(demo_stack, ["/api/v2/images/"])
    taken = demo_stack.request("PURGE", "/", headers={"xkey": "i"})
    assert taken.status == 200
    assert demo_stack.get("/api/v2/images/").headers["X-Cache"] == "MISS"
    # The keys are Varnish's own index: not sent on to clients.
    assert "xkey" not in {name.lower() for name in demo_stack.get("/api/v2/images/").headers}
