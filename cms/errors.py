"""What a visitor gets when the server fails: JSON for the API, and 503 when the database is down.

Django calls ``handler500`` for every uncaught exception, from a view or a middleware, while
the exception is still being handled, so the handler can tell a lost database (PostgreSQL
stopped, restarting, out of connections) from a bug. Neither answer carries a traceback; the
log has it. Persistent connections are health-checked at each request (CONN_HEALTH_CHECKS), so
the site recovers by itself once the database is back.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import JsonResponse
from django.views.defaults import server_error

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
