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
