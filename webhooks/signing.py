"""How a delivery proves it comes from this CMS: an HMAC-SHA256 of the exact body."""

import hashlib
import hmac

SIGNATURE_HEADER = "X-UCAN-Signature"


def signature(secret: str, body: bytes) -> str:
    """``sha256=<hex digest>``: what the receiver recomputes and compares in constant time."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def is_valid(secret: str, body: bytes, header_value: str) -> bool:
    return hmac.compare_digest(signature(secret, body), header_value or "")
