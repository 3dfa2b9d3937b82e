"""Machine translation in the translation editor, with a message instead of an error page.

The engines are wagtail-localize's own classes (``LibreTranslator``, ``DeepLTranslator``); the
settings choose one (``cms/settings/machine_translation.py``). They let the HTTP library's
exceptions through, so an engine that is down, slow or refusing the key turned the translator's
"Translate with …" click into a server error. Here every such failure becomes
:class:`MachineTranslationUnavailable` with a sentence the translator can act on, and the editor's
"machine translate" address answers with that sentence as an admin message. Nothing is saved
when the engine fails: wagtail-localize stores translations only after the engine answered.
"""

import requests
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.machine_translators.libretranslate import LibreTranslator
from wagtail_localize.strings import StringValue

from cms.api import wagtail_internals

# Engines explain a refusal in JSON: LibreTranslate as "error", DeepL as "message".
_EXPLANATION_KEYS = ("error", "message")
_LONGEST_EXPLANATION = 200


class MachineTranslationUnavailable(Exception):
    """The engine gave no translation; ``str()`` tells the translator why, in their language."""


def _explanation(response) -> str:
    try:
        body = response.json()
    except ValueError:
        return ""
    if not isinstance(body, dict):
        return ""
    for key in _EXPLANATION_KEYS:
        if isinstance(body.get(key), str):
            return body[key][:_LONGEST_EXPLANATION]
    return ""


class ExplainedFailures:
    """Turns the engine's failures into :class:`MachineTranslationUnavailable`."""

    def timeout(self) -> int:
        return int(self.options.get("TIMEOUT", 10))

    def translate(self, source_locale, target_locale, strings):
        engine = self.display_name
        try:
            return super().translate(source_locale, target_locale, strings)
        except requests.Timeout as error:
            message = _(
                "%(engine)s did not answer within %(seconds)d seconds, so nothing was "
                "translated. Try again later or translate the segments by hand."
            ) % {"engine": engine, "seconds": self.timeout()}
            raise MachineTranslationUnavailable(message) from error
        except requests.ConnectionError as error:
            message = _(
                "%(engine)s cannot be reached, so nothing was translated. Try again later or "
                "translate the segments by hand; if it stays unreachable, tell your administrator."
            ) % {"engine": engine}
            raise MachineTranslationUnavailable(message) from error
        except requests.HTTPError as error:
            status = error.response.status_code
            explanation = _explanation(error.response)
            message = _(
                "%(engine)s refused to translate (HTTP %(status)d%(explanation)s), so nothing "
                "was translated. Translate the segments by hand and tell your administrator."
            ) % {
                "engine": engine,
                "status": status,
                "explanation": f": {explanation}" if explanation else "",
            }
            raise MachineTranslationUnavailable(message) from error
        except (requests.RequestException, ValueError, KeyError, TypeError) as error:
            # An answer that is not the engine's JSON, or has fewer translations than asked for.
            message = _(
                "%(engine)s gave an answer that is not a translation, so nothing was "
                "translated. Translate the segments by hand and tell your administrator."
            ) % {"engine": engine}
            raise MachineTranslationUnavailable(message) from error


class LibreTranslate(ExplainedFailures, LibreTranslator):
    """LibreTranslate (``LIBRETRANSLATE_URL``), sending segments as HTML so links keep their
    ``<a id="a1">`` tags."""


class CheckedDeepLTranslator(DeepLTranslator):
    """wagtail-localize's DeepL translator, with the endpoint configurable (``API_URL``, for a
    DeepL-compatible proxy) and the status check it lacks: a refused key or an exhausted quota
    is an HTTP error, not a missing "translations" key."""

    def get_api_endpoint(self):
        return self.options.get("API_URL") or super().get_api_endpoint()

    def translate(self, source_locale, target_locale, strings):
        parameters, headers = wagtail_internals.deepl_request_parts(
            self, source_locale, target_locale, strings
        )
        response = requests.post(
            self.get_api_endpoint(),
            parameters,
            timeout=int(self.options.get("TIMEOUT", 30)),
            headers=headers,
        )
        response.raise_for_status()
        return {
            string: StringValue(translation["text"])
            for string, translation in zip(strings, response.json()["translations"], strict=True)
        }


class DeepL(ExplainedFailures, CheckedDeepLTranslator):
    """DeepL (``DEEPL_AUTH_KEY``), with tags handled as XML so links keep their ids."""


@require_POST
def machine_translate(request, translation_id):
    """wagtail-localize's "Translate with …" action; a failing engine is an error message."""
    try:
        return wagtail_internals.machine_translate_view(request, translation_id)
    except MachineTranslationUnavailable as error:
        messages.error(request, str(error))
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_home"))
