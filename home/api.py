"""``/api/v2/site/``: the site-wide content of one locale, in one call.

Example (abridged)::

    {"locale": "en",
     "available_locales": [{"code": "en", "name": "English"}, {"code": "uk", "name": "Українська"}],
     "project_name": "U_CAN", "tagline": "Ukraine Towards Carbon Neutrality",
     "navigation": [{"id": 4, "title": "Partners", "path": "/en/partners/"}],
     "coordinator": {"organisation": "…", "unit": "…", "address": "…", "email": "…"},
     "social_links": [{"platform": "facebook", "url": "…"}],
     "newsletter": {"title": "…", "text": "…", "signup_url": null},
     "funding_notice": {"text": "…", "image": {"url": "…", "alt": "…", …}}}

The funding emblem is null when none is chosen or it is in a private collection (the prefetch
of ``cms.api.images.image_prefetch`` leaves such an image out).
"""

from django.conf import settings
from django.db.models import Prefetch
from django.utils.translation import get_language_info
from rest_framework.response import Response
from rest_framework.views import APIView
from wagtail.models import Locale

from cms.api import cache_tags
from cms.api.images import BANNER_RENDITIONS, image_prefetch, image_representation
from cms.api.paths import page_path
from cms.api.querysets import public_pages
from cms.api.validation import InvalidParameter, wants_fallback
from cms.api.views import JSONErrorsMixin

from .models import NavigationItem, SiteContent

KNOWN_PARAMETERS = {"locale", "fallback", "format"}


def available_locales():
    """Each language named in its own tongue ("Українська"), as a language switcher shows it."""
    names = {
        code: get_language_info(code)["name_local"]
        for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES
    }
    return [
        {"code": code, "name": names[code]}
        for code in Locale.objects.order_by("pk").values_list("language_code", flat=True)
        if code in names
    ]


def localised_navigation(site_content, locale, request):
    """Navigation entries pointing to the locale's translation of each page where it is live,
    to the page itself otherwise, and left out when neither is live and public."""
    items = list(site_content.navigation_items.all())
    # The chosen pages: a change to any translation of one purges its key.
    cache_tags.add_pages(item.page_id for item in items)
    keys = {item.page.translation_key for item in items}
    visible = public_pages(request).filter(translation_key__in=keys)
    by_key_and_locale = {
        (page.translation_key, page.locale_id): page for page in visible.select_related("locale")
    }
    navigation = []
    for item in items:
        page = by_key_and_locale.get(
            (item.page.translation_key, locale.pk)
        ) or by_key_and_locale.get((item.page.translation_key, item.page.locale_id))
        if page is None:
            continue
        label = item.label if item.label and page.locale_id == site_content.locale_id else ""
        navigation.append(
            {"id": page.pk, "title": label or page.title, "path": page_path(page, request)}
        )
    return navigation


def site_content_representation(site_content, request):
    cache_tags.add(cache_tags.SITE, cache_tags.site_key(site_content.pk))
    # Also when private (left out by the prefetch): moving it to a public collection shows it.
    cache_tags.add_images([site_content.funding_image_id])
    return {
        "locale": site_content.locale.language_code,
        "available_locales": available_locales(),
        "project_name": site_content.project_name,
        "tagline": site_content.tagline,
        "navigation": localised_navigation(site_content, site_content.locale, request),
        "coordinator": {
            "organisation": site_content.coordinator_organisation,
            "unit": site_content.coordinator_unit,
            "address": site_content.coordinator_address,
            "email": site_content.coordinator_email or None,
        },
        "social_links": [
            {"platform": link.platform, "url": link.url} for link in site_content.social_links.all()
        ],
        "newsletter": {
            "title": site_content.newsletter_title,
            "text": site_content.newsletter_text,
            "signup_url": site_content.newsletter_signup_url or None,
        },
        "funding_notice": {
            "text": site_content.funding_text,
            "image": image_representation(
                site_content.funding_image,
                site_content.funding_image_alt,
                BANNER_RENDITIONS,
                request,
            ),
        },
    }


class SiteContentView(JSONErrorsMixin, APIView):
    def get(self, request):
        unknown = set(request.GET) - KNOWN_PARAMETERS
        if unknown:
            raise InvalidParameter(sorted(unknown)[0], "is not a parameter of this endpoint")
        locale_code = request.GET.get("locale", settings.LANGUAGE_CODE)
        site_content = self.site_content(locale_code)
        if site_content is None and wants_fallback(request.GET):
            # Marked with its real locale, so the frontend knows it is not a translation.
            site_content = self.site_content(settings.LANGUAGE_CODE)
        if site_content is None:
            return Response({"message": f"no site content in locale {locale_code!r}"}, status=404)
        return Response(site_content_representation(site_content, request))

    @staticmethod
    def site_content(locale_code):
        return (
            SiteContent.objects.filter(locale__language_code=locale_code)
            .select_related("locale")
            .prefetch_related(
                image_prefetch("funding_image"),
                "social_links",
                Prefetch(
                    "navigation_items",
                    queryset=NavigationItem.objects.select_related("page").order_by("sort_order"),
                ),
            )
            .first()
        )
