from django.apps import AppConfig


class WebhooksConfig(AppConfig):
    name = "webhooks"
    verbose_name = "Publish notifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import dispatch

        dispatch.connect()
