"""Create the Translators group with its permissions (see translations/roles.py)."""

from django.db import migrations

# As first granted; 0002 moves the page permissions from the root to each language's root.
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


def create_translators(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")

    translators, _created = Group.objects.get_or_create(name=TRANSLATORS)
    for app_label, model, codename in MODEL_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename}
        )
        translators.permissions.add(permission)

    root = Page.objects.filter(depth=1).first()
    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    for codename in PAGE_PERMISSIONS:
        permission, _ = Permission.objects.get_or_create(
            content_type=page_type, codename=codename, defaults={"name": codename}
        )
        GroupPagePermission.objects.get_or_create(
            group=translators, page=root, permission=permission
        )


def remove_translators(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=TRANSLATORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_content_locales"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0094_alter_page_locale"),
        ("wagtailimages", "0001_initial"),
        ("wagtaildocs", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_translators, remove_translators)]
