"""Limits on the admin's sign-in and password-reset forms.

Sign-in failures are counted by django-axes (settings: ``AXES_*``); this module gives its lockout
a page in the admin's look and language, and throttles the password-reset form, which axes does
not guard. Both count per client address as ``operations/client_address.py`` resolves it.
"""

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.urls import reverse

from operations.client_address import client_address

TEMPLATE = "operations/too_many_attempts.html"


def _minutes(duration: timedelta) -> int:
    return max(1, round(duration.total_seconds() / 60))


def sign_in_locked_out(request, credentials=None, *args, **kwargs):
    """The page a locked-out sign-in gets (``AXES_LOCKOUT_CALLABLE``), with status 429."""
    return render(
        request,
        TEMPLATE,
        {"sign_in": True, "minutes": _minutes(settings.AXES_COOLOFF_TIME)},
        status=429,
    )


class PasswordResetThrottleMiddleware:
    """At most ``PASSWORD_RESET_LIMIT`` reset requests per client address and per email address
    in each ``PASSWORD_RESET_WINDOW``.

    Wagtail's password-reset form sends an email to whatever address is typed in; unthrottled,
    it is a way to flood an editor's inbox or this server's mail relay. The counters live in the
    shared cache (Redis in production), so every process counts together; a request over the
    limit gets 429 and sends nothing. With the cache unreachable the form is not throttled.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path_info == reverse("wagtailadmin_password_reset"):
            counters = [f"password-reset:address:{client_address(request)}"]
            email = request.POST.get("email", "").strip().lower()
            if email:
                counters.append(f"password-reset:email:{email}")
            # Each counter counts every request, so that one address cannot spread its requests
            # over many emails, nor many addresses theirs over one email.
            if max(self._count(key) for key in counters) > settings.PASSWORD_RESET_LIMIT:
                return render(
                    request,
                    TEMPLATE,
                    {"password_reset": True, "minutes": _minutes(settings.PASSWORD_RESET_WINDOW)},
                    status=429,
                )
        return self.get_response(request)

    @staticmethod
    def _count(key: str) -> int:
        """Add one to a counter that expires one window after its first request."""
        window = int(settings.PASSWORD_RESET_WINDOW.total_seconds())
        if cache.add(key, 1, timeout=window):
            return 1
        try:
            return cache.incr(key) or 0
        except ValueError:  # expired between the two calls
            cache.set(key, 1, timeout=window)
            return 1
