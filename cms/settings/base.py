"""Settings shared by every environment: secure by default.

``DEBUG`` is off and nothing here is a secret; ``dev`` and ``test`` only relax these defaults and
``production`` insists on the values a real deployment must provide.
"""

import zoneinfo
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from corsheaders.defaults import default_headers as corsheaders_default_headers
from django.utils.translation import gettext_lazy

from .caches import redis_cache
from .environment import env_bool, env_int, env_list, env_str
from .machine_translation import machine_translator_setting

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")

INSTALLED_APPS = [
    "cms",
    "operations",
    "pages",
    "home",
    "partners",
    "translations",
    "webhooks",
    "newsletter",
    "demo",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_headless_preview",
    "wagtail.contrib.redirects",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",
    "rest_framework",
    "corsheaders",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    # First: probes answer before host validation, redirects and everything else.
    "operations.health.HealthCheckMiddleware",
    # --- Host and redirects behind caching proxies (operations/middleware.py) ---
    # Before anything builds a URL from the Host: a port that is no port is a 400.
    "operations.middleware.HostPortMiddleware",
    # Above SecurityMiddleware, so that its HTTPS redirect is marked too.
    "operations.middleware.PrivateRedirectsMiddleware",
    # ---
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    # After CORS so that cached responses get their CORS headers; before sessions and
    # authentication, which a cache hit does not need.
    "cms.api.cache.APIResponseCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "operations.middleware.PageLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "translations.admin_language.AdminLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "translations.alias_guard.AliasConversionGuard",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
# SQLite in the project directory unless DATABASE_URL names another engine.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The server and the background worker write to one file. Take the write lock when a
    # transaction begins (no failing lock upgrades), wait for it rather than fail at once, and
    # let readers go on while one process writes (WAL).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": 20, "init_command": "PRAGMA journal_mode=WAL;"}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------------
# Redis when REDIS_URL is set: deadlines, error handling and eviction in cms/settings/caches.py
# and docs/operators.md. Process memory otherwise, which suits a single process only.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# An invalidation that Redis did not take is retried from the background queue after this many
# seconds, doubling up to INVALIDATION_RETRY_MAX_DELAY, until Redis takes it (cms/api/cache.py).
INVALIDATION_RETRY_DELAY = env_int("INVALIDATION_RETRY_DELAY", 1)
INVALIDATION_RETRY_MAX_DELAY = env_int("INVALIDATION_RETRY_MAX_DELAY", 30)
# --- end of the cache block -------------------------------------------------------------------

# --- Passwords ------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages ------------------------------------------------------------------------------
# The content locales and the admin's languages. English is the source language of the site.
LANGUAGE_CODE = "en"
# Names in the admin's language (Django's own catalogue translates them), so that a Ukrainian
# admin says "Англійська" and an English one "Ukrainian"; the API names each language in its
# own tongue instead (home/api.py).
LANGUAGES = [
    ("en", gettext_lazy("English")),
    ("uk", gettext_lazy("Ukrainian")),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# --- Static and media files -----------------------------------------------------------------
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(BASE_DIR / "static")))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
MEDIA_URL = env_str("MEDIA_URL", "/media/")

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media on S3-compatible object storage once a bucket is named; local disk otherwise.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_QUERYSTRING_AUTH = False
    AWS_DEFAULT_ACL = None

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Email ----------------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "U_CAN CMS <cms@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "U_CAN — Ukraine Towards Carbon Neutrality"
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Wagtail's database backend with two faults of its engines mended (cms/api/search.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.api.search"}}
WAGTAILAPI_BASE_URL = env_str("WAGTAILAPI_BASE_URL", WAGTAILADMIN_BASE_URL)
WAGTAILAPI_LIMIT_MAX = 100
# Rich text leaves the API as display HTML, internal links resolved to page paths.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAIL_MODERATION_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True

# --- Autosave (Wagtail) -----------------------------------------------------------------------
# A saved page's edits are saved as a draft this many milliseconds after the editor's last
# change (0 turns autosave off). New pages are created only by "Save draft" or "Publish": the
# partners app's before_create_page hook refuses autosave's request to create one.
WAGTAIL_AUTOSAVE_INTERVAL = 500

