"""Moderators may add, change and delete redirects (Settings → Redirects).

They are the ones who rename and move pages; the redirects Wagtail records then are theirs to
correct, and editor-made redirects reach the frontend through /api/v2/redirects/. Wagtail's own
migrations create the Moderators group; a site without it is left as it is.
"""

from django.db import migrations

ACTIONS = ("add", "change", "delete")


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is None:
        return
    redirect_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailredirects", model="redirect"
    )
    for action in ACTIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=redirect_type,
            codename=f"{action}_redirect",
            defaults={"name": f"Can {action} redirect"},
        )
        moderators.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators is None:
        return
    moderators.permissions.remove(
        *Permission.objects.filter(
            content_type__app_label="wagtailredirects",
            codename__in=[f"{action}_redirect" for action in ACTIONS],
        )
    )


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_require_https"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
