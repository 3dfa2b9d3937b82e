"""What the API needs to serialise partner pages without a query per item.

The logo is joined into the page query with its renditions prefetched; the inlines (social
links, team, cooperating partners) are loaded for all the pages of a response at once by
``partners.inlines.load_inlines``.
"""

from cms.api.images import with_image
from cms.api.loading import load_after_fetch, optimise_queryset
from cms.api.relations import linked_pages

from .inlines import inline, load_inlines
from .models import PartnerPage


@optimise_queryset(PartnerPage)
def join_logo(queryset):
    return with_image(queryset, "logo")


load_after_fetch(PartnerPage)(load_inlines)


@linked_pages(PartnerPage)
def cooperating_partner_keys(page):
    return {cooperation.translation_key for cooperation in inline(page, "cooperations")}
