from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "U_CAN CMS"

    def ready(self):
        from . import events, signals  # noqa: F401  (signals: purges of every cache)

        events.connect()
