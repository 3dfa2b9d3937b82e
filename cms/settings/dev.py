"""Local development: debug on, a fixed insecure key, everything on localhost."""

from .base import *  # noqa: F403
from .base import REST_FRAMEWORK
from .environment import env_list, env_str

DEBUG = True
# Only ever used on a developer's machine; production.py refuses to start without its own key.
SECRET_KEY = env_str("SECRET_KEY", "django-insecure-local-development-only")  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CORS_ALLOWED_ORIGINS = env_list(
    "CORS_ALLOWED_ORIGINS", ["http://localhost:3000", "http://127.0.0.1:3000"]
)

REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_RENDERER_CLASSES": [
        "rest_framework.renderers.JSONRenderer",
        "rest_framework.renderers.BrowsableAPIRenderer",
    ],
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # No collectstatic during development: serve straight from the apps.
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- Webhook destinations ----------------------------------------------------------------------
# A frontend running on the developer's machine may receive publish notifications.
WEBHOOK_ALLOWED_INTERNAL_HOSTS = env_list(
    "WEBHOOK_ALLOWED_INTERNAL_HOSTS", ["localhost", "127.0.0.1", "::1"]
)
