from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from wagtail_localize.models import StringTranslation

        # Tells the API whether a translation is up to date with its source.
        from . import api  # noqa: F401
        from .roles import grant_translators_new_language_roots
        from .segment_markup import flag_lost_markup

        post_save.connect(
            grant_translators_new_language_roots, dispatch_uid="grant_translators_languages"
        )
        post_save.connect(
            flag_lost_markup, sender=StringTranslation, dispatch_uid="flag_lost_segment_markup"
        )
