"""What makes cached API responses stale: any change to what the public API shows.

A change to a page or an image purges the cache keys of what it changed
(``cms/api/cache_tags.py``), in the CMS's response cache and in the caches in front of it
(``cms/api/purge.py``); a change that reaches everything (view restrictions, collections, locales,
sites, documents) makes every response stale. Each receiver defers the purge until the change
commits (``cms/api/cache.py`` says why). Apps purge what their own models alter the same way
and connect their receivers themselves with ``purge_on_save_and_delete`` (the site content:
``home/changes.py``).
"""

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    Locale,
    Page,
    PageViewRestriction,
    Site,
)
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms.api import cache_tags
from cms.api.purge import canonical_urls, purge_everything_on_commit, purge_on_commit


def on_page_changed(sender, instance, **kwargs):
    warm_urls = canonical_urls(instance) if settings.API_CACHE_WARM and instance.live else []
    purge_on_commit(cache_tags.keys_changed_by_page(instance), warm_urls)


def on_page_moved(sender, instance, **kwargs):
    purge_on_commit(cache_tags.keys_changed_by_page(instance, with_descendants=True))


def on_page_deleted(sender, instance, **kwargs):
    purge_on_commit(cache_tags.keys_changed_by_page(instance))


def on_image_changed(sender, instance, **kwargs):
    purge_on_commit([cache_tags.image_key(instance.pk), cache_tags.IMAGE_LISTINGS])


page_published.connect(on_page_changed, dispatch_uid="api-cache-page-published")
page_unpublished.connect(on_page_changed, dispatch_uid="api-cache-page-unpublished")
post_page_move.connect(on_page_moved, dispatch_uid="api-cache-page-moved")
post_delete.connect(on_page_deleted, sender=Page, dispatch_uid="api-cache-page-deleted")

RECEIVERS = {get_image_model(): on_image_changed}
# Models whose every change can alter any response.
for model in (
    PageViewRestriction,
    CollectionViewRestriction,
    Collection,
    Locale,
    Site,
    Redirect,  # find/ answers an old path from them; /api/v2/redirects/ lists them
    get_document_model(),
):
    RECEIVERS[model] = purge_everything_on_commit


def purge_on_save_and_delete(receivers: dict) -> None:
    """Connect each model's receiver to its saves and deletions; apps call it for theirs."""
    for model, receiver in receivers.items():
        for signal in (post_save, post_delete):
            signal.connect(
                receiver,
                sender=model,
                dispatch_uid=f"api-cache-{signal is post_save}-{model._meta.label}",
            )


purge_on_save_and_delete(RECEIVERS)
