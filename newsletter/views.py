"""The newsletter's three endpoints under /api/v2/newsletter/ (docs/newsletter.md).

Plain JSON views: no session or cookie is involved, so they are CSRF-exempt and reached from the
frontend's origin through CORS. Every answer is ``no-store``.
"""

from functools import wraps

from django.conf import settings
from django.db import transaction
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt

from . import events, limits
from .models import Subscription
from .tasks import send_confirmation
from .tokens import (
    TokenExpired,
    TokenInvalid,
    read_confirm_token,
    read_unsubscribe_token,
    subscription_named,
)
from .validation import InvalidInput, is_honeypot_filled, json_object, subscription_request, token

ACCEPTED_MESSAGE = (
    "Thank you. Unless this address is subscribed already, a confirmation email is on its way."
)


def answer(body: dict, status: int) -> JsonResponse:
    response = JsonResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    return response


def post_only(view):
    @csrf_exempt
    @wraps(view)
    def checked(request):
        if request.method != "POST":
            response = answer({"message": "Use POST."}, 405)
            response["Allow"] = "POST"
            return response
        try:
            return view(request)
        except InvalidInput as error:
            return answer({"message": str(error), "field": error.field}, 400)

    return checked


@post_only
def subscribe(request):
    retry_after = limits.client_retry_after(request)
    if retry_after is not None:
        response = answer({"message": "Too many requests from this address; try again later."}, 429)
        response["Retry-After"] = str(retry_after)
        return response
    data = json_object(request)
    # Same answer in every case, so that nobody learns whether an address is subscribed.
    accepted = answer({"message": ACCEPTED_MESSAGE}, 202)
    if is_honeypot_filled(data):
        return accepted
    wanted = subscription_request(data)
    with transaction.atomic():
        subscription, created = Subscription.objects.select_for_update().get_or_create(
            email=wanted["email"], defaults=consent_fields(wanted["locale"])
        )
        if subscription.state == Subscription.State.CONFIRMED:
            return accepted
        if not created:
            renew(subscription, wanted["locale"])
        if limits.address_may_receive(subscription.email):
            pk = subscription.pk
            transaction.on_commit(lambda: send_confirmation.enqueue(pk))
    return accepted


def consent_fields(locale: str) -> dict:
    return {
        "locale": locale,
        "consent_language": locale,
        "consent_text_version": settings.NEWSLETTER_CONSENT_TEXT_VERSION,
    }


def renew(subscription: Subscription, locale: str):
    """A new request for a pending or unsubscribed address: the consent being asked for now."""
    for field, value in consent_fields(locale).items():
        setattr(subscription, field, value)
    if subscription.state == Subscription.State.UNSUBSCRIBED:
        # A fresh request: the links sent before the unsubscribe stop working.
        subscription.state = Subscription.State.PENDING
        subscription.requested_at = timezone.now()
        subscription.confirmed_at = None
    subscription.save()


def subscription_of(payload: dict) -> Subscription | None:
    """The subscription a token names, locked for the change the request makes."""
    return subscription_named(payload, Subscription.objects.select_for_update())


GONE = {"message": "This subscription no longer exists.", "field": "token"}
BROKEN = {"message": "This link is broken or was changed.", "field": "token"}


@post_only
def confirm(request):
    try:
        payload = read_confirm_token(token(json_object(request)))
    except TokenExpired:
        return answer({"message": "This link has expired; subscribe again.", "field": "token"}, 410)
    except TokenInvalid:
        return answer(BROKEN, 400)
    with transaction.atomic():
        subscription = subscription_of(payload)
        if subscription is None:
            return answer(GONE, 404)
        if subscription.state == Subscription.State.CONFIRMED:
            message = "This subscription is confirmed already."
            return answer({"message": message, "field": "token"}, 409)
        if (
            subscription.state != Subscription.State.PENDING
            or subscription.requested_at.isoformat() != payload["r"]
        ):
            message = "This link was replaced by a newer request or an unsubscribe."
            return answer({"message": message, "field": "token"}, 409)
        subscription.state = Subscription.State.CONFIRMED
        subscription.confirmed_at = timezone.now()
        subscription.save()
        events.confirmed(subscription)
    return answer({"state": subscription.state}, 200)


@post_only
def unsubscribe(request):
    """From the frontend (JSON ``{"token": …}``) or a mail client's RFC 8058 one-click POST
    (``?token=…`` in the List-Unsubscribe URL, form body ``List-Unsubscribe=One-Click``)."""
    data = {"token": request.GET["token"]} if "token" in request.GET else json_object(request)
    try:
        payload = read_unsubscribe_token(token(data))
    except TokenInvalid:
        return answer(BROKEN, 400)
    with transaction.atomic():
        subscription = subscription_of(payload)
        if subscription is None:
            return answer(GONE, 404)
        if subscription.state != Subscription.State.UNSUBSCRIBED:
            was_confirmed = subscription.state == Subscription.State.CONFIRMED
            subscription.state = Subscription.State.UNSUBSCRIBED
            subscription.unsubscribed_at = timezone.now()
            subscription.save()
            if was_confirmed:
                events.unsubscribed(subscription)
    return answer({"state": subscription.state}, 200)
