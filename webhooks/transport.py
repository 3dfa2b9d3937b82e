"""The HTTP client deliveries use: urllib, connecting only to addresses it has just checked.

Checking a URL and then handing it to an HTTP client that resolves the name again leaves a gap
(DNS rebinding: the second answer may be 127.0.0.1). Here the connection classes resolve the
name once, check every answer (:func:`webhooks.destinations.resolve_checked`) and connect to
those very addresses. The request keeps the URL's host name in its ``Host`` header and, for
https, in TLS's server name and certificate check.

The opener has only what a delivery needs: http and https, no environment proxies (a proxy
would resolve the name itself, out of the check's reach), no redirects (see :class:`NoRedirects`)
and no ftp, file or data URLs.
"""

import http.client
import socket
import ssl
import urllib.request

from .destinations import resolve_checked

TLS_CONTEXT = ssl.create_default_context()


def connect_checked(host: str, port: int, timeout, source_address=None) -> socket.socket:
    """A socket connected to one of ``host``'s checked addresses, tried in resolver order."""
    last_error = None
    for *_family_type_proto, _canonname, sockaddr in resolve_checked(host, port):
        try:
            # A numeric address: create_connection does no DNS look-up of its own here.
            return socket.create_connection(sockaddr[:2], timeout, source_address)
        except OSError as error:
            last_error = error
    raise last_error or OSError(f"{host} has no address")


class CheckedHTTPConnection(http.client.HTTPConnection):
    def connect(self):
        self.sock = connect_checked(self.host, self.port, self.timeout, self.source_address)


class CheckedHTTPSConnection(http.client.HTTPSConnection):
    def connect(self):
        sock = connect_checked(self.host, self.port, self.timeout, self.source_address)
        self.sock = TLS_CONTEXT.wrap_socket(sock, server_hostname=self.host)


class CheckedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(CheckedHTTPConnection, req)


class CheckedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(CheckedHTTPSConnection, req, context=TLS_CONTEXT)


class NoRedirects(urllib.request.HTTPRedirectHandler):
    # A redirect is a misconfigured receiver; following it would resend the body elsewhere,
    # possibly inside the network. The 3xx is recorded as the delivery's answer instead.
    def redirect_request(self, *args, **kwargs):
        return None


def build_opener() -> urllib.request.OpenerDirector:
    opener = urllib.request.OpenerDirector()
    for handler in (
        CheckedHTTPHandler(),
        CheckedHTTPSHandler(),
        NoRedirects(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
        urllib.request.UnknownHandler(),
    ):
        opener.add_handler(handler)
    return opener
