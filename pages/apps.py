from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Page machinery")

    def ready(self):
        # Imported once every model is loaded: they read models and the API.
        from cms.api.preview import page_preview_response

        from .headless import PREVIEW_RENDERERS
        from .locales import create_content_locales
        from .reading_view import reading_view_response

        PREVIEW_RENDERERS.update(json=page_preview_response, reading=reading_view_response)
        # Sent by ``migrate`` for each app with models, which this one has none of: after
        # Wagtail's core app, the owner of the Locale model.
        post_migrate.connect(
            create_content_locales,
            sender=apps.get_app_config("wagtailcore"),
            dispatch_uid="content-locales",
        )
