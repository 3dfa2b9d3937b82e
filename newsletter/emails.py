"""The confirmation email, in the subscriber's language, with its unsubscribe link and headers.

Editors write the subject and text per language in the site content (Settings → Site content →
Newsletter); left empty, the standard wording below is used. Every message carries RFC 8058's
one-click unsubscribe: ``List-Unsubscribe`` points at the CMS's own endpoint, which a mail client
POSTs ``List-Unsubscribe=One-Click`` to, and the text ends with a link to the frontend's route.

The links are absolute in every configuration: to FRONTEND_URL's routes when it is set, and to
the CMS's own small pages at the same paths (:mod:`newsletter.link_pages`) when it is not.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from home.models import SiteContent

from .models import Subscription
from .tokens import confirm_token, unsubscribe_token

LINK_PLACEHOLDER = "{link}"


def frontend_link(path: str, token: str) -> str:
    """The frontend's route, or the CMS's own page at the same path without a frontend."""
    base = settings.FRONTEND_URL or settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    return f"{base}{path}?{urlencode({'token': token})}"


def one_click_url(token: str) -> str:
    base = settings.WAGTAILAPI_BASE_URL.rstrip("/")
    return f"{base}{reverse('newsletter_unsubscribe')}?{urlencode({'token': token})}"


def editors_wording(language_code: str) -> tuple[str, str]:
    site_content = SiteContent.objects.filter(locale__language_code=language_code).first()
    if site_content is None:
        return "", ""
    return (
        site_content.newsletter_confirmation_subject.strip(),
        site_content.newsletter_confirmation_text.strip(),
    )


def confirmation_message(subscription: Subscription) -> EmailMessage:
    confirm_link = frontend_link(settings.NEWSLETTER_CONFIRM_PATH, confirm_token(subscription))
    token = unsubscribe_token(subscription)
    unsubscribe_link = frontend_link(settings.NEWSLETTER_UNSUBSCRIBE_PATH, token)
    subject, text = editors_wording(subscription.locale)
    with translation.override(subscription.locale):
        subject = subject or gettext("Please confirm your newsletter subscription")
        text = text or gettext(
            "Thank you for subscribing to the U_CAN newsletter. Please confirm your address "
            "by opening this link:\n\n{link}\n\nIf you did not ask for it, ignore this email: "
            "you will not be subscribed."
        )
        # Editors' text is used as written: only the placeholder is replaced, never formatted.
        if LINK_PLACEHOLDER in text:
            text = text.replace(LINK_PLACEHOLDER, confirm_link)
        else:
            text = f"{text}\n\n{confirm_link}"
        footer = gettext("To unsubscribe at any time, open: %(link)s") % {"link": unsubscribe_link}
    return EmailMessage(
        subject=" ".join(subject.split()),  # a line break in a subject is a header injection
        body=f"{text}\n\n--\n{footer}\n",
        to=[subscription.email],
        headers={
            "List-Unsubscribe": f"<{one_click_url(token)}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    )
