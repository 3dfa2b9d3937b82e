"""The Translators role: what a member may do, in one place.

Translators translate, edit and publish pages and site content in every language except the
source language (``LANGUAGE_CODE``); they never change source-language content, delete pages
or touch settings. Wagtail's tree permissions cannot express "by language", so the group gets
page permissions on the whole tree (to browse and open "Translate this page") and the admin
hooks in ``wagtail_hooks.py`` refuse every action on source-language content.
"""

from django.conf import settings

TRANSLATORS = "Translators"

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page"]
MODEL_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("wagtail_localize", "translation", "submit_translation"),
    ("home", "sitecontent", "add_sitecontent"),
    ("home", "sitecontent", "change_sitecontent"),
    ("wagtailimages", "image", "choose_image"),
    ("wagtaildocs", "document", "choose_document"),
]


def is_translator(user) -> bool:
    """A translator and nothing more: editors and superusers keep their own rights."""
    if not user.is_authenticated or user.is_superuser:
        return False
    group_names = set(user.groups.values_list("name", flat=True))
    return TRANSLATORS in group_names and group_names <= {TRANSLATORS}


def is_source_language(locale) -> bool:
    return locale is not None and locale.language_code == settings.LANGUAGE_CODE
