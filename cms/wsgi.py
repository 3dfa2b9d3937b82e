"""WSGI entry point; gunicorn serves ``cms.wsgi:application``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

django_application = get_wsgi_application()

# Imported once Django is set up: it reads settings and the cache.
from cms.api.fast_cache import CachedAPIResponses  # noqa: E402

# API cache hits are answered before Django's request handling (cms/api/fast_cache.py).
application = CachedAPIResponses(django_application)
