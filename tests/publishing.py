"""Publishing and translating pages the way an editor does, for the tests' own content."""

from django.test import TestCase
from wagtail_localize.models import Translation, TranslationSource


def publish(page):
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


def translate(page, locale, **fields):
    """A live translation of ``page`` with the given fields changed."""
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return publish(translation)


def localize(instance, locale, publish=True):
    """Translate ``instance`` into ``locale`` through wagtail-localize; return the copy."""
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    # wagtail-localize publishes on commit; the test transaction never commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=publish)
    return instance.get_translation(locale)
