"""The pages the public may see: live, under no view restriction, on the requested site."""

from collections.abc import Callable

from django.conf import settings
from wagtail.api.validators import SiteFilterValidator
from wagtail.models import Page, PageViewRestriction


def public_page_scope(request) -> Callable:
    """A function ``model → queryset`` of that model's public pages for this request.

    Wagtail's own version lets a signed-in user or a password-holding session see restricted
    pages; here the answer must not depend on the visitor, because responses are shared through
    the cache and the frontend calls anonymously anyway. The restrictions and the site's roots
    are read once, however many page types a request asks about.
    """
    restricted = [
        restriction.page for restriction in PageViewRestriction.objects.select_related("page")
    ]
    site = SiteFilterValidator(site=request.GET.get("site"), request=request).site_obj
    roots = []
    if site is not None:
        roots.append(site.root_page)
        if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
            roots += list(site.root_page.get_translations())

    def public(model=Page):
        queryset = model._default_manager.live()
        for page in restricted:
            queryset = queryset.not_descendant_of(page, inclusive=True)
        if not roots:
            return queryset.none()
        in_site = queryset.descendant_of(roots[0], inclusive=True)
        for root in roots[1:]:
            in_site |= queryset.descendant_of(root, inclusive=True)
        return in_site

    return public


def public_pages(request, model=Page):
    """Live pages of ``model`` outside every view restriction, whoever asks."""
    return public_page_scope(request)(model)