# --- Uploads: what editors may upload, and how documents are served -------------------------
# Images are logos, portraits and emblems. No SVG: an SVG is a document that can carry scripts,
# and these pictures do not need one. 36 megapixels (6000 × 6000) is ample for any of them and
# keeps decoding one for its renditions to about 150 MB; Wagtail's message names the limit.
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = env_int("WAGTAILIMAGES_MAX_IMAGE_PIXELS", 36_000_000)
WAGTAILIMAGES_MAX_UPLOAD_SIZE = env_int("WAGTAILIMAGES_MAX_UPLOAD_SIZE", 8 * 1024 * 1024)
# Office and PDF documents only, each checked to be what its extension says (pages/uploads.py).
WAGTAILDOCS_EXTENSIONS = ["docx", "odp", "ods", "odt", "pdf", "pptx", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = env_int("WAGTAILDOCS_MAX_UPLOAD_SIZE", 10 * 1024 * 1024)
WAGTAILIMAGES_IMAGE_FORM_BASE = "pages.uploads.ImageUploadForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "pages.uploads.DocumentUploadForm"
# Documents always go through Wagtail's view, which checks the collection's privacy, never by
# a redirect to the file's own URL (on S3, a redirect would hand out a public address).
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# --- Translation (wagtail-localize) -----------------------------------------------------------
# A new translation starts as a draft: nothing untranslated goes live by itself.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Machine translation: LibreTranslate by LIBRETRANSLATE_URL, DeepL by DEEPL_AUTH_KEY, or none.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator_setting()

# The public site lives elsewhere: page URLs on this host redirect there when it is set.
FRONTEND_URL = env_str("FRONTEND_URL").rstrip("/")

# --- Previews in the frontend (wagtail-headless-preview) --------------------------------------
# The admin's preview opens FRONTEND_PREVIEW_URL?content_type=…&token=…; the frontend reads the
# draft from /api/v2/page_preview/. FRONTEND_PREVIEW_URLS gives other sites their own
# ("cms.example.org=https://preview.example.org/api/preview,…", keyed by the site's hostname).
FRONTEND_PREVIEW_URL = env_str("FRONTEND_PREVIEW_URL")
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {
        **({"default": FRONTEND_PREVIEW_URL} if FRONTEND_PREVIEW_URL else {}),
        **dict(pair.split("=", 1) for pair in env_list("FRONTEND_PREVIEW_URLS") if "=" in pair),
    },
    "SERVE_BASE_URL": FRONTEND_URL or None,
    "REDIRECT_ON_PREVIEW": False,
    "ENFORCE_TRAILING_SLASH": False,
}
# A preview token is good for this many seconds; older previews are deleted.
PREVIEW_TOKEN_MAX_AGE = env_int("PREVIEW_TOKEN_MAX_AGE", 60 * 60)

# --- Background work (django-tasks) ----------------------------------------------------------
# Wagtail's own small tasks (reference index, search index) run in the request as before; the
# work that talks to other machines (publish notifications, CDN purges) goes to the database
# queue, which `manage.py db_worker` works through (`make run` and docker-compose start one).
BACKGROUND_TASK_BACKEND = "background"
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    BACKGROUND_TASK_BACKEND: {"BACKEND": "django_tasks_db.DatabaseBackend"},
}

# --- Publish notifications (webhooks) ----------------------------------------------------------
WEBHOOK_TIMEOUT = env_int("WEBHOOK_TIMEOUT", 10)  # seconds per attempt
WEBHOOK_MAX_ATTEMPTS = env_int("WEBHOOK_MAX_ATTEMPTS", 8)
# Seconds before the second attempt; each later wait doubles (30 s, 1 min, 2 min … ~1 h).
WEBHOOK_RETRY_DELAY = env_int("WEBHOOK_RETRY_DELAY", 30)
# Finished deliveries (and the worker's finished task records) are kept this long.
WEBHOOK_DELIVERY_RETENTION_DAYS = env_int("WEBHOOK_DELIVERY_RETENTION_DAYS", 30)

# --- Webhook destinations ----------------------------------------------------------------------
# Webhooks go only to public addresses: the admin refuses, and the worker will not connect to,
# loopback, private, link-local and other internal addresses. Internal receivers that are meant
# (a frontend on the same private network) are listed here: host names, IP addresses, CIDRs.
WEBHOOK_ALLOWED_INTERNAL_HOSTS = env_list("WEBHOOK_ALLOWED_INTERNAL_HOSTS")

# --- CDN or caching proxy purges (wagtail.contrib.frontend_cache) ------------------------------
# FRONTEND_CACHE_PURGE_URL: a Varnish or nginx that accepts PURGE; or Cloudflare by API token.
WAGTAILFRONTENDCACHE = {}
if env_str("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": env_str("FRONTEND_CACHE_PURGE_URL"),
    }
if env_str("CLOUDFLARE_API_TOKEN"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "BEARER_TOKEN": env_str("CLOUDFLARE_API_TOKEN"),
        "ZONEID": env_str("CLOUDFLARE_ZONE_ID"),
    }
