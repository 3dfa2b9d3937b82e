from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and site-wide content")

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import changes
        from .locales import create_content_locales

        post_migrate.connect(create_content_locales, sender=self, dispatch_uid="content-locales")
        changes.connect()
