"""The pages the public may see: live, under no view restriction, on the requested site."""

from django.conf import settings
from wagtail.api.validators import SiteFilterValidator
from wagtail.models import Page, PageViewRestriction


def public_pages(request, model=Page):
    """Live pages outside every view restriction, whoever asks.

    Wagtail's own version lets a signed-in user or a password-holding session see restricted
    pages; here the answer must not depend on the visitor, because responses are shared through
    the cache and the frontend calls anonymously anyway.
    """
    queryset = model._default_manager.live()
    for restriction in PageViewRestriction.objects.select_related("page"):
        queryset = queryset.not_descendant_of(restriction.page, inclusive=True)

    site = SiteFilterValidator(site=request.GET.get("site"), request=request).site_obj
    if site is None:
        return queryset.none()
    in_site = queryset.descendant_of(site.root_page, inclusive=True)
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        for translation in site.root_page.get_translations():
            in_site |= queryset.descendant_of(translation, inclusive=True)
    return in_site
