"""Python's floor: a WSGI app that returns stored bytes for a path, under the same gunicorn."""

import json
import os
from pathlib import Path

_manifest = json.loads(Path(os.environ["BENCH_MANIFEST"]).read_text())
_bodies = {path: Path(file).read_bytes() for path, file in _manifest.items()}


def application(environ, start_response):
    path = environ.get("PATH_INFO", "/")
    query = environ.get("QUERY_STRING", "")
    body = _bodies.get(path + ("?" + query if query else ""))
    if body is None:
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]
    start_response(
        "200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))]
    )
    return [body]
