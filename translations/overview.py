"""The rows of the translation overview: every source item × every other language."""

from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Locale, Page
from wagtail_localize.models import TranslationSource

from home.models import SiteContent

from .editor import sync_url
from .status import TranslationState, source_locale, state_of, synchronised_at


@dataclass
class OverviewRow:
    title: str
    kind: str
    locale: Locale
    state: TranslationState
    source_edit_url: str | None
    action_label: str
    action_url: str
    sync_url: str | None


def _translate_url(source):
    if isinstance(source, Page):
        return reverse("wagtail_localize:submit_page_translation", args=(source.pk,))
    meta = type(source)._meta
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=(meta.app_label, meta.model_name, source.pk),
    )


def overview_rows(user, locale_code=None, state=None, kind=None) -> list[OverviewRow]:
    source = source_locale()
    targets = Locale.objects.exclude(pk=source.pk).order_by("language_code")
    if locale_code:
        targets = targets.filter(language_code=locale_code)
    targets = list(targets)

    sources = list(
        Page.objects.filter(locale=source, depth__gt=1).specific().order_by("path")
    ) + list(SiteContent.objects.filter(locale=source))
    keys = [item.translation_key for item in sources]
    synced = synchronised_at(keys)
    localize_sources = dict(
        TranslationSource.objects.filter(object_id__in=keys, locale=source).values_list(
            "object_id", "pk"
        )
    )
    pages = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys).exclude(locale=source).specific()
    }
    snippets = {
        (item.translation_key, item.locale_id): item
        for item in SiteContent.objects.filter(translation_key__in=keys).exclude(locale=source)
    }
    url_finder = AdminURLFinder(user)
    overview_url = reverse("translations_overview")

    rows = []
    for item in sources:
        item_kind = (
            item.specific_class._meta.verbose_name
            if isinstance(item, Page)
            else SiteContent._meta.verbose_name
        )
        if kind and str(item_kind) != kind:
            continue
        for target in targets:
            lookup = pages if isinstance(item, Page) else snippets
            translation = lookup.get((item.translation_key, target.pk))
            item_state = state_of(translation, item, synced.get(item.translation_key))
            if state and item_state != state:
                continue
            if translation is None:
                label, url = _("Translate"), _translate_url(item)
            else:
                label, url = _("Edit translation"), url_finder.get_edit_url(translation)
            localize_source = localize_sources.get(item.translation_key)
            rows.append(
                OverviewRow(
                    title=str(item.get_admin_display_title() if isinstance(item, Page) else item),
                    kind=str(item_kind),
                    locale=target,
                    state=item_state,
                    source_edit_url=url_finder.get_edit_url(item),
                    action_label=label,
                    action_url=url,
                    sync_url=(
                        sync_url(localize_source, next_url=overview_url)
                        if localize_source and item_state == TranslationState.OUT_OF_DATE
                        else None
                    ),
                )
            )
    return rows
