"""The address of the client a request came from, as the proxies in front of the CMS saw it.

Behind ``TRUSTED_PROXY_COUNT`` proxies that each append the address they received the request
from to ``X-Forwarded-For`` (Varnish does; so does nginx with ``$proxy_add_x_forwarded_for``),
the last entries of that header are theirs and the one that many places from the right is the
client as the outermost proxy saw it. Entries to its left came from the client and may be
anything, so they are never used: a client cannot pick the address its failed sign-ins are
counted against, neither to slip past a lockout nor to lock someone else out.
"""

import ipaddress

from django.conf import settings


def client_address(request) -> str | None:
    """The client's IP address; used by django-axes and the password-reset throttle."""
    remote = request.META.get("REMOTE_ADDR")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [
        entry.strip()
        for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if entry.strip()
    ]
    if not forwarded:
        # Not through the proxies at all (a probe, a direct connection): what connected is it.
        return remote
    # Fewer entries than proxies: the request entered the chain past its outer proxy, so the
    # left-most entry is the one the first proxy it met wrote.
    candidate = forwarded[-proxies] if len(forwarded) >= proxies else forwarded[0]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
