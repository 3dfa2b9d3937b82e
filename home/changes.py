"""What a change to the site content tells the rest of the CMS.

Saving or deleting a ``SiteContent`` (or one of its social links or navigation items) purges
the ``/api/v2/site/`` responses it alters, in the response cache and the caches in front of it
(``cms.api.purge``); saving one announces ``site_content.changed`` to publish notifications
(``cms.api.events``). ``connect()`` runs from ``HomeConfig.ready()``: the CMS's own receivers
(``cms/api/invalidation.py``, ``cms/api/events.py``) cover pages, images and the rest, and
know no app.
"""

from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _

from cms.api import cache_tags
from cms.api.affected import site_content_urls
from cms.api.events import ContentChange, announce, register_event
from cms.api.invalidation import purge_on_save_and_delete
from cms.api.purge import purge_on_commit

from .models import NavigationItem, SiteContent, SiteSocialLink

SITE_CONTENT_CHANGED = "site_content.changed"


def on_site_content_changed(sender, instance, created=False, **kwargs):
    # A new locale's content replaces the fallback that site/?locale=… showed: all of site/.
    changed_one = kwargs.get("signal") is post_save and not created
    purge_on_commit([cache_tags.site_key(instance.pk)] if changed_one else [cache_tags.SITE])


def on_site_content_part_changed(sender, instance, **kwargs):
    purge_on_commit([cache_tags.site_key(instance.site_content_id)])


def on_site_content_saved(sender, instance, **kwargs):
    language_code = instance.locale.language_code
    change = ContentChange(SITE_CONTENT_CHANGED, language_code, site_content_urls(language_code))
    change.affected.add_path(f"/{language_code}/")
    announce(change)


PURGES = {
    SiteContent: on_site_content_changed,
    SiteSocialLink: on_site_content_part_changed,
    NavigationItem: on_site_content_part_changed,
}


def connect():
    register_event(SITE_CONTENT_CHANGED, _("Site content changed"))
    purge_on_save_and_delete(PURGES)
    post_save.connect(on_site_content_saved, sender=SiteContent, dispatch_uid="events-site")
