"""Varnish in front of gunicorn: only the listed addresses may purge, and no redirect is cached.

Runs the native stack (deploy/native_stack.py) on a scratch SQLite file with HTTPS redirects on,
and Varnish allowing PURGE from 127.0.0.1 only (VARNISH_PURGERS). A second client address on
the same machine is 127.0.0.2: the whole of 127/8 is loopback on Linux.
"""

import os
import socket

import pytest

from deploy.native_stack import (
    _start,
    _stop,
    free_port,
    running_stack,
    varnish_command,
    varnishd,
    wait_for_port,
    write_vcl,
)

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        varnishd() is None,
        reason="varnishd or its xkey vmod is missing (apt-get install varnish varnish-modules)",
    ),
    # The stack brings its own database: once, in the SQLite pass, as test_caching_proxy.py.
    pytest.mark.skipif(
        bool(os.environ.get("DATABASE_URL")), reason="runs once, in the SQLite pass"
    ),
]

CMS = "127.0.0.1"
STRANGER = "127.0.0.2"
# Served over HTTPS, as the TLS-terminating proxy in front of Varnish tells the CMS.
HTTPS = {"X-Forwarded-Proto": "https"}


@pytest.fixture(scope="module")
def https_stack(tmp_path_factory):
    """The stack without the demo site, redirecting plain HTTP to HTTPS, with Varnish taking
    purges from the CMS's address only (``demo_stack`` in conftest.py has the demo on Redis)."""
    workdir = tmp_path_factory.mktemp("proxy-access")
    database = f"sqlite:///{workdir / 'stack.sqlite3'}"
    with running_stack(
        workdir,
        database,
        load_demo=False,
        purgers=CMS,
        settings={"SECURE_SSL_REDIRECT": "1"},
    ) as running:
        yield running


def cached(stack, url: str) -> bool:
    response = stack.get(url, headers=HTTPS)
    assert response.status == 200
    return response.headers["X-Cache"] == "HIT"


def test_purge_from_an_address_not_listed_is_refused_and_the_copy_stays(https_stack):
    url = "/api/v2/pages/?limit=1"
    cached(https_stack, url)
    assert cached(https_stack, url)

    refused = https_stack.request("PURGE", url, source=STRANGER)
    assert refused.status == 403
    assert refused.json() == {"message": f"Purging is not allowed from {STRANGER}"}
    assert cached(https_stack, url)

    purged = https_stack.request("PURGE", url, source=CMS)
    assert purged.status == 200
    assert not cached(https_stack, url)


def test_a_proxy_protocol_header_cannot_borrow_the_cms_address(https_stack):
    # The varnish image accepts the PROXY protocol (port 8443) from anyone on its network; the
    # header names any client address it likes.
    url = "/api/v2/pages/?limit=2"
    cached(https_stack, url)
    assert cached(https_stack, url)
    with socket.create_connection(
        ("127.0.0.1", https_stack.proxy_protocol_port), timeout=30, source_address=(STRANGER, 0)
    ) as connection:
        connection.sendall(
            f"PROXY TCP4 {CMS} {CMS} 40000 {https_stack.proxy_port}\r\n"
            f"PURGE {url} HTTP/1.1\r\nHost: 127.0.0.1:{https_stack.proxy_port}\r\n"
            "Connection: close\r\n\r\n".encode()
        )
        status_line = connection.makefile("rb").readline()
    assert status_line.split()[1] == b"403"
    assert cached(https_stack, url)


def test_the_list_comes_from_varnish_purgers(https_stack, tmp_path, monkeypatch):
    # A second Varnish before the same gunicorn, told to take purges from 127.0.0.2 only: the
    # CMS's own address is then refused like any other.
    monkeypatch.setenv("VARNISH_PURGERS", STRANGER)
    port = free_port()
    vcl_dir = write_vcl(tmp_path / "vcl", backend_port=https_stack.app_port)
    proxy = _start(
        varnish_command(vcl_dir, tmp_path / "varnish", port), os.environ, tmp_path / "log"
    )
    try:
        wait_for_port(port, proxy)
        url = "/api/v2/pages/?limit=3"
        https_stack.request("GET", url, port=port, headers=HTTPS)
        assert https_stack.request("PURGE", url, port=port, source=CMS).status == 403
        assert https_stack.request("GET", url, port=port, headers=HTTPS).headers["X-Cache"] == "HIT"
        assert https_stack.request("PURGE", url, port=port, source=STRANGER).status == 200
        assert (
            https_stack.request("GET", url, port=port, headers=HTTPS).headers["X-Cache"] == "MISS"
        )
    finally:
        _stop(proxy)


def test_https_and_plain_http_never_get_each_others_answer_from_the_cache(https_stack):
    # Varnish's cache key is the URL and Host, not X-Forwarded-Proto: a stored redirect would
    # send HTTPS clients round it again, and stored content would spare HTTP clients it.
    url = "/api/v2/pages/?limit=4"
    redirect = https_stack.get(url)
    assert redirect.status == 301
    assert redirect.headers["Location"] == f"https://127.0.0.1:{https_stack.proxy_port}{url}"
    assert redirect.headers["Cache-Control"] == "private"

    assert not cached(https_stack, url)  # a 200 from the CMS, not the stored 301
    assert cached(https_stack, url)
    again = https_stack.get(url)
    assert again.status == 301
    assert again.headers["X-Cache"] == "MISS"

    # One PURGE removes both.
    assert https_stack.request("PURGE", url, source=CMS).status == 200
    assert not cached(https_stack, url)
