"""Uploads: only real images and documents get into the media library, and only sane sizes.

Each upload goes through the admin's own add views, as an editor's browser sends it.
"""

import importlib
import io
import struct
import subprocess
import threading
import time
import urllib.error
import urllib.request
import zipfile
import zlib
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import clear_url_caches
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.users.models import UserProfile

import cms.urls
from deploy.native_stack import free_port, varnish_command, varnishd, wait_for_port, write_vcl

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)


def picture(image_format: str) -> bytes:
    data = io.BytesIO()
    Image.new("RGB", (300, 200), "darkgreen").save(data, image_format)
    return data.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A few hundred bytes of PNG whose header claims ``width`` × ``height`` pixels.

    Decoding it would need gigabytes; checking it must read the header only.
    """

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = zlib.compress(b"\0" * 1024)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", rows) + chunk(b"IEND", b"")
    )


def upload_image(client, name, content):
    response = client.post(
        "/admin/images/add/", {"title": name, "file": SimpleUploadedFile(name, content)}
    )
    saved = get_image_model().objects.filter(title=name).exists()
    return response, saved


def file_errors(response) -> str:
    assert response.status_code == 200, "the form is shown again with its errors"
    return " ".join(response.context["form"].errors.get("file", []))


@pytest.mark.parametrize(
    ("name", "content"),
    [("logo.svg", SVG_WITH_SCRIPT), ("logo-page.svg", HTML)],
    ids=["svg with a script", "html named .svg"],
)
def test_svg_uploads_are_refused(admin_client, name, content):
    response, saved = upload_image(admin_client, name, content)
    assert not saved
    assert "Not a supported image format" in file_errors(response)


@pytest.mark.parametrize(
    ("name", "content", "claimed"),
    [
        ("logo.png", HTML, "PNG"),
        ("logo.jpg", HTML, "JPEG"),
        ("logo.webp", HTML, "WEBP"),
        ("logo.gif", b"GIF89a" + HTML, "GIF"),  # starts like a GIF, is HTML
        ("photo.png", picture("JPEG"), "PNG"),
    ],
    ids=["html as png", "html as jpg", "html as webp", "html behind gif magic", "jpeg as png"],
)
def test_a_file_that_is_not_the_claimed_image_format_is_refused(
    admin_client, name, content, claimed
):
    response, saved = upload_image(admin_client, name, content)
    assert not saved
    assert f"“{name}” is not a {claimed} image" in file_errors(response)


def test_a_truncated_image_is_refused(admin_client):
    content = picture("PNG")
    response, saved = upload_image(admin_client, "cut-off.png", content[: len(content) // 2])
    assert not saved
    assert "“cut-off.png” is damaged or incomplete" in file_errors(response)


def test_an_oversized_image_is_refused_quickly_with_the_limit(admin_client):
    start = time.monotonic()
    response, saved = upload_image(admin_client, "huge.png", png_claiming(11_000, 11_000))
    elapsed = time.monotonic() - start
    assert not saved
    assert file_errors(response) == (
        "This file has too many pixels (121000000). Maximum pixels 36000000."
    )
    assert elapsed < 2, "only the header is read, nothing is decoded"


def test_an_image_beyond_pillows_own_bomb_limit_is_refused_with_the_limit(admin_client):
    response, saved = upload_image(admin_client, "bomb.png", png_claiming(30_000, 30_000))
    assert not saved
    assert "Maximum pixels 36000000" in file_errors(response)


@pytest.mark.parametrize(
    ("name", "image_format"),
    [("logo.png", "PNG"), ("portrait.jpg", "JPEG"), ("emblem.webp", "WEBP")],
)
def test_real_logos_and_portraits_are_accepted(admin_client, name, image_format):
    response, saved = upload_image(admin_client, name, picture(image_format))
    assert response.status_code == 302
    assert saved
    image = get_image_model().objects.get(title=name)
    assert (image.width, image.height) == (300, 200)


# --- Documents ---------------------------------------------------------------------------------


def zip_with(members: dict[str, bytes]) -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return data.getvalue()


DOCX = zip_with({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = zip_with({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def upload_document(client, name, content):
    response = client.post(
        "/admin/documents/add/", {"title": name, "file": SimpleUploadedFile(name, content)}
    )
    saved = get_document_model().objects.filter(title=name).exists()
    return response, saved


@pytest.mark.parametrize(
    ("name", "content"),
    [("report.pdf", PDF), ("minutes.docx", DOCX), ("agenda.odt", ODT)],
)
def test_real_documents_are_accepted(admin_client, name, content):
    response, saved = upload_document(admin_client, name, content)
    assert response.status_code == 302
    assert saved


@pytest.mark.parametrize(
    ("name", "content"),
    [("report.pdf", HTML), ("minutes.docx", HTML), ("agenda.odt", DOCX), ("sheet.xlsx", DOCX)],
    ids=["html as pdf", "html as docx", "docx as odt", "docx as xlsx"],
)
def test_a_document_whose_content_is_not_its_type_is_refused(admin_client, name, content):
    response, saved = upload_document(admin_client, name, content)
    assert not saved
    extension = name.rsplit(".", 1)[1]
    assert f"“{name}” is not a real .{extension} file" in file_errors(response)


@pytest.mark.parametrize("name", ["notes.txt", "data.csv", "letter.rtf", "bundle.zip"])
def test_documents_of_other_types_are_refused(admin_client, name):
    response, saved = upload_document(admin_client, name, HTML)
    assert not saved
    assert "is not allowed" in file_errors(response)


def test_the_errors_are_translated_for_ukrainian_editors(admin_client, admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "uk"
    profile.save()
    response, saved = upload_image(admin_client, "logo.png", HTML)
    assert not saved
    # The page as the editor saw it: messages are translated when they are rendered.
    assert "«logo.png» не є зображенням PNG" in response.content.decode()
    response, saved = upload_document(admin_client, "report.pdf", HTML)
    assert not saved
    assert "«report.pdf» не є справжнім файлом .pdf" in response.content.decode()


# --- Serving uploaded files ----------------------------------------------------------------------

MEDIA_FILES = {
    "original_images/logo.png": picture("PNG"),
    "original_images/old-logo.svg": SVG_WITH_SCRIPT,
    "original_images/page.html": HTML,
    "documents/agreement.pdf": PDF,
}


@pytest.fixture
def media_root(tmp_path):
    for name, content in MEDIA_FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(content)
    return tmp_path


@pytest.fixture
def development_media(settings, media_root):
    """The development server's URL configuration, which serves /media/ itself."""
    settings.DEBUG = True
    settings.MEDIA_ROOT = media_root
    importlib.reload(cms.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(cms.urls)
    clear_url_caches()


def check_media_headers(get):
    """``get(path) → (status, headers)`` for files under /media/."""
    status, headers = get("/media/original_images/logo.png")
    assert status == 200
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert not headers.get("Content-Disposition", "").startswith("attachment")  # shown
    for path in ("/media/original_images/old-logo.svg", "/media/original_images/page.html"):
        status, headers = get(path)
        assert status == 200
        assert headers["X-Content-Type-Options"] == "nosniff"
        assert headers["Content-Disposition"].startswith("attachment"), path
    status, _headers = get("/media/documents/agreement.pdf")
    assert status == 404, "documents only through their view, which checks privacy"


def test_media_in_development_is_never_sniffed_and_non_images_are_downloads(
    client, development_media
):
    def get(path):
        response = client.get(path)
        return response.status_code, response.headers

    check_media_headers(get)


@pytest.mark.skipif(varnishd() is None, reason="varnishd is not installed (apt-get varnish)")
def test_media_through_varnish_is_never_sniffed_and_non_images_are_downloads(tmp_path, media_root):
    """The production proxy's configuration, in front of a plain file server."""

    class Files(SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(media_root.parent), **kwargs)

        def translate_path(self, path):
            return str(media_root / path.removeprefix("/media/").split("?")[0])

        def log_message(self, *args):
            pass

    files = ThreadingHTTPServer(("127.0.0.1", 0), Files)
    threading.Thread(target=files.serve_forever, daemon=True).start()
    port = free_port()
    vcl_dir = write_vcl(tmp_path / "vcl", files.server_address[1])
    proxy = subprocess.Popen(  # noqa: S603 - our own varnishd, arguments from the test
        varnish_command(vcl_dir, tmp_path / "varnish", port),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port, proxy)

        def get(path):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as r:
                    return r.status, r.headers
            except urllib.error.HTTPError as error:
                return error.code, error.headers

        check_media_headers(get)
    finally:
        proxy.terminate()
        proxy.wait(timeout=30)
        files.shutdown()
