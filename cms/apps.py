from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "U_CAN CMS"

    def ready(self):
        from cms.api import events, invalidation  # noqa: F401  (invalidation: purges of every cache)

        events.connect()
