"""Validators shared by the apps' models."""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def validate_https_url(value):
    """Accept only https:// addresses: the website links to secure sites only, as every field's
    help text says. Other mistakes (no address at all) are left to the URL field's own check."""
    if urlsplit(value).scheme.lower() != "https":
        raise ValidationError(
            _("Enter an address starting with https://; the website links only to secure sites."),
            code="https_required",
        )
