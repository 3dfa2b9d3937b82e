from django.apps import AppConfig


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "U_CAN CMS"

    def ready(self):
        from . import signals  # noqa: F401  (connects the cache invalidation)
