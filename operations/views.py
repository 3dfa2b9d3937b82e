import posixpath
import re

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe


def landing(request):
    """The CMS renders no public site; its root points people to where they want to go."""
    return render(request, "operations/landing.html")


# The documentation is the repository's own Markdown: README.md at /docs/ and each docs/<page>.md
# at /docs/<page>/. It is shown as written, with its links made to work on this site too.
_HEADING = re.compile(r"^(#{1,6}) +(.+?) *#*$")
_FENCE = re.compile(r"^ *(```|~~~)")
_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]+)\)")


def documentation_pages() -> dict[str, str]:
    """Each served page's name ("" for the README) and its file, relative to the repository."""
    pages = {"": "README.md"}
    for path in sorted((settings.BASE_DIR / "docs").glob("*.md")):
        pages[path.stem] = f"docs/{path.name}"
    return pages


def heading_anchor(title: str) -> str:
    """The anchor GitHub gives a Markdown heading, so that `page.md#anchor` works on both."""
    plain = re.sub(r"[`*]|\[([^\]]*)\]\([^)]*\)", r"\1", title).strip().lower()
    return re.sub(r"[^\w\- ]", "", plain).replace(" ", "-")


def served_url(source: str, target: str, pages: dict[str, str]) -> str | None:
    """Where a link in the file `source` leads on this site, or None if nowhere; ``pages`` as
    ``documentation_pages()`` gives them.

    `https://…` and `#anchor` links stay as they are; a relative link to README.md or
    docs/<page>.md becomes that page's /docs/ URL; other files of the repository are not served.
    """
    if target.startswith(("https://", "http://", "mailto:")):
        return target
    path, _, anchor = target.partition("#")
    fragment = f"#{anchor}" if anchor else ""
    if not path:
        return fragment or None
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(source), path))
    for page, file in pages.items():
        if file == resolved:
            return (f"/docs/{page}/" if page else "/docs/") + fragment
    return None


def _render_line(source: str, line: str, pages: dict[str, str]) -> str:
    parts, last = [], 0
    for match in _LINK.finditer(line):
        parts.append(escape(line[last : match.start()]))
        href = served_url(source, match.group(2), pages)
        text = escape(match.group(0))
        parts.append(f'<a href="{escape(href)}">{text}</a>' if href else text)
        last = match.end()
    parts.append(escape(line[last:]))
    return "".join(parts)


def render_markdown_source(source: str, text: str, pages: dict[str, str]) -> str:
    """The Markdown text as written, HTML-escaped, with working links and heading anchors."""
    lines, in_code, seen = [], False, {}
    for line in text.splitlines():
        if _FENCE.match(line):
            in_code = not in_code
        heading = None if in_code else _HEADING.match(line)
        if in_code:
            lines.append(escape(line))
        elif heading:
            anchor = heading_anchor(heading.group(2))
            count = seen.get(anchor, 0)
            seen[anchor] = count + 1
            anchor = f"{anchor}-{count}" if count else anchor
            lines.append(f'<span id="{escape(anchor)}">{_render_line(source, line, pages)}</span>')
        else:
            lines.append(_render_line(source, line, pages))
    return "\n".join(lines)


def documentation(request, page=""):
    """README.md at /docs/, docs/<page>.md at /docs/<page>/; any other page is not found."""
    pages = documentation_pages()
    if page not in pages:
        raise Http404("No such documentation page.")
    try:
        text = (settings.BASE_DIR / pages[page]).read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise Http404("No documentation is installed.") from error
    html = mark_safe(render_markdown_source(pages[page], text, pages))  # noqa: S308 - escaped above
    contents = [(name, f"/docs/{name}/" if name else "/docs/") for name in pages]
    return render(
        request,
        "operations/documentation.html",
        {"html": html, "page": page or "README", "source": pages[page], "contents": contents},
    )
