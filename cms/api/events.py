"""Content changes the outside world hears about: the publish notifications a frontend gets.

Wagtail and Django each announce changes in their own way (page_published, post_page_move,
pre_delete, a snippet's post_save …). This module turns them into one ``content_changed``
signal carrying a :class:`ContentChange`, sent once the database transaction commits, so that
nobody is told about a change that was rolled back. ``webhooks`` listens; the cache purges
have their own receivers (``cms/api/invalidation.py``). It lives in the API package because a
change is told as the API URLs and frontend paths it alters (``affected``), and so that every
app that announces or delivers changes imports it from below.
It connects the page events; an app names the events of its own models with
``register_event`` and announces their changes with ``announce`` (the site content:
``home/changes.py``), or sends its own payload through ``webhooks`` (the newsletter).
"""

import os
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.db.models.signals import pre_delete
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.api.affected import AffectedURLs, affected_by_page, page_path


class Event:
    """The page events this module sends; apps name the events of their own models."""

    PAGE_PUBLISHED = "page.published"
    PAGE_UNPUBLISHED = "page.unpublished"
    PAGE_DELETED = "page.deleted"
    PAGE_MOVED = "page.moved"
    TRANSLATION_PUBLISHED = "translation.published"


# Every event a webhook can be sent, with its label in the admin: the page events, then those
# apps register for their own models with ``register_event`` from their ``AppConfig.ready()``
# (``site_content.changed``: home/changes.py; ``newsletter.*``: newsletter/events.py).
_event_labels: dict[str, str] = {
    Event.PAGE_PUBLISHED: _("Page published (source language)"),
    Event.TRANSLATION_PUBLISHED: _("Translation published"),
    Event.PAGE_UNPUBLISHED: _("Page unpublished"),
    Event.PAGE_DELETED: _("Page deleted"),
    Event.PAGE_MOVED: _("Page moved"),
}


def register_event(name: str, label: str) -> None:
    """Offer ``name`` to webhooks, under ``label``."""
    _event_labels[name] = label


def event_choices() -> list[tuple[str, str]]:
    """``(event, label)`` of every event, in the order registered: the choices of the webhook
    form and of the delivery log."""
    return list(_event_labels.items())


@dataclass
class ContentChange:
    event: str
    locale: str
    affected: AffectedURLs
    page: dict | None = None
    occurred_at: str = field(default_factory=lambda: timezone.now().isoformat())

    def as_payload(self) -> dict:
        """The JSON body of a publish notification (documented in docs/frontend.md)."""
        return {
            "event": self.event,
            "occurred_at": self.occurred_at,
            "locale": self.locale,
            "page": self.page,
            "paths": self.affected.paths,
            "api_urls": self.affected.api_urls,
        }


content_changed = Signal()  # sends change=ContentChange


def announce(change: ContentChange):
    transaction.on_commit(lambda: content_changed.send(sender=ContentChange, change=change))


def page_summary(page) -> dict:
    return {
        "id": page.pk,
        "type": page.specific_class._meta.label if page.specific_class else "wagtailcore.Page",
        "title": page.title,
        "path": page_path(page),
    }


def page_change(event: str, page) -> ContentChange:
    return ContentChange(
        event, page.locale.language_code, affected_by_page(page), page_summary(page)
    )


def on_page_published(sender, instance, **kwargs):
    source_language = instance.locale.language_code == settings.LANGUAGE_CODE
    event = Event.PAGE_PUBLISHED if source_language else Event.TRANSLATION_PUBLISHED
    announce(page_change(event, instance))


def on_page_unpublished(sender, instance, **kwargs):
    announce(page_change(Event.PAGE_UNPUBLISHED, instance))


def on_page_deleted(sender, instance, **kwargs):
    # Before the deletion: afterwards the page has no path, parent or translations to ask.
    if instance.depth > 1:
        announce(page_change(Event.PAGE_DELETED, instance))


def path_before_move(new_path: str | None, url_path_before: str, url_path_after: str):
    """The frontend path a page had before a move within its locale's tree."""
    if not new_path:
        return None
    common = os.path.commonprefix([url_path_before, url_path_after])
    common = common[: common.rfind("/") + 1]
    kept = len(new_path) - (len(url_path_after) - len(common))
    return new_path[:kept] + url_path_before[len(common) :]


def on_page_moved(sender, instance, parent_page_before, url_path_before, url_path_after, **kwargs):
    if url_path_before == url_path_after and parent_page_before.pk == instance.get_parent().pk:
        return  # reordered among its siblings: no path changed
    old_path = path_before_move(page_path(instance), url_path_before, url_path_after)
    affected = affected_by_page(instance, old_path=old_path, old_parent=parent_page_before)
    for descendant in instance.get_descendants().live():
        new_path = page_path(descendant)
        old_url_path = url_path_before + descendant.url_path.removeprefix(url_path_after)
        affected.add_path(new_path)
        affected.add_path(path_before_move(new_path, old_url_path, descendant.url_path))
        affected.add_api(f"/api/v2/pages/{descendant.pk}/")
    announce(
        ContentChange(
            Event.PAGE_MOVED,
            instance.locale.language_code,
            affected,
            {**page_summary(instance), "old_path": old_path},
        )
    )


def connect():
    page_published.connect(on_page_published, dispatch_uid="events-page-published")
    page_unpublished.connect(on_page_unpublished, dispatch_uid="events-page-unpublished")
    post_page_move.connect(on_page_moved, dispatch_uid="events-page-moved")
    pre_delete.connect(on_page_deleted, sender=Page, dispatch_uid="events-page-deleted")
