"""Admin wiring of the translation workflow: the overview, sync, and the publish guard.

Who may change what is not decided here but in ``pages/permissions.py``, which Wagtail asks on
every admin path.
"""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem

from cms.api.wagtail_internals import localize_url_overrides
from pages.permissions import untranslated_segments

from .machine_translation import machine_translate
from .menu_labels import help_menu_in_admin_language, reports_menu_in_admin_language
from .sync import SyncWithoutPublishingView
from .views import TranslationOverviewView

hooks.register("construct_reports_menu", reports_menu_in_admin_language)
hooks.register("construct_help_menu", help_menu_in_admin_language)


@hooks.register("register_admin_urls")
def register_overview_url():
    return [
        path(
            "translations/overview/",
            TranslationOverviewView.as_view(),
            name="translations_overview",
        ),
        # At wagtail-localize's addresses, registered first, so they answer instead: its sync
        # without "Publish immediately", its "Translate with …" with an engine's failure as a
        # message.
        *localize_url_overrides(SyncWithoutPublishingView.as_view(), machine_translate),
    ]


@hooks.register("register_admin_menu_item")
def register_overview_menu_item():
    return MenuItem(
        gettext_lazy("Translations"),
        reverse("translations_overview"),
        icon_name="wagtail-localize-language",
        order=160,
    )


@hooks.register("before_edit_page")
def publish_only_complete_translations(request, page):
    """Says why the translation editor's "Publish" did not publish.

    ``pages/permissions.py`` refuses to publish a translation with untranslated segments on
    every path; here the translator learns how many segments are left.
    """
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    missing, total = untranslated_segments(page)
    if missing:
        messages.error(
            request,
            _("%(missing)d of %(total)d segments are not translated yet; publish when all are.")
            % {"missing": missing, "total": total},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
