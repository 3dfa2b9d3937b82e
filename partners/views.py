"""Admin views of the partners app."""

from django.shortcuts import redirect
from django.urls import reverse

# The query parameter that names the partner page a chooser is choosing cooperating partners
# for; the construct_page_chooser_queryset hook leaves that page out.
CHOOSING_FOR = "cooperating_partners_of"


def choose_cooperating_partner(request, start_page_id, partner_id, parent_page_id=None):
    """Wagtail's page chooser, opened at ``start_page_id`` (or where the editor browsed to).

    A redirect, so that the chooser itself, its navigation and its search stay Wagtail's own.
    """
    url = reverse("wagtailadmin_choose_page_child", args=(parent_page_id or start_page_id,))
    query = request.GET.copy()
    if partner_id:
        query[CHOOSING_FOR] = str(partner_id)
    return redirect(f"{url}?{query.urlencode()}")
