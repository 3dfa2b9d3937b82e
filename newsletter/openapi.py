"""The newsletter's part of the OpenAPI document (``cms/api/openapi.py``): its three endpoints
under /api/v2/newsletter/, with the limits its views apply."""

from cms.api.openapi import (
    INTEGER,
    REQUEST_TOO_LONG,
    STRING,
    describe,
    locale_code,
    nullable,
    obj,
    query,
    ref,
)

from .validation import MAX_EMAIL_LENGTH, MAX_TOKEN_LENGTH


def schemas() -> dict:
    return {
        "NewsletterError": obj(
            {"message": STRING, "field": nullable(STRING)},
            required=["message"],
            description="A refused newsletter request: what was wrong and, for a 400 or a token "
            "that no longer works, the body's field at fault (`null` when the body itself is "
            "wrong).",
        ),
        "SubscriptionRequest": {
            "type": "object",
            "properties": {
                "email": {
                    "type": "string",
                    "format": "email",
                    "maxLength": MAX_EMAIL_LENGTH,
                    "description": "Case and surrounding spaces do not matter.",
                },
                "locale": {
                    **locale_code(),
                    "description": "The language of the emails and of the consent wording shown.",
                },
                "consent": {
                    "const": True,
                    "description": "The visitor ticked the consent box (its wording's version is "
                    "NEWSLETTER_CONSENT_TEXT_VERSION).",
                },
                "website": {
                    "type": "string",
                    "maxLength": 0,
                    "description": "Honeypot: a field hidden from people, sent empty. Filled in, "
                    "the request is answered 202 and ignored.",
                },
            },
            "required": ["email", "locale", "consent"],
        },
        "SubscriptionAccepted": obj(
            {"message": STRING},
            description="The same answer for a new, pending, confirmed or unsubscribed address.",
        ),
        "TokenRequest": obj(
            {
                "token": {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": MAX_TOKEN_LENGTH,
                    "description": "The `token` query parameter of the email's link, as it is.",
                }
            }
        ),
        "SubscriptionState": obj(
            {"state": {"type": "string", "enum": ["confirmed", "unsubscribed"]}},
            description="The subscription's state after the request.",
        ),
    }


def newsletter_answer(description: str, schema: str = "NewsletterError") -> dict:
    return {
        "description": description,
        "headers": {"Cache-Control": {"schema": {"const": "no-store"}}},
        "content": {"application/json": {"schema": ref(schema)}},
    }


def token_body(description: str, required: bool = True) -> dict:
    return {
        "required": required,
        "description": description,
        "content": {"application/json": {"schema": ref("TokenRequest")}},
    }


UNUSABLE_LINK = "The body is no JSON object, the token is missing, or it is broken or changed."
GONE_SUBSCRIPTION = "The subscription was erased (or deleted as never confirmed)."


def paths() -> dict:
    return {
        "/api/v2/newsletter/subscriptions/": {
            "post": {
                "summary": "Subscribe an address to the newsletter (double opt-in)",
                "description": (
                    "Sends, through the background worker, a confirmation email in `locale` "
                    "whose link leads to FRONTEND_URL + NEWSLETTER_CONFIRM_PATH "
                    "(`/newsletter/confirm?token=…`). Nothing is subscribed until that token "
                    "is POSTed to `confirm/`. At most NEWSLETTER_ADDRESS_DAILY_LIMIT emails "
                    "per address per day (the answer stays 202) and NEWSLETTER_CLIENT_RATE "
                    "requests per client per NEWSLETTER_CLIENT_WINDOW_SECONDS (then 429)."
                ),
                "operationId": "subscribeToNewsletter",
                "requestBody": {
                    "required": True,
                    "content": {"application/json": {"schema": ref("SubscriptionRequest")}},
                },
                "responses": {
                    "202": newsletter_answer(
                        "Accepted; the same answer whatever the address's state.",
                        "SubscriptionAccepted",
                    ),
                    "400": newsletter_answer(
                        "Bad input; `field` names it (`email`, `locale`, `consent`)."
                    ),
                    "429": {
                        **newsletter_answer("Too many requests from this client."),
                        "headers": {
                            "Retry-After": {"schema": INTEGER, "description": "Seconds to wait."},
                            "Cache-Control": {"schema": {"const": "no-store"}},
                        },
                    },
                },
            }
        },
        "/api/v2/newsletter/confirm/": {
            "post": {
                "summary": "Confirm a subscription with the token from the email's link",
                "description": (
                    "The frontend's route NEWSLETTER_CONFIRM_PATH (`/newsletter/confirm`) "
                    "posts its `token` query parameter here when the visitor presses a button "
                    "(never on page load: mail scanners open links). Tokens expire after "
                    "NEWSLETTER_CONFIRM_MAX_AGE_HOURS."
                ),
                "operationId": "confirmNewsletterSubscription",
                "requestBody": token_body("The token of the confirmation link."),
                "responses": {
                    "200": newsletter_answer("Confirmed.", "SubscriptionState"),
                    "400": newsletter_answer(UNUSABLE_LINK),
                    "404": newsletter_answer(GONE_SUBSCRIPTION),
                    "409": newsletter_answer(
                        "Confirmed already, or the link was replaced by a newer request or an "
                        "unsubscribe."
                    ),
                    "410": newsletter_answer("The link has expired: subscribe again."),
                },
            }
        },
        "/api/v2/newsletter/unsubscribe/": {
            "post": {
                "summary": "Unsubscribe, from the frontend or a mail client's one-click button",
                "description": (
                    "The frontend's route NEWSLETTER_UNSUBSCRIBE_PATH "
                    '(`/newsletter/unsubscribe`) posts `{"token": …}`; mail clients POST '
                    "`List-Unsubscribe=One-Click` to the email's `List-Unsubscribe` URL, which "
                    "is this endpoint with `?token=` (RFC 8058). Immediate, needs no login, "
                    "and repeating it is harmless. Unsubscribe tokens do not expire."
                ),
                "operationId": "unsubscribeFromNewsletter",
                "parameters": [
                    query(
                        "token",
                        {
                            "type": "string",
                            "minLength": 1,
                            "maxLength": MAX_TOKEN_LENGTH,
                        },
                        "The token, in the one-click URL of `List-Unsubscribe`; the body is "
                        "then not read.",
                    )
                ],
                "requestBody": {
                    "required": False,
                    "description": "The token (without `?token=`), or RFC 8058's form body.",
                    "content": {
                        "application/json": {"schema": ref("TokenRequest")},
                        "application/x-www-form-urlencoded": {
                            "schema": {
                                "type": "object",
                                "properties": {"List-Unsubscribe": {"const": "One-Click"}},
                            }
                        },
                    },
                },
                "responses": {
                    "200": newsletter_answer("Unsubscribed.", "SubscriptionState"),
                    "400": newsletter_answer(UNUSABLE_LINK),
                    "404": newsletter_answer(GONE_SUBSCRIPTION),
                    "414": REQUEST_TOO_LONG,
                },
            }
        },
    }


describe("newsletter", schemas=schemas, paths=paths)
