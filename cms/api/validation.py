"""Query parameter checks run before Wagtail's own, so bad input is a 400 that names it.

Wagtail's v2 filters already reject most malformed values; these checks cover what they let
through to the database (huge integers, unknown locales, oversized strings, NUL bytes).
"""

import re

from django.conf import settings

from .wagtail_internals import BadRequestError

MAX_VALUE_LENGTH = 500
# PostgreSQL's integer columns stop here; anything larger would be a database error, not a 404.
MAX_INTEGER = 2**31 - 1

NON_NEGATIVE_INTEGERS = {"limit", "offset"}
PAGE_IDS = {"child_of", "descendant_of", "ancestor_of", "translation_of", "id"}
PAGE_IDS_OR_ROOT = {"child_of", "descendant_of", "translation_of"}
SEARCH_OPERATORS = {"and", "or"}
BOOLEANS = {"true": True, "1": True, "false": False, "0": False}
SITE_PATTERN = re.compile(r"[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?")


class InvalidParameter(BadRequestError):
    """A 400 that names the parameter at fault; the JSON body carries both."""

    def __init__(self, parameter: str, message: str):
        super().__init__(f"{parameter}: {message}")
        self.parameter = parameter


def wants_fallback(query) -> bool:
    """``fallback=true``: serve the source language where a translation is missing."""
    return BOOLEANS.get(query.get("fallback", "false").lower(), False)


def content_locales() -> set[str]:
    return {code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES}


def _parse_integer(parameter: str, raw: str, minimum: int) -> int:
    if not raw.isdigit():
        raise InvalidParameter(parameter, f"must be a whole number of at least {minimum}")
    value = int(raw)
    if value < minimum or value > MAX_INTEGER:
        raise InvalidParameter(parameter, f"must be between {minimum} and {MAX_INTEGER}")
    return value


def validate_query(query) -> None:
    """Reject malformed values of the parameters this API understands."""
    for parameter, values in query.lists():
        if len(values) > 1:
            raise InvalidParameter(parameter, "may be given only once")
        raw = values[0]
        if len(raw) > MAX_VALUE_LENGTH:
            raise InvalidParameter(parameter, f"is longer than {MAX_VALUE_LENGTH} characters")
        if "\x00" in raw:
            raise InvalidParameter(parameter, "contains a NUL character")
        if parameter in NON_NEGATIVE_INTEGERS:
            _parse_integer(parameter, raw, 0)
        elif parameter in PAGE_IDS:
            if not (parameter in PAGE_IDS_OR_ROOT and raw == "root"):
                _parse_integer(parameter, raw, 1)
        elif parameter == "locale" and raw not in content_locales():
            raise InvalidParameter(
                parameter, f"must be one of {', '.join(sorted(content_locales()))}"
            )
        elif parameter == "search_operator" and raw not in SEARCH_OPERATORS:
            raise InvalidParameter(parameter, "must be 'and' or 'or'")
        elif parameter == "fallback" and raw.lower() not in BOOLEANS:
            raise InvalidParameter(parameter, "must be true or false")
        elif parameter == "site" and not SITE_PATTERN.fullmatch(raw):
            raise InvalidParameter(parameter, "must be a hostname, optionally with :port")
        elif parameter == "html_path" and not raw.startswith("/"):
            raise InvalidParameter(parameter, "must be a path starting with '/'")
