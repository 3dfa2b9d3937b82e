"""Admin hooks that keep translators to translations (see translations/roles.py)."""

from wagtail import hooks
from wagtail.admin.auth import permission_denied

from .roles import is_source_language, is_translator


def _refuse_source_language(request, page):
    if is_translator(request.user) and is_source_language(page.locale):
        return permission_denied(request)
    return None


@hooks.register("before_edit_page")
def translators_edit_translations_only(request, page):
    return _refuse_source_language(request, page)


@hooks.register("before_create_page")
def translators_create_translations_only(request, parent_page, page_class):
    if is_translator(request.user) and (
        parent_page.is_root() or is_source_language(parent_page.locale)
    ):
        return permission_denied(request)
    return None


@hooks.register("before_delete_page")
def translators_never_delete_pages(request, page):
    if is_translator(request.user):
        return permission_denied(request)
    return None


@hooks.register("before_unpublish_page")
def translators_unpublish_translations_only(request, page):
    return _refuse_source_language(request, page)


@hooks.register("before_move_page")
def translators_never_move_pages(request, page, destination):
    if is_translator(request.user):
        return permission_denied(request)
    return None


@hooks.register("before_copy_page")
def translators_never_copy_pages(request, page):
    if is_translator(request.user):
        return permission_denied(request)
    return None


@hooks.register("before_edit_snippet")
def translators_edit_translated_snippets_only(request, instance):
    if is_translator(request.user) and is_source_language(getattr(instance, "locale", None)):
        return permission_denied(request)
    return None


@hooks.register("before_delete_snippet")
def translators_never_delete_snippets(request, instances):
    if is_translator(request.user):
        return permission_denied(request)
    return None


@hooks.register("register_admin_urls")
def register_overview_url():
    from django.urls import path

    from .sync import SyncWithoutPublishingView
    from .views import TranslationOverviewView

    return [
        path(
            "translations/overview/",
            TranslationOverviewView.as_view(),
            name="translations_overview",
        ),
        # Same address as wagtail-localize's view, registered first, so it answers instead.
        path(
            "localize/update/<int:translation_source_id>/",
            SyncWithoutPublishingView.as_view(),
            name="translations_sync",
        ),
    ]


@hooks.register("register_admin_menu_item")
def register_overview_menu_item():
    from django.urls import reverse
    from django.utils.translation import gettext_lazy as _
    from wagtail.admin.menu import MenuItem

    return MenuItem(
        _("Translations"),
        reverse("translations_overview"),
        icon_name="wagtail-localize-language",
        order=160,
    )


@hooks.register("before_edit_page")
def publish_only_complete_translations(request, page):
    """Publishing a translation with untranslated segments would show English text as if it
    were the page's language, so the translation editor's "Publish" waits for every segment."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    from django.shortcuts import redirect
    from django.utils.translation import gettext as _
    from wagtail.admin import messages
    from wagtail_localize.models import Translation

    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale=page.locale, enabled=True
    ).first()
    if translation is None:
        return None
    total, translated = translation.get_progress()
    if translated < total:
        messages.error(
            request,
            _("%(missing)d of %(total)d segments are not translated yet; publish when all are.")
            % {"missing": total - translated, "total": total},
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
