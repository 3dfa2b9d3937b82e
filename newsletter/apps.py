from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "newsletter"
    verbose_name = _("Newsletter")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # ``openapi`` adds the newsletter's endpoints to the API's document.
        from . import erasure, events, openapi  # noqa: F401

        erasure.connect()
        events.register()