# The CMS purges by cache key (cms/api/purge.py); Wagtail's own purge of a page's URL needs no
# guessing of /uk/ twins.
WAGTAILFRONTENDCACHE_LANGUAGES = []
# After a purge by key (cms/api/purge.py), the worker fetches the changed page's canonical URLs
# again through WAGTAILAPI_BASE_URL, so the first visitor gets a cached response.
API_CACHE_WARM = env_bool("API_CACHE_WARM", True)

# --- Django REST framework and CORS ---------------------------------------------------------
REST_FRAMEWORK = {
    # The browsable API is a development aid only (dev.py adds it back).
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    # Errors as {"message": …}, like every other error of the API.
    "EXCEPTION_HANDLER": "operations.errors.api_exception_handler",
}
# A refused CSRF check under /api/ (any POST) answers in JSON too.
CSRF_FAILURE_VIEW = "operations.errors.csrf_failure"
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
# Browsers and CDNs may reuse an API response this long; the server-side copy is dropped on
# every publish, so it can be kept for a day.
API_CACHE_ENABLED = env_bool("API_CACHE_ENABLED", True)
API_CACHE_MAX_AGE = env_int("API_CACHE_MAX_AGE", 60)
API_CACHE_TIMEOUT = env_int("API_CACHE_TIMEOUT", 24 * 60 * 60)
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
# Browser code on another origin revalidates with If-None-Match, so it must read the ETag.
CORS_ALLOW_HEADERS = [*corsheaders_default_headers, "if-none-match"]
CORS_EXPOSE_HEADERS = ["ETag"]
# The newsletter's three endpoints take a JSON POST from the frontend's origin
# (docs/newsletter.md); every other API endpoint answers POST with 405 whatever CORS says.
CORS_ALLOW_METHODS += ["POST"]

# --- Newsletter (newsletter/) --------------------------------------------------------------
# Confirmation links go to FRONTEND_URL + NEWSLETTER_CONFIRM_PATH?token=… and are good for
# NEWSLETTER_CONFIRM_MAX_AGE_HOURS; unsubscribe links to NEWSLETTER_UNSUBSCRIBE_PATH?token=….
NEWSLETTER_CONFIRM_PATH = env_str("NEWSLETTER_CONFIRM_PATH", "/newsletter/confirm")
NEWSLETTER_UNSUBSCRIBE_PATH = env_str("NEWSLETTER_UNSUBSCRIBE_PATH", "/newsletter/unsubscribe")
NEWSLETTER_CONFIRM_MAX_AGE_HOURS = env_int("NEWSLETTER_CONFIRM_MAX_AGE_HOURS", 48)
# Subscriptions never confirmed are deleted this many days after the request (clean_newsletter).
NEWSLETTER_UNCONFIRMED_DAYS = env_int("NEWSLETTER_UNCONFIRMED_DAYS", 7)
# Raise the version whenever the consent wording the frontend shows changes; each subscription
# records the version it agreed to.
NEWSLETTER_CONSENT_TEXT_VERSION = env_str("NEWSLETTER_CONSENT_TEXT_VERSION", "1")
# At most this many confirmation emails per address per day (more requests still get 202), and
# this many subscription requests per client address per NEWSLETTER_CLIENT_WINDOW_SECONDS (429).
NEWSLETTER_ADDRESS_DAILY_LIMIT = env_int("NEWSLETTER_ADDRESS_DAILY_LIMIT", 3)
NEWSLETTER_CLIENT_RATE = env_int("NEWSLETTER_CLIENT_RATE", 10)
NEWSLETTER_CLIENT_WINDOW_SECONDS = env_int("NEWSLETTER_CLIENT_WINDOW_SECONDS", 60 * 60)

# --- Security -------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "SAMEORIGIN"
SESSION_COOKIE_HTTPONLY = True

# --- Logging --------------------------------------------------------------------------------
LOG_LEVEL = env_str("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.db.backends": {"level": "WARNING"},
        # One line per background task (search index, reference index) drowns everything else.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        # django-axes announces its version at every start; its lockouts are warnings.
        "axes.apps": {"level": "WARNING"},
    },
}

# === Sign-in throttling, security headers, outside services =====================================
# Kept together in this block: operations/client_address.py, operations/throttling.py,
# operations/middleware.py and docs/operators.md's "Security" section explain each value.

