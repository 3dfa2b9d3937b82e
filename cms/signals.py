"""What makes cached API responses stale: any change to what the public API shows.

Each receiver defers the invalidation until the change commits (``cms/api/cache.py`` says why).
"""

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

from cms.api.cache import invalidate_api_responses
from home.models import NavigationItem, SiteContent, SiteSocialLink

page_published.connect(invalidate_api_responses, dispatch_uid="api-cache-page-published")
page_unpublished.connect(invalidate_api_responses, dispatch_uid="api-cache-page-unpublished")
post_page_move.connect(invalidate_api_responses, dispatch_uid="api-cache-page-moved")
post_delete.connect(invalidate_api_responses, sender=Page, dispatch_uid="api-cache-page-deleted")

# Models whose every change can alter a response. Page subclasses send post_delete with their
# own class as sender; the page_unpublished signal fires before deletion of a live page anyway.
for model in (
    SiteContent,
    SiteSocialLink,
    NavigationItem,
    PageViewRestriction,
    CollectionViewRestriction,
    Collection,
    Locale,
    Site,
    Redirect,  # find/ answers an old path from them; /api/v2/redirects/ lists them
    get_image_model(),
    get_document_model(),
):
    for signal in (post_save, post_delete):
        signal.connect(
            invalidate_api_responses,
            sender=model,
            dispatch_uid=f"api-cache-{signal is post_save}-{model._meta.label}",
        )
