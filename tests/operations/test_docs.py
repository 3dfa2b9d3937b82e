"""The documentation: README.md and docs/*.md, read in the repository and served at /docs/."""

import json
import posixpath
import re
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from wagtail.test.utils import WagtailTestUtils

from operations.views import heading_anchor

pytestmark = pytest.mark.django_db

ROOT = django_settings.BASE_DIR
PAGES = sorted((ROOT / "docs").glob("*.md"))
SOURCES = [ROOT / "README.md", *PAGES]
# The only places a link may lead outside the repository: public upstream documentation.
UPSTREAM = {
    "wagtail.org",
    "guide.wagtail.org",
    "docs.wagtail.org",
    "wagtail-localize.org",
    "django-axes.readthedocs.io",
    "docs.djangoproject.com",
}
LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")
FENCE = re.compile(r"^ *(```|~~~)")


def name(path):
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def served_url(path):
    return "/docs/" if path.name == "README.md" else f"/docs/{path.stem}/"


def prose_lines(path):
    """The lines of a Markdown file outside fenced code blocks, with the fences' language."""
    in_code = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            in_code = not in_code
            continue
        if not in_code:
            yield line


def links(path):
    return [match.group(2) for line in prose_lines(path) for match in LINK.finditer(line)]


def anchors(path):
    return {
        heading_anchor(line.lstrip("#").strip())
        for line in prose_lines(path)
        if re.match(r"^#{1,6} ", line)
    }


def test_there_is_a_page_for_each_reader():
    assert {path.stem for path in PAGES} >= {
        "editors",
        "translators",
        "frontend",
        "operators",
        "contributing",
    }


@pytest.mark.parametrize("source", SOURCES, ids=name)
def test_every_relative_link_leads_to_a_file_of_the_repository(source):
    for target in links(source):
        if urlsplit(target).scheme:
            continue
        path, _, anchor = target.partition("#")
        file = (source.parent / path).resolve() if path else source
        assert file.is_relative_to(ROOT), f"{target} leaves the repository"
        assert file.exists(), f"{name(source)} links to {target}, which does not exist"
        if anchor:
            assert anchor in anchors(file), f"{name(source)}: no heading #{anchor} in {name(file)}"


@pytest.mark.parametrize("source", SOURCES, ids=name)
def test_links_leave_the_repository_only_for_upstream_documentation(source):
    for target in links(source):
        parts = urlsplit(target)
        if parts.scheme:
            assert parts.scheme == "https", target
            assert parts.hostname in UPSTREAM, f"{name(source)} links to {target}"


def test_the_readme_links_every_page():
    linked = {posixpath.normpath(target.partition("#")[0]) for target in links(ROOT / "README.md")}
    assert {name(page) for page in PAGES} <= linked


@pytest.mark.parametrize("source", SOURCES, ids=name)
def test_every_page_is_served_as_written(client, source):
    response = client.get(served_url(source))
    assert response.status_code == 200
    pre = WagtailTestUtils.get_soup(response.content).select_one("pre")
    assert pre.get_text().rstrip("\n") == source.read_text(encoding="utf-8").rstrip("\n")


@pytest.mark.parametrize("source", SOURCES, ids=name)
def test_links_in_a_served_page_lead_to_served_pages(client, source):
    soup = WagtailTestUtils.get_soup(client.get(served_url(source)).content)
    hrefs = [a["href"] for a in soup.select("pre a[href]")]
    pages = {name(page) for page in SOURCES}
    to_pages = [
        target
        for target in links(source)
        if target.startswith("#")
        or not urlsplit(target).scheme
        and name((source.parent / target.partition("#")[0]).resolve()) in pages
    ]
    assert len(hrefs) >= len(to_pages)
    for href in hrefs:
        parts = urlsplit(href)
        if parts.scheme:
            assert parts.hostname in UPSTREAM, href
            continue
        path = parts.path or served_url(source)
        assert path.startswith("/docs/"), f"{href} in {name(source)}"
        target = client.get(path)
        assert target.status_code == 200, href
        if parts.fragment:
            ids = {tag["id"] for tag in WagtailTestUtils.get_soup(target.content).select("[id]")}
            assert parts.fragment in ids, href


def test_a_link_to_a_file_that_is_not_a_page_is_shown_but_not_linked(client):
    response = client.get("/docs/frontend/")
    soup = WagtailTestUtils.get_soup(response.content)
    assert "tests/api/expected/partner-page.json" in soup.select_one("pre").get_text()
    assert not [a for a in soup.select("a[href]") if "expected" in a["href"]]
    assert soup.select_one('a[href="/docs/operators/"]') is not None


@pytest.mark.parametrize("path", ["/docs/unknown/", "/docs/examples/", "/docs/readme/"])
def test_unknown_pages_are_not_found(client, path):
    assert client.get(path).status_code == 404


def test_every_environment_variable_the_settings_read_is_in_the_operators_table():
    read = {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    call = re.compile(r"\benv(?:_\w+|\.\w+)?\(\s*[\"']([A-Z][A-Z0-9_]+)[\"']")
    for module in (ROOT / "cms" / "settings").glob("*.py"):
        read |= set(call.findall(module.read_text(encoding="utf-8")))
    assert len(read) > 30  # the pattern still finds how the settings read the environment
    table = "\n".join(
        line
        for line in (ROOT / "docs" / "operators.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("| `")
    )
    documented = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", table))
    assert read - documented == set()


def is_part_of(part, whole):
    if isinstance(part, dict):
        return isinstance(whole, dict) and all(
            key in whole and is_part_of(value, whole[key]) for key, value in part.items()
        )
    if isinstance(part, list):
        return (
            isinstance(whole, list)
            and len(part) <= len(whole)
            and all(is_part_of(item, whole[index]) for index, item in enumerate(part))
        )
    return part == whole


def test_is_part_of_tells_an_excerpt_from_a_changed_copy():
    whole = {"meta": {"locale": "en", "translations": [{"locale": "uk"}]}, "id": 1}
    assert is_part_of({"meta": {"translations": [{"locale": "uk"}]}}, whole)
    assert not is_part_of({"meta": {"locale": "uk"}}, whole)
    assert not is_part_of({"meta": {"translations": [{}, {}]}}, whole)


def test_json_excerpts_on_the_frontend_page_are_parts_of_the_files_they_name():
    text = (ROOT / "docs" / "frontend.md").read_text(encoding="utf-8")
    excerpts = re.findall(
        r"excerpt of \[[^\]]+\]\(\.\./(tests/api/expected/[\w-]+\.json)\):\n\n```json\n(.*?)```",
        text,
        flags=re.DOTALL,
    )
    assert excerpts
    for file, block in excerpts:
        whole = json.loads((ROOT / file).read_text(encoding="utf-8"))
        assert is_part_of(json.loads(block), whole), f"an excerpt of {file} no longer matches it"
