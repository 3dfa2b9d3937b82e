from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from .roles import grant_translators_new_language_roots

        post_save.connect(
            grant_translators_new_language_roots, dispatch_uid="grant_translators_languages"
        )
