"""Admin wiring: a flat, filterable listing of every partner page, the cooperating-partner
chooser, autosave kept to pages an editor has saved, and a warning about images from private
collections."""

from django.http import JsonResponse
from django.urls import path
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.pages import PageListingViewSet

from pages.private_media import warn_if_private

from .models import PartnerPage
from .views import CHOOSING_FOR, choose_cooperating_partner


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


@hooks.register("register_admin_urls")
def register_cooperating_partner_chooser():
    prefix = "partners/choose-cooperating-partner/<int:start_page_id>/<int:partner_id>/"
    return [
        path(prefix, choose_cooperating_partner, name="partners_choose_cooperating_partner"),
        path(f"{prefix}<int:parent_page_id>/", choose_cooperating_partner),
    ]


@hooks.register("construct_page_chooser_queryset")
def leave_out_the_partner_being_edited(pages, request):
    """A partner does not cooperate with itself: its own chooser does not offer it."""
    partner_id = request.GET.get(CHOOSING_FOR, "")
    return pages.exclude(pk=int(partner_id)) if partner_id.isdigit() else pages


def is_autosave(request):
    """Wagtail's autosave posts the form asking for JSON and without a button's action; a click
    on “Save draft”, “Publish” or “Submit” is an ordinary form submission."""
    return (
        request.method == "POST"
        and not request.accepts("text/html")
        and not any(request.POST.get(f"action-{name}") for name in ("publish", "submit"))
    )


@hooks.register("before_create_page")
def create_new_pages_only_when_the_editor_saves(request, parent_page, page_class):
    """A new page comes into being when its editor saves it, never by autosave.

    Wagtail's autosave would create the page as a draft as soon as anything is typed, and an
    editor who opened “Add child page” and then went elsewhere would leave it behind. Refused
    here, autosave pauses with this message and the browser still warns about unsaved changes
    on leaving; once the page is saved, its edits are autosaved (``WAGTAIL_AUTOSAVE_INTERVAL``).
    Wagtail shows the message of a ``validation_error``; other codes read “A server error
    occurred.”
    """
    if is_autosave(request):
        return JsonResponse(
            {
                "success": False,
                "error_code": "validation_error",
                "error_message": str(
                    _(
                        "A new page is saved when you click “Save draft” or “Publish”; "
                        "after that, your changes are saved automatically."
                    )
                ),
            },
            status=400,
        )
    return None


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_about_private_images(request, page):
    """After a partner page is saved: its logo and its team members' photos."""
    if not isinstance(page, PartnerPage):
        return
    warn_if_private(
        request,
        page.logo,
        gettext(
            "The logo “%(image)s” is in the private collection “%(collection)s”: the website "
            "will show no logo until it is moved to a public collection."
        ),
    )
    for member in page.team_members.all():
        warn_if_private(
            request,
            member.photo,
            gettext(
                "The photo of %(name)s “%(image)s” is in the private collection "
                "“%(collection)s”: the website will show no photo until it is moved to a "
                "public collection."
            ),
            name=member.name,
        )
