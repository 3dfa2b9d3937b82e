"""Machine translation engines on 127.0.0.1: LibreTranslate's and DeepL's HTTP APIs, for real.

The server answers as the engines do (``POST /translate`` with a list in ``q`` for
LibreTranslate; ``POST /v2/translate`` with form-encoded ``text`` fields for DeepL), translates
with a small glossary and keeps HTML tags where they are, as both engines do with HTML/XML tag
handling. It records every request, and can be made to refuse a key or to answer too late.
"""

import json
import re
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

GLOSSARY = {
    "City of Dresden": "Місто Дрезден",
    "Regine Kramer": "Регіне Крамер",
    "City Mission facilitator": "фасилітаторка Місії ЄС для міст",
    "Dresden works with ": "Дрезден співпрацює з ",
    "the city's climate office": "кліматичним офісом міста",
    " and with Khmelnytskyi.": " та з Хмельницьким.",
}
TAG = re.compile(r"(<[^>]+>)")


def translate_html(text: str) -> str:
    """Translates the text between tags; the tags themselves stay exactly as they came."""
    return "".join(
        part if TAG.fullmatch(part) or not part else GLOSSARY.get(part, part)
        for part in TAG.split(text)
    )


class FakeEngine:
    """A running engine: ``url``, ``requests`` received, ``api_key`` required, ``delay``."""

    def __init__(self, api_key: str = "", delay: float = 0.0):
        self.api_key = api_key
        self.delay = delay
        self.requests: list[dict] = []
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.server.daemon_threads = True
        self.server.block_on_close = False
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc_info):
        self.server.shutdown()
        self.server.server_close()

    def _handler(self):
        engine = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                if engine.delay:
                    time.sleep(engine.delay)
                if self.path == "/translate":
                    self.libretranslate(json.loads(body))
                elif self.path == "/v2/translate":
                    self.deepl(parse_qs(body), self.headers.get("Authorization", ""))
                else:
                    self.answer(404, {"error": "Not Found"})

            def libretranslate(self, request):
                engine.requests.append({"engine": "libretranslate", **request})
                if engine.api_key and request.get("api_key") != engine.api_key:
                    self.answer(403, {"error": "Invalid API key"})
                    return
                texts = request["q"] if isinstance(request["q"], list) else [request["q"]]
                self.answer(200, {"translatedText": [translate_html(text) for text in texts]})

            def deepl(self, form, authorization):
                engine.requests.append({"engine": "deepl", "authorization": authorization, **form})
                if authorization != f"DeepL-Auth-Key {engine.api_key}":
                    self.answer(403, {"message": "Wrong endpoint or authorization key"})
                    return
                translations = [
                    {"detected_source_language": "EN", "text": translate_html(text)}
                    for text in form["text"]
                ]
                self.answer(200, {"translations": translations})

            def answer(self, status, body):
                payload = json.dumps(body, ensure_ascii=False).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except OSError:
                    pass  # the CMS gave up waiting (the timeout test)

        return Handler


def closed_port_url() -> str:
    """An address on 127.0.0.1 where nothing listens: connecting is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"
