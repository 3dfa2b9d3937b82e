"""Reading the JSON bodies of the newsletter endpoints; every refusal names the field at fault."""

import json

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from .models import normalise_email

MAX_EMAIL_LENGTH = 254
MAX_TOKEN_LENGTH = 500


class InvalidInput(Exception):
    """A 400: ``{"message": …, "field": …}``; ``field`` is None when the body itself is wrong."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field


def json_object(request) -> dict:
    try:
        data = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError) as error:
        raise InvalidInput("The body must be a JSON object.") from error
    if not isinstance(data, dict):
        raise InvalidInput("The body must be a JSON object.")
    return data


def is_honeypot_filled(data: dict) -> bool:
    """``website`` is a field people never see (the frontend hides it); bots fill it in."""
    return data.get("website") not in (None, "")


def subscription_request(data: dict) -> dict:
    email = data.get("email")
    if not isinstance(email, str) or not email.strip():
        raise InvalidInput("Give the email address to subscribe.", "email")
    email = normalise_email(email)
    try:
        if len(email) > MAX_EMAIL_LENGTH or "\x00" in email:
            raise ValidationError("too long")
        validate_email(email)
    except ValidationError as error:
        raise InvalidInput("This is not a valid email address.", "email") from error
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    locale = data.get("locale")
    if locale not in languages:
        raise InvalidInput(f"Choose one of: {', '.join(languages)}.", "locale")
    if data.get("consent") is not True:
        raise InvalidInput("Consent must be given (true) to subscribe.", "consent")
    return {"email": email, "locale": locale}


def token(data: dict) -> str:
    value = data.get("token")
    if not isinstance(value, str) or not value:
        raise InvalidInput("Give the token from the link.", "token")
    if len(value) > MAX_TOKEN_LENGTH:
        raise InvalidInput("This link is broken or was changed.", "token")
    return value
