"""Signed tokens in the confirmation and unsubscribe links.

A token names the subscription by id and by a hash of its address (never the address itself: a
link ends up in logs and browser histories), so it is worthless once the subscription is erased,
even if the id is used again. A confirmation token also carries the moment of the request it
answers: a request made after an unsubscribe invalidates the links sent before it. Confirmation
tokens expire after ``NEWSLETTER_CONFIRM_MAX_AGE_HOURS``; unsubscribe tokens never do, as the RFC
8058 one-click link in an old email must still work.
"""

import hashlib

from django.conf import settings
from django.core import signing

CONFIRM_SALT = "newsletter.confirm"
UNSUBSCRIBE_SALT = "newsletter.unsubscribe"


class TokenExpired(Exception):
    pass


class TokenInvalid(Exception):
    pass


def address_hash(email: str) -> str:
    return hashlib.sha256(email.encode()).hexdigest()[:20]


def confirm_token(subscription) -> str:
    payload = {
        "s": subscription.pk,
        "a": address_hash(subscription.email),
        "r": subscription.requested_at.isoformat(),
    }
    return signing.TimestampSigner(salt=CONFIRM_SALT).sign_object(payload)


def unsubscribe_token(subscription) -> str:
    payload = {"s": subscription.pk, "a": address_hash(subscription.email)}
    return signing.Signer(salt=UNSUBSCRIBE_SALT).sign_object(payload)


def _valid_payload(payload) -> dict:
    if not isinstance(payload, dict) or not isinstance(payload.get("s"), int):
        raise TokenInvalid
    if not isinstance(payload.get("a"), str):
        raise TokenInvalid
    return payload


def read_confirm_token(token: str) -> dict:
    """The payload; raises TokenExpired or TokenInvalid (tampered, truncated, not a token)."""
    max_age = settings.NEWSLETTER_CONFIRM_MAX_AGE_HOURS * 60 * 60
    try:
        payload = signing.TimestampSigner(salt=CONFIRM_SALT).unsign_object(token, max_age=max_age)
    except signing.SignatureExpired as error:
        raise TokenExpired from error
    except (signing.BadSignature, ValueError, UnicodeError) as error:
        raise TokenInvalid from error
    payload = _valid_payload(payload)
    if not isinstance(payload.get("r"), str):
        raise TokenInvalid
    return payload


def subscription_named(payload: dict, subscriptions):
    """The subscription a token's payload names, from the queryset ``subscriptions``; None once
    it is erased (an id used again belongs to another address)."""
    subscription = subscriptions.filter(pk=payload["s"]).first()
    if subscription is None or address_hash(subscription.email) != payload["a"]:
        return None
    return subscription


def signed_payload(token: str) -> dict | None:
    """The payload of a confirmation or unsubscribe token whose signature holds, expired or
    not; None for anything else. Only for choosing the language of a page about the link."""
    signers = (signing.TimestampSigner(salt=CONFIRM_SALT), signing.Signer(salt=UNSUBSCRIBE_SALT))
    for signer in signers:
        try:
            return _valid_payload(signer.unsign_object(token))
        except (signing.BadSignature, ValueError, UnicodeError, TokenInvalid):
            continue
    return None


def read_unsubscribe_token(token: str) -> dict:
    try:
        payload = signing.Signer(salt=UNSUBSCRIBE_SALT).unsign_object(token)
    except (signing.BadSignature, ValueError, UnicodeError) as error:
        raise TokenInvalid from error
    return _valid_payload(payload)
