"""What the API needs to serialise partner pages without a query per item.

The inlines are prefetched into plain lists (``to_attr``): Django would otherwise build a
queryset per page and relation to hold each page's results, which for a listing of 20 partners
cost more than the queries themselves. ``inline(page, name)`` reads them, falling back to the
relation for a page that was not prefetched (a preview).
"""

from django.db.models import Prefetch

from cms.api.images import image_prefetch
from cms.api.relations import linked_pages
from cms.api.views import optimise_queryset

from .inlines import PREFETCHED, inline
from .models import PartnerCooperation, PartnerPage, PartnerSocialLink, TeamMember

TEAM_MEMBER_API_FIELDS = [
    "partner",
    "sort_order",
    "name",
    "position",
    "photo",
    "email",
    "email_is_public",
    "bio",
    "profile_url",
    "is_contact_person",
]


@optimise_queryset(PartnerPage)
def prefetch_partner_content(queryset):
    return queryset.prefetch_related(
        image_prefetch("logo"),
        Prefetch(
            "social_links",
            queryset=PartnerSocialLink.objects.order_by("sort_order"),
            to_attr=PREFETCHED["social_links"],
        ),
        Prefetch(
            "team_members",
            queryset=TeamMember.objects.order_by("sort_order")
            # What the API shows; the translation key and locale (a UUID to parse per member)
            # are left in the database.
            .only(*TEAM_MEMBER_API_FIELDS)
            .prefetch_related(image_prefetch("photo")),
            to_attr=PREFETCHED["team_members"],
        ),
        Prefetch(
            "cooperations",
            queryset=PartnerCooperation.objects.order_by("sort_order").select_related(
                "cooperating_partner"
            ),
            to_attr=PREFETCHED["cooperations"],
        ),
    )


@linked_pages(PartnerPage)
def cooperating_partner_keys(page):
    return {
        cooperation.cooperating_partner.translation_key
        for cooperation in inline(page, "cooperations")
    }
