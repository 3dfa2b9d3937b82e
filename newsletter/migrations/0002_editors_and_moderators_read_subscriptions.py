"""Editors and Moderators may read and export the subscription list (Admin → Newsletter)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Editors", "Moderators"]


def permission(apps):
    # Django creates a new model's permissions after all migrations ran; this one needs them now.
    app_config = apps.get_app_config("newsletter")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    return apps.get_model("auth", "Permission").objects.get(
        content_type__app_label="newsletter", codename="view_subscription"
    )


def grant(apps, schema_editor):
    view = permission(apps)
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.add(view)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    view = Permission.objects.filter(
        content_type__app_label="newsletter", codename="view_subscription"
    ).first()
    if view:
        for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
            group.permissions.remove(view)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0001_subscriptions"),
        ("wagtailcore", "0002_initial_data"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