# --- Sign-in throttling (django-axes) and the password-reset throttle -------------------------
INSTALLED_APPS += ["axes"]
# Axes' backend goes first: it refuses a locked-out sign-in before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Security headers on every response, placed before the API response cache so that cached
# answers carry them too; the password-reset throttle after the locale middleware so that its
# message is in the visitor's language; axes last, as its documentation asks.
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "operations.middleware.SecurityHeadersMiddleware",
)
MIDDLEWARE += [
    "operations.throttling.PasswordResetThrottleMiddleware",
    "axes.middleware.AxesMiddleware",
]

# How many proxies in front of the CMS add the address they saw to X-Forwarded-For: the
# client's address is that many entries from the right (operations/client_address.py). 0 trusts no
# header; production.py defaults to 1, the Varnish of deploy/varnish/.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "operations.client_address.client_address"
# Failures are counted per client address and, separately, per account name: an attacker
# rotating addresses still locks the account, and one address cannot try many accounts.
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("LOGIN_COOLOFF_MINUTES", 15))
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "operations.throttling.sign_in_locked_out"
# Keep failed attempts only: successful sign-ins (address, browser) are not logged.
AXES_DISABLE_ACCESS_LOG = True
# At most this many password-reset requests per client address, and per email address, in
# each window of PASSWORD_RESET_WINDOW_MINUTES.
PASSWORD_RESET_LIMIT = env_int("PASSWORD_RESET_LIMIT", 5)
PASSWORD_RESET_WINDOW = timedelta(minutes=env_int("PASSWORD_RESET_WINDOW_MINUTES", 60))


# --- Content-Security-Policy and Permissions-Policy (operations/middleware.py) ----------------
def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


# Where uploaded images live when not on this host: MEDIA_URL's origin, or the bucket's CDN or
# S3 endpoint.
MEDIA_ORIGINS = [_origin(MEDIA_URL)]
if AWS_STORAGE_BUCKET_NAME:
    if AWS_S3_CUSTOM_DOMAIN:
        MEDIA_ORIGINS.append(f"https://{AWS_S3_CUSTOM_DOMAIN}")
    else:
        MEDIA_ORIGINS.append(_origin(AWS_S3_ENDPOINT_URL or "https://*.amazonaws.com"))
MEDIA_ORIGINS = [origin for origin in MEDIA_ORIGINS if origin]
# The admin's preview panel shows the frontend's preview route in an iframe.
PREVIEW_ORIGINS = sorted(
    {_origin(url) for url in WAGTAIL_HEADLESS_PREVIEW["CLIENT_URLS"].values()} - {""}
)
# The admin's policy. Wagtail's own templates carry inline <script> blocks without a nonce
# (inline panels such as the team, date pickers, choosers' modal responses, wagtail-localize's
# editor) and style="" attributes everywhere, so scripts and styles need 'unsafe-inline'. What the
# policy still enforces: scripts, styles, fonts and connections only from this origin, no
# plugins, no <base> hijack, forms post only here, frames only of this origin and the preview
# route, and the admin framed by nothing else.
CONTENT_SECURITY_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:", *MEDIA_ORIGINS],
    "media-src": ["'self'", *MEDIA_ORIGINS],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'", *PREVIEW_ORIGINS],
    "frame-ancestors": ["'self'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}
# JSON loads nothing and is framed by nothing.
API_CONTENT_SECURITY_POLICY = {"default-src": ["'none'"], "frame-ancestors": ["'none'"]}
# Powerful browser features nothing here uses, turned off for this origin and its frames.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
    )
}

# --- Outside services off by default --------------------------------------------------------
# No avatar requests to Gravatar (they tell it who uses the admin), and no call to Wagtail's
# release feed from every editor's dashboard; each can be turned back on.
WAGTAIL_GRAVATAR_PROVIDER_URL = env_str("WAGTAIL_GRAVATAR_PROVIDER_URL") or None
WAGTAIL_ENABLE_UPDATE_CHECK = env_bool("WAGTAIL_ENABLE_UPDATE_CHECK", False)
if WAGTAIL_GRAVATAR_PROVIDER_URL:
    CONTENT_SECURITY_POLICY["img-src"].append(_origin(WAGTAIL_GRAVATAR_PROVIDER_URL))
if WAGTAIL_ENABLE_UPDATE_CHECK:
    CONTENT_SECURITY_POLICY["connect-src"].append("https://releases.wagtail.io")
# The account page's time-zone choices: the system's zone database lists "localtime" (a file,
# not a zone), which browsers reject with a RangeError. Area/Location names and UTC only.
WAGTAIL_USER_TIME_ZONES = sorted(
    {
        zone
        for zone in zoneinfo.available_timezones()
        if "/" in zone and not zone.startswith(("posix/", "right/"))
    }
    | {"UTC"}
)
