"""A real HTTP server on 127.0.0.1 that records what it receives, for delivery tests."""

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Received:
    method: str
    path: str
    headers: dict
    body: bytes


@dataclass
class Receiver:
    """Answers each request with the next status of ``statuses`` (the last one repeats)."""

    statuses: list = field(default_factory=lambda: [200])
    port: int = 0
    requests: list = field(default_factory=list)

    def __post_init__(self):
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                receiver.requests.append(
                    Received(self.command, self.path, self.headers, self.rfile.read(length))
                )
                index = min(len(receiver.requests), len(receiver.statuses)) - 1
                self.send_response(receiver.statuses[index])
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_POST = do_PURGE = do_GET = _answer

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/ucan"

    def stop(self):
        self.server.shutdown()
        self.server.server_close()
