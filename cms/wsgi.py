"""WSGI entry point; gunicorn serves ``cms.wsgi:application``.

API responses are cached inside Django (``cms/api/cache.py``); a Varnish or CDN in front
(``deploy/varnish/``) serves them without reaching this process at all.
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.production")

application = get_wsgi_application()
