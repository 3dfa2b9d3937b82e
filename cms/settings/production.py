"""Production: everything from the environment, and no start without the values that matter."""

from .base import *  # noqa: F403
from .environment import env_bool, env_int, env_list, env_required, env_str

SECRET_KEY = env_required("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("The environment variable ALLOWED_HOSTS must be set.")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

DATABASES["default"]["CONN_MAX_AGE"] = env_int("DATABASE_CONN_MAX_AGE", 60)  # noqa: F405

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Wagtail's admin shows live previews in an iframe of its own origin, which needs SAMEORIGIN
# (base.py) rather than the DENY that this deployment check asks for.
SILENCED_SYSTEM_CHECKS = ["security.W019"]

# One JSON object per log line on stdout, for the log collector; LOG_FORMAT=text for people.
if env_str("LOG_FORMAT", "json") == "json":
    LOGGING["formatters"] = {  # noqa: F405
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    }
    LOGGING["handlers"]["console"]["formatter"] = "json"  # noqa: F405

# === Sign-in throttling: the client's address behind the proxy =============================
# Varnish (deploy/varnish/, docker-compose's proxy) appends the address it received each
# request from to X-Forwarded-For; set 2 when a TLS proxy in front of it appends too
# (operations/client_address.py).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 1)
