"""What the translation editor tells a translator about its English source.

wagtail-localize's editor shows the segments as they were last synchronised and says nothing
when the source has changed since; syncing was reached only from the overview, and ended in
the English explorer, which translators may not use. Here: whether the source changed since
the last sync, and the address of the sync that brings the translator back where they were.
"""

from dataclasses import dataclass
from datetime import datetime

from django.urls import reverse
from django.utils.http import urlencode
from wagtail_localize.models import Translation

from .status import changed_at


@dataclass
class SourceChange:
    changed_at: datetime
    synced_at: datetime
    sync_url: str


def sync_url(translation_source_pk: int, next_url: str) -> str:
    """The sync view of one source, returning to ``next_url`` afterwards."""
    url = reverse("wagtail_localize:update_translations", args=(translation_source_pk,))
    return f"{url}?{urlencode({'next': next_url})}"


def source_change(translation: Translation, next_url: str) -> SourceChange | None:
    """The source's change not yet synced into ``translation``, or None when it is in step."""
    source = translation.source
    source_instance = source.get_source_instance()
    source_changed = changed_at(source_instance)
    if source_changed is None or source.last_updated_at >= source_changed:
        return None
    return SourceChange(
        changed_at=source_changed,
        synced_at=source.last_updated_at,
        sync_url=sync_url(source.pk, next_url),
    )
