"""Template tags of the translation editor's header (see translations/editor.py)."""

import calendar

from django import template
from django.utils.dates import MONTHS_ALT
from django.utils.translation import gettext
from wagtail.admin.admin_url_finder import AdminURLFinder

from translations.editor import source_change

register = template.Library()


@register.simple_tag(takes_context=True)
def unsynced_source_change(context, translation):
    return source_change(translation, next_url=context["request"].get_full_path())


@register.simple_tag(takes_context=True)
def source_edit_url(context, translation):
    """The source's editor, or None for whoever may not edit it (translators)."""
    source = translation.source.get_source_instance()
    return AdminURLFinder(context["request"].user).get_edit_url(source)


@register.simple_tag
def translation_editor_texts(translation):
    """The texts wagtail-localize's editor writes in English whatever the admin's language,
    in that language, for translations/static/translations/js/translation-editor-texts.js."""
    source = translation.source.locale.get_display_name()
    target = translation.target_locale.get_display_name()
    return {
        "replacements": {
            "More actions": gettext("More actions"),
            f"{source} to {target} translation": gettext("%(source)s to %(target)s translation")
            % {"source": source, "target": target},
        },
        # strftime's English month names → the month's name as a date says it ("27 листопада").
        "months": {
            english: str(MONTHS_ALT[number])
            for number, english in enumerate(calendar.month_name)
            if english
        },
    }
