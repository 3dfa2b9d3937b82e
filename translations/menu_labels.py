"""Menu labels in each person's admin language, whoever opened the admin first.

Wagtail builds its menus' items once per process and keeps them. Two items take their label
from ``gettext`` when they are built instead of keeping a lazy string: wagtail-localize's
"Translations" report and Wagtail's own "What's new in Wagtail 8.0" — so the language of the
first admin request a process served was the one everyone saw those two labels in (a Ukrainian
translator met them in English after an English editor's request). The menus' construct hooks
run per request on a list of their own, so each request gets copies labelled in its language;
the shared items are never changed.
"""

import copy

from django.urls import reverse
from django.utils.translation import gettext
from wagtail.utils.version import get_main_version


def _relabelled(item, label):
    item = copy.copy(item)
    item.label = label
    return item


def reports_menu_in_admin_language(request, items):
    # Found by its address: importing wagtail-localize's wagtail_hooks module for the item's
    # class would register its hooks before this app's, and its admin URLs would then shadow
    # the ones this app puts in their place (sync, machine translation).
    report = reverse("wagtail_localize:translations_report")
    items[:] = [
        _relabelled(item, gettext("Translations")) if item.url == report else item for item in items
    ]


def help_menu_in_admin_language(request, items):
    version = get_main_version(include_patch=False)
    label = gettext("What's new in Wagtail %(version)s") % {"version": version}
    items[:] = [
        _relabelled(item, label) if item.name == f"whats-new-in-wagtail-{version}" else item
        for item in items
    ]
