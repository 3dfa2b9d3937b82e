from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    name = "partners"
    verbose_name = _("Partner organisations")

    def ready(self):
        # Register the API's prefetching for partner pages, and their part of its document.
        from . import api, openapi  # noqa: F401
