"""Translate demo content through wagtail-localize, as a translator would in the editor."""

from wagtail.models import Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


class MissingDemoTranslation(LookupError):
    """The demo has no Ukrainian text for a source string: add it to demo/ukrainian.py."""


def translate_into(instance, locale, strings: dict):
    """Create and publish ``instance``'s translation with every segment from ``strings``.

    Nothing untranslated is published: a string without a Ukrainian version raises instead of
    falling back to English. Slugs are kept, so paths differ only in their language prefix.
    """
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        text = segment.string.data
        if segment.context.path == "slug":
            translated = text
        elif text in strings:
            translated = strings[text]
        elif text.replace("<br/>", "\n") in strings:
            # Multi-line text fields are segmented as HTML with <br/> between the lines.
            translated = strings[text.replace("<br/>", "\n")].replace("\n", "<br/>")
        else:
            raise MissingDemoTranslation(f"{instance}: no Ukrainian for {text!r}")
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={
                "data": translated,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )
    if isinstance(instance, Page):
        # Saved as a draft, then published here rather than on commit (wagtail-localize's
        # way), so that the publication order is the order of these calls.
        translation.save_target(publish=False)
        target = instance.get_translation(locale)
        target.get_latest_revision().publish()
        return target.specific
    translation.save_target(publish=True)
    return instance.get_translation(locale)
