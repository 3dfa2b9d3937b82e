"""Admin wiring: a flat, filterable listing of every partner page, and a warning about
images from private collections."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet

from home.private_media import warn_about_private_partner_images

from .models import PartnerPage


class PartnerPageListingViewSet(PageListingViewSet):
    model = PartnerPage
    icon = "group"
    menu_label = _("Partners")
    add_to_admin_menu = True
    menu_order = 150
    columns = [
        *PageListingViewSet.columns,
        Column("country", label=_("Country"), accessor="get_country_display", sort_key="country"),
        Column(
            "consortium_role",
            label=_("Role"),
            accessor="get_consortium_role_display",
            sort_key="consortium_role",
        ),
    ]
    list_filter = ["country", "consortium_role", "organisation_type", "locale"]


@hooks.register("register_admin_viewset")
def register_partner_listing():
    return PartnerPageListingViewSet("partner_pages")


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_private_images(request, page):
    if isinstance(page, PartnerPage):
        warn_about_private_partner_images(request, page)
