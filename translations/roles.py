"""The Translators group's grants: every language but the source language, one root each.

What a translator may do with those grants is decided in ``pages/permissions.py``, which every
admin path consults. Here: the group's model permissions, and its page permissions on the home
page of each translated language — granted by a migration for the languages that exist and, for
a language added later, when its home page is created.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from pages.permissions import TRANSLATORS, is_source_language

# Edit and publish: structure (add, delete, move) stays with editors.
PAGE_PERMISSIONS = ["change_page", "publish_page"]
MODEL_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("wagtail_localize", "translation", "submit_translation"),
    ("home", "sitecontent", "add_sitecontent"),
    ("home", "sitecontent", "change_sitecontent"),
    ("wagtailimages", "image", "choose_image"),
    ("wagtaildocs", "document", "choose_document"),
]


def is_language_root(page) -> bool:
    """A home page directly under Wagtail's root, in a language that is not the source."""
    return page.depth == 2 and not is_source_language(page.locale)


def grant_translators(page):
    """Give the Translators group its page permissions on one language's root."""
    translators = Group.objects.filter(name=TRANSLATORS).first()
    if translators is None:
        return
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(
            group=translators, page=page, permission=permission
        )


def grant_translators_new_language_roots(sender, instance, created, raw=False, **kwargs):
    """``post_save`` receiver: a new language's home page opens that language to translators."""
    if created and not raw and isinstance(instance, Page) and is_language_root(instance):
        grant_translators(instance)
