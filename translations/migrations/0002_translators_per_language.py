"""Translators' page permissions move from Wagtail's root to each translated language's root.

Granted on the root, they covered the source language too, and every admin view that did not
check the language (bulk actions, privacy, ordering) let translators change English pages.
"""

from django.conf import settings
from django.db import migrations

TRANSLATORS = "Translators"
PAGE_PERMISSIONS = ["change_page", "publish_page"]


def grant_per_language(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    translators = Group.objects.filter(name=TRANSLATORS).first()
    if translators is None:
        return
    GroupPagePermission.objects.filter(group=translators).delete()
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
    )
    language_roots = Page.objects.filter(depth=2).exclude(
        locale__language_code=settings.LANGUAGE_CODE
    )
    for page in language_roots:
        for permission in permissions:
            GroupPagePermission.objects.create(
                group=translators, page=page, permission=permission
            )


def grant_on_root(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    translators = Group.objects.filter(name=TRANSLATORS).first()
    root = Page.objects.filter(depth=1).first()
    if translators is None or root is None:
        return
    GroupPagePermission.objects.filter(group=translators).delete()
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore",
        codename__in=["add_page", "change_page", "publish_page"],
    ):
        GroupPagePermission.objects.create(group=translators, page=root, permission=permission)


class Migration(migrations.Migration):
    dependencies = [("translations", "0001_translators_group")]

    operations = [migrations.RunPython(grant_per_language, grant_on_root)]
