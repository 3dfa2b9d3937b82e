"""The one admin action the page permission layer cannot describe: converting to an alias.

wagtail-localize's "Convert to alias" turns a translation into a mirror of its source page, so
the source language goes live under the translation's language. It asks only whether the user
may edit the translation; here it also needs the right to publish the source page, which
translators never have. Everything else a role may not do is refused in ``pages/permissions.py``.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from wagtail.admin.auth import require_admin_access
from wagtail.models import Page

CONVERT_TO_ALIAS = "wagtail_localize:convert_to_alias"


def _may_publish_source(user, page):
    source = (
        Page.objects.filter(
            translation_key=page.translation_key,
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .exclude(pk=page.pk)
        .first()
    )
    return source is not None and source.permissions_for_user(user).can_publish()


@require_admin_access
def refuse_alias_conversion(request, *args, **kwargs):
    """Raised inside the admin's own decorator: the message is the admin's, in the user's
    language, and the person is sent back to the dashboard."""
    raise PermissionDenied


class AliasConversionGuard:
    """Middleware: refuses "Convert to alias" to whoever may not publish the source page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name != CONVERT_TO_ALIAS:
            return None
        page = Page.objects.filter(pk=view_kwargs.get("page_id")).first()
        if page is None or _may_publish_source(request.user, page):
            return None
        return refuse_alias_conversion(request)
