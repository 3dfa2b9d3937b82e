"""The test suite: fast hashing, in-memory files, SQLite unless DATABASE_URL says otherwise."""

import os
from urllib.parse import urlsplit, urlunsplit

from .base import *  # noqa: F403
from .caches import redis_cache
from .environment import env_str


def redis_url_for_this_worker(url):
    """Give each pytest-xdist worker a Redis database of its own.

    django-redis clears a cache with FLUSHDB, which a key prefix does not fence in: workers
    sharing one database wipe each other's cache in the middle of a test.
    """
    worker = os.environ.get("PYTEST_XDIST_WORKER", "gw0")
    index = int(worker.removeprefix("gw") or 0)
    parts = urlsplit(url)
    database = int(parts.path.strip("/") or 0)
    return urlunsplit(parts._replace(path=f"/{(database + index) % 16}"))


SECRET_KEY = env_str("SECRET_KEY", "tests-only-not-a-secret")  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
CORS_ALLOWED_ORIGINS = ["https://frontend.example"]
FRONTEND_URL = ""

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# --- Cache: the production configuration (cms/settings/caches.py), per test worker ---------
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if env_str("REDIS_URL"):
    CACHES = {"default": redis_cache(redis_url_for_this_worker(env_str("REDIS_URL")))}
# --- end of the cache block -------------------------------------------------------------------
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"
API_CACHE_WARM = False  # no server answers at testserver
LOGGING = {"version": 1, "disable_existing_loggers": False}

# Deterministic machine translation (reverses the words); never calls a real service.
DEEPL_AUTH_KEY = ""
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}

# --- Webhook destinations ----------------------------------------------------------------------
# The delivery tests' receivers listen on 127.0.0.1; every other internal address stays refused.
WEBHOOK_ALLOWED_INTERNAL_HOSTS = ["127.0.0.1"]
