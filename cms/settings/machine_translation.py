"""Which machine translation engine the translation editor offers, from the environment.

- ``LIBRETRANSLATE_URL`` (+ ``LIBRETRANSLATE_API_KEY`` if the server asks for one): a
  LibreTranslate server, which a city can run itself so that no text leaves its own machines.
- ``DEEPL_AUTH_KEY`` (+ ``DEEPL_API_URL`` for a DeepL-compatible endpoint): DeepL's service.

When both are set, LibreTranslate is used: whoever runs their own engine has chosen to keep
unpublished texts in-house, and a DeepL key left in the environment must not quietly send them to
a third party. Neither set: no machine translation. ``MACHINE_TRANSLATION_TIMEOUT`` (seconds)
bounds each request, so an engine that hangs costs the translator that long and no longer.
"""

from .environment import env_int, env_str

# The translators live in translations/machine_translation.py: wagtail-localize's own classes,
# with a clear message for the translator when the engine fails.
LIBRETRANSLATE = "translations.machine_translation.LibreTranslate"
DEEPL = "translations.machine_translation.DeepL"


def machine_translator_setting() -> dict | None:
    """``WAGTAILLOCALIZE_MACHINE_TRANSLATOR`` for this environment (``None``: no engine)."""
    timeout = env_int("MACHINE_TRANSLATION_TIMEOUT", 10)
    libretranslate_url = env_str("LIBRETRANSLATE_URL").strip().rstrip("/")
    if libretranslate_url:
        return {
            "CLASS": LIBRETRANSLATE,
            "OPTIONS": {
                "LIBRETRANSLATE_URL": libretranslate_url,
                "API_KEY": env_str("LIBRETRANSLATE_API_KEY"),
                "TIMEOUT": timeout,
            },
        }
    deepl_auth_key = env_str("DEEPL_AUTH_KEY").strip()
    if deepl_auth_key:
        return {
            "CLASS": DEEPL,
            "OPTIONS": {
                "AUTH_KEY": deepl_auth_key,
                "API_URL": env_str("DEEPL_API_URL").strip(),
                "TIMEOUT": timeout,
            },
        }
    return None
