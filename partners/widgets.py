"""The chooser an editor picks a cooperating partner with."""

from django.urls import reverse
from wagtail.admin.widgets import AdminPageChooser


class CooperatingPartnerChooser(AdminPageChooser):
    """Wagtail's page chooser for the cooperating partners of ``partner``.

    Its modal opens at ``start_page`` (the partner index of the page's language) instead of the
    common ancestor of all partner pages, which is the tree's root once two languages have
    partners, and it leaves ``partner`` itself out of the list (see ``partners.views``).
    """

    def __init__(self, partner, start_page, **kwargs):
        super().__init__(target_models=["partners.PartnerPage"], **kwargs)
        self.partner = partner
        self.start_page = start_page

    def get_chooser_modal_url(self):
        # Wagtail's script appends "<parent id>/" to this URL once a partner has been chosen,
        # to reopen where that one was; the URL configuration has a route for both.
        return reverse(
            "partners_choose_cooperating_partner",
            args=(self.start_page.pk, self.partner.pk or 0),
        )
