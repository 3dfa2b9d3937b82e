"""How far each translation is behind its source, computed in bulk.

A translation is *up to date* when it was published after the last publication of its source
and, if it is managed by wagtail-localize, after the source was last synchronised into it.
Otherwise it is *out of date*; an unpublished translation is a *draft*; no translation at all
is *missing*.
"""

from collections.abc import Iterable

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource


class TranslationState(models.TextChoices):
    MISSING = "missing", _("Missing")
    DRAFT = "draft", _("Draft")
    OUT_OF_DATE = "out_of_date", _("Out of date")
    UP_TO_DATE = "up_to_date", _("Up to date")


def source_locale() -> Locale:
    return Locale.objects.get(language_code=settings.LANGUAGE_CODE)


def changed_at(instance):
    """When the visitor-facing content of ``instance`` last changed."""
    if hasattr(instance, "last_published_at"):
        return instance.last_published_at
    revision = getattr(instance, "latest_revision", None)
    return revision.created_at if revision else None


def synchronised_at(translation_keys: Iterable) -> dict:
    """translation_key → when wagtail-localize last copied the source's content."""
    sources = TranslationSource.objects.filter(
        object_id__in=set(translation_keys), locale__language_code=settings.LANGUAGE_CODE
    ).values_list("object_id", "last_updated_at")
    return dict(sources)


def state_of(translation, source, synced_at=None) -> TranslationState:
    if translation is None:
        return TranslationState.MISSING
    if hasattr(translation, "live") and not translation.live:
        return TranslationState.DRAFT
    source_changed = changed_at(source)
    translated = changed_at(translation)
    if source_changed is None or translated is None:
        return TranslationState.UP_TO_DATE
    if translated < source_changed or (synced_at is not None and synced_at < source_changed):
        return TranslationState.OUT_OF_DATE
    return TranslationState.UP_TO_DATE
