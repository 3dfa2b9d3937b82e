"""The confirm and unsubscribe pages, at the frontend's paths (NEWSLETTER_CONFIRM_PATH and
NEWSLETTER_UNSUBSCRIBE_PATH) under the CMS's own address."""

from django.conf import settings
from django.urls import path

from . import link_pages

urlpatterns = [
    path(
        settings.NEWSLETTER_CONFIRM_PATH.strip("/"),
        link_pages.confirm_page,
        name="newsletter_confirm_page",
    ),
    path(
        settings.NEWSLETTER_UNSUBSCRIBE_PATH.strip("/"),
        link_pages.unsubscribe_page,
        name="newsletter_unsubscribe_page",
    ),
]
