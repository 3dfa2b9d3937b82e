from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and site-wide content")

    def ready(self):
        # Once the models are loaded, which ``changes`` names; ``openapi`` adds the home page
        # and ``site/`` to the API's document.
        from . import changes, openapi  # noqa: F401

        changes.connect()
