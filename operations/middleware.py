"""Request and response handling the whole site shares.

* ``PageLocaleMiddleware``: Django's locale middleware, without its redirect of 404s.
* ``SecurityHeadersMiddleware``: Content-Security-Policy and Permissions-Policy headers.
* ``HostPortMiddleware``: a Host whose port is no TCP port gets a 400.
* ``PrivateRedirectsMiddleware``: redirects kept out of shared caches.
"""

import logging

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import JsonResponse
from django.http.request import split_domain_port
from django.middleware.locale import LocaleMiddleware
from django.utils import translation

REDIRECT_STATUSES = {301, 302, 303, 307, 308}


class PageLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of 404s to a language-prefixed path.

    That redirect suits page URLs (/partners/x/ → /en/partners/x/) but would turn every API or
    admin 404 into a redirect to a page URL that does not exist either.
    """

    UNPREFIXED_PATHS = (
        "/api/",
        "/admin/",
        "/docs/",
        "/documents/",
        "/static/",
        "/media/",
        "/sitemap.xml",
    )

    def process_request(self, request):
        if request.path_info.startswith("/api/"):
            # The API answers in the language its parameters and pages say, never the one
            # Accept-Language asks for: responses are cached and shared without varying on it.
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
            return None
        return super().process_request(request)

    def process_response(self, request, response):
        if request.path_info.startswith(self.UNPREFIXED_PATHS):
            return response
        return super().process_response(request, response)


def _header(policy: dict[str, list[str]]) -> str:
    """``{"camera": []}`` style dictionaries as the header's text."""
    return "; ".join(" ".join([directive, *sources]) for directive, sources in policy.items())


class SecurityHeadersMiddleware:
    """Content-Security-Policy and Permissions-Policy on every response.

    The API's JSON gets a policy that allows nothing (``API_CONTENT_SECURITY_POLICY``); HTML —
    the admin, the documentation, the landing page, the browsable API in development — gets
    the admin's (``CONTENT_SECURITY_POLICY``). Files (documents, static, media) are left as
    they are. Django has no Content-Security-Policy support before 6.0, and django-csp's one
    site-wide policy would need overriding per view for the API's many views, while nonces
    (its other strength) cannot reach Wagtail's own inline scripts; choosing between two
    fixed policies by response is all this site needs.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.html_policy = _header(settings.CONTENT_SECURITY_POLICY)
        self.api_policy = _header(settings.API_CONTENT_SECURITY_POLICY)
        self.permissions_policy = ", ".join(
            f"{feature}=({' '.join(allowed)})"
            for feature, allowed in settings.PERMISSIONS_POLICY.items()
        )

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        content_type = response.headers.get("Content-Type", "")
        if content_type.startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", self.html_policy)
        elif request.path_info.startswith("/api/"):
            response.headers.setdefault("Content-Security-Policy", self.api_policy)
        return response


class InvalidHostPort(DisallowedHost):
    """A Host header whose name is allowed but whose port is no TCP port."""


def is_valid_port(port: str) -> bool:
    # Written as a URL writes it: no leading zeros, so that "080" and "0000080" do not make
    # further spellings of the same origin (each one a separate entry in every cache).
    return port.isascii() and port.isdigit() and not port.startswith("0") and int(port) <= 65535


def bad_request_message(exception) -> str:
    # Never the exception's own text: it repeats the Host header, and the response must not.
    if isinstance(exception, InvalidHostPort):
        return "Host: the port must be a number from 1 to 65535."
    if isinstance(exception, DisallowedHost):
        return "Host: this server does not answer to that host name."
    return "Bad request."


class HostPortMiddleware:
    """Refuse a Host header whose port is not a port (1–65535), with Django's 400.

    ``ALLOWED_HOSTS`` checks the name only: ``127.0.0.1:99999999999`` passes it, and everything
    that builds an absolute URL from the request (image URLs, the HTTPS redirect's Location)
    would repeat that port. The name itself is already held to letters, digits, dots, dashes
    or an IPv6 literal by Django's validation, so the port is all that is left to check.
    Placed before anything that reads the host; ``operations.errors.handle_bad_request`` answers the
    exception (JSON under /api/), and Django logs it as for any disallowed host.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            self.check_host(request)
        except DisallowedHost as refusal:
            if not request.path_info.startswith("/api/"):
                raise
            # Answered here for the API, so that with DEBUG on (`make run`) too the answer is
            # the documented JSON rather than Django's technical page; logged as Django would.
            logging.getLogger("django.security.DisallowedHost").error(
                str(refusal), extra={"status_code": 400, "request": request}
            )
            response = JsonResponse({"message": bad_request_message(refusal)}, status=400)
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)

    @staticmethod
    def check_host(request) -> None:
        host = request.get_host()  # which checks ALLOWED_HOSTS
        _name, port = split_domain_port(host)
        if port and not is_valid_port(port):
            # Worded as Django words its own: the log names the host, the response does not.
            raise InvalidHostPort(f"Invalid port in HTTP_HOST header: {host!r}.")


class PrivateRedirectsMiddleware:
    """Mark redirects that say nothing about caching ``Cache-Control: private``.

    The HTTPS redirect (SecurityMiddleware) depends on X-Forwarded-Proto, which no shared cache
    keys on: a 301 that Varnish or a CDN kept from one plain-HTTP request would send every HTTPS
    client round the same redirect, for ever. The slash and language redirects
    (CommonMiddleware, PageLocaleMiddleware) and page redirects are safe to keep in a browser,
    which is all ``private`` allows. The rule lives here rather than in the VCL so that every
    cache on the way — Varnish (its built-in VCL does not store ``private``), a CDN — obeys it.
    Redirects that choose their own caching (the API's find/, marked public and purged on
    change) keep it. Placed above SecurityMiddleware, whose redirect skips everything below it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code in REDIRECT_STATUSES and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "private"
        return response
