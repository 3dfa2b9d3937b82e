"""The CMS's own confirm and unsubscribe pages, for a CMS without a frontend (FRONTEND_URL).

The email's links then open these at the frontend's paths under the CMS's address. Opening one
changes nothing (mail scanners fetch links before people do): it shows a button whose script
POSTs the token to the API endpoint a frontend would call, and then the answer, all in the
subscriber's language.
"""

from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from .models import Subscription
from .tokens import signed_payload, subscription_named
from .validation import MAX_TOKEN_LENGTH

BROKEN = _("This link is broken or was changed. Please open the link from the email again.")
GONE = _("This subscription no longer exists.")
TRY_LATER = _("Something went wrong. Please try again later.")

PAGES = {
    "confirm": {
        "endpoint": "newsletter_confirm",
        "title": _("Confirm your newsletter subscription"),
        "explanation": _(
            "Press the button to confirm that you want to receive the U_CAN newsletter."
        ),
        "button": _("Confirm my subscription"),
        "answers": {
            200: _("Thank you: your subscription is confirmed."),
            400: BROKEN,
            404: GONE,
            409: _(
                "This link was used already, or a newer email replaced it: nothing has changed."
            ),
            410: _("This link has expired. Please subscribe again."),
        },
    },
    "unsubscribe": {
        "endpoint": "newsletter_unsubscribe",
        "title": _("Unsubscribe from the newsletter"),
        "explanation": _("Press the button and you will get no more newsletter emails from us."),
        "button": _("Unsubscribe"),
        "answers": {
            200: _("You are unsubscribed. You will get no more newsletter emails from us."),
            400: BROKEN,
            404: GONE,
        },
    },
}


def language_of(token: str) -> str | None:
    """The language of the subscription the token names; None when it names none."""
    payload = signed_payload(token)
    if payload is None:
        return None
    subscription = subscription_named(payload, Subscription.objects.only("email", "locale"))
    return subscription.locale if subscription else None


def render_page(request, kind: str):
    page = PAGES[kind]
    token = request.GET.get("token", "")
    usable = 0 < len(token) <= MAX_TOKEN_LENGTH
    language = (language_of(token) if usable else None) or translation.get_language()
    with translation.override(language):
        context = {
            "language": translation.get_language(),
            "title": page["title"],
            "explanation": page["explanation"],
            "button": page["button"],
            "endpoint": reverse(page["endpoint"]),
            "token": token if usable else None,
            "broken": BROKEN,
            "answers": {
                **{str(status): str(text) for status, text in page["answers"].items()},
                "other": str(TRY_LATER),
            },
        }
        response = render(request, "newsletter/page.html", context, status=200 if usable else 400)
    response["Content-Language"] = context["language"]
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def confirm_page(request):
    return render_page(request, "confirm")


@require_safe
def unsubscribe_page(request):
    return render_page(request, "unsubscribe")
