from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and site-wide content")

    def ready(self):
        # Connected once the models are loaded, which ``changes`` names.
        from . import changes

        changes.connect()
