"""What a visitor gets when a request fails: JSON for the API, and 503 when the database is down.

Django calls ``handler500`` for every uncaught exception, from a view or a middleware, while
the exception is still being handled, so the handler can tell a lost database (PostgreSQL
stopped, restarting, out of connections) from a bug. Neither answer carries a traceback; the
log has it. Persistent connections are health-checked at each request (CONN_HEALTH_CHECKS), so
the site recovers by itself once the database is back. ``handler400`` answers what Django
refuses as suspicious — above all a Host it does not serve (``cms.middleware.HostPortMiddleware``)
— with a fixed message that never repeats the request.
"""

import sys

from django.core.exceptions import DisallowedHost
from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.views.defaults import bad_request, server_error

from cms.middleware import InvalidHostPort

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


def bad_request_message(exception) -> str:
    # Never the exception's own text: it repeats the Host header, and the response must not.
    if isinstance(exception, InvalidHostPort):
        return "Host: the port must be a number from 1 to 65535."
    if isinstance(exception, DisallowedHost):
        return "Host: this server does not answer to that host name."
    return "Bad request."


def handle_bad_request(request, exception, *args, **kwargs):
    """Django's ``handler400`` (a disallowed Host, a malformed upload …): JSON under /api/."""
    if not request.path.startswith("/api/"):
        return bad_request(request, exception, *args, **kwargs)
    response = JsonResponse({"message": bad_request_message(exception)}, status=400)
    response["Cache-Control"] = "no-store"
    return response
