"""What the API needs to serialise partner pages without a query per item."""

from django.db.models import Prefetch

from cms.api.images import image_prefetch
from cms.api.relations import linked_pages
from cms.api.views import optimise_queryset

from .models import PartnerCooperation, PartnerPage, TeamMember


@optimise_queryset(PartnerPage)
def prefetch_partner_content(queryset):
    return queryset.prefetch_related(
        image_prefetch("logo"),
        "social_links",
        Prefetch(
            "team_members",
            queryset=TeamMember.objects.order_by("sort_order").prefetch_related(
                image_prefetch("photo")
            ),
        ),
        Prefetch(
            "cooperations",
            queryset=PartnerCooperation.objects.order_by("sort_order").select_related(
                "cooperating_partner"
            ),
        ),
    )


@linked_pages(PartnerPage)
def cooperating_partner_keys(page):
    return {
        cooperation.cooperating_partner.translation_key for cooperation in page.cooperations.all()
    }
