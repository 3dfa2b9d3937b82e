"""Request and response handling the whole site shares.

* ``PageLocaleMiddleware``: Django's locale middleware, without its redirect of 404s.
* ``SecurityHeadersMiddleware``: Content-Security-Policy and Permissions-Policy headers.
"""

from django.conf import settings
from django.middleware.locale import LocaleMiddleware


class PageLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of 404s to a language-prefixed path.

    That redirect suits page URLs (/partners/x/ → /en/partners/x/) but would turn every API or
    admin 404 into a redirect to a page URL that does not exist either.
    """

    UNPREFIXED_PATHS = ("/api/", "/admin/", "/docs/", "/documents/", "/static/", "/media/")

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
