from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "U_CAN CMS"

    def ready(self):
        from . import events, purge, signals  # noqa: F401  (signals: the cache invalidation)

        events.connect()
        purge.connect()
