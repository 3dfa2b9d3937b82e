"""What a visitor gets when a request fails: JSON for the API, and 503 when the database is down.

Django calls ``handler500`` for every uncaught exception, from a view or a middleware, while
the exception is still being handled, so the handler can tell a lost database (PostgreSQL
stopped, restarting, out of connections) from a bug. Neither answer carries a traceback; the
log has it. Persistent connections are health-checked at each request (CONN_HEALTH_CHECKS), so
the site recovers by itself once the database is back. ``handler400`` answers what Django
refuses as suspicious — above all a Host it does not serve
(``operations.middleware.HostPortMiddleware``) — with a fixed message that never repeats the
request.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.views.csrf import csrf_failure as django_csrf_failure
from django.views.defaults import bad_request, server_error
from rest_framework.views import exception_handler as drf_exception_handler

from operations.middleware import bad_request_message

RETRY_AFTER_SECONDS = 10


def database_is_down() -> bool:
    return isinstance(sys.exc_info()[1], OperationalError | InterfaceError)


def handle_server_error(request, *args, **kwargs):
    if database_is_down():
        response = JsonResponse(
            {"message": "The database is unavailable; try again shortly."}, status=503
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    elif request.path.startswith("/api/"):
        response = JsonResponse({"message": "Internal server error."}, status=500)
    else:
        return server_error(request, *args, **kwargs)
    response["Cache-Control"] = "no-store"
    return response


def handle_bad_request(request, exception, *args, **kwargs):
    """Django's ``handler400`` (a disallowed Host, a malformed upload …): JSON under /api/."""
    if not request.path.startswith("/api/"):
        return bad_request(request, exception, *args, **kwargs)
    response = JsonResponse({"message": bad_request_message(exception)}, status=400)
    response["Cache-Control"] = "no-store"
    return response


def csrf_failure(request, reason=""):
    """``CSRF_FAILURE_VIEW``: under /api/ (which accepts no unsafe method) a JSON 403."""
    if not request.path.startswith("/api/"):
        return django_csrf_failure(request, reason)
    response = JsonResponse(
        {"message": f"Method {request.method} is not allowed here: the API is read-only."},
        status=403,
    )
    response["Cache-Control"] = "no-store"
    return response


def api_exception_handler(exc, context):
    """DRF's ``EXCEPTION_HANDLER``: its errors (405, 406 …) as ``{"message": …}``."""
    response = drf_exception_handler(exc, context)
    if response is not None and isinstance(response.data, dict) and "detail" in response.data:
        response.data = {"message": str(response.data["detail"])}
    return response
