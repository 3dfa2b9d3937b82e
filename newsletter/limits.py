"""Abuse limits: per client address (a 429) and per email address (silent).

Counters live in the shared cache, in fixed windows, under a hash of the client's address as
:mod:`operations.client_address` resolves it behind ``TRUSTED_PROXY_COUNT`` proxies; no address is
stored anywhere else. With the cache unreachable nothing is limited.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

from operations.client_address import client_address

DAY = 24 * 60 * 60


def _hashed(value: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]


def _count(prefix: str, value: str, window: int) -> tuple[int, int]:
    """Add one to this window's counter; returns (count, seconds until the window ends)."""
    now = int(time.time())
    key = f"newsletter:{prefix}:{_hashed(value)}:{now // window}"
    remaining = window - now % window
    if cache.add(key, 1, timeout=remaining + 1):
        return 1, remaining
    try:
        return cache.incr(key) or 0, remaining
    except ValueError:  # expired between the two calls
        cache.set(key, 1, timeout=remaining + 1)
        return 1, remaining


def client_retry_after(request) -> int | None:
    """Seconds the client must wait when over ``NEWSLETTER_CLIENT_RATE``; None when under."""
    count, remaining = _count(
        "client", client_address(request) or "", settings.NEWSLETTER_CLIENT_WINDOW_SECONDS
    )
    return remaining if count > settings.NEWSLETTER_CLIENT_RATE else None


def address_may_receive(email: str) -> bool:
    """At most ``NEWSLETTER_ADDRESS_DAILY_LIMIT`` confirmation emails per address per day."""
    count, _remaining = _count("address", email, DAY)
    return count <= settings.NEWSLETTER_ADDRESS_DAILY_LIMIT
