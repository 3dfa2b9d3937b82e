"""Social media links, shared by the site-wide content and by partner pages."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from .validators import validate_https_url


class SocialPlatform(models.TextChoices):
    FACEBOOK = "facebook", "Facebook"
    LINKEDIN = "linkedin", "LinkedIn"
    INSTAGRAM = "instagram", "Instagram"
    X = "x", "X (Twitter)"
    BLUESKY = "bluesky", "Bluesky"
    MASTODON = "mastodon", "Mastodon"
    YOUTUBE = "youtube", "YouTube"
    TELEGRAM = "telegram", "Telegram"
    RESEARCHGATE = "researchgate", "ResearchGate"
    GITHUB = "github", "GitHub"


class SocialLink(Orderable):
    """An ordered (platform, URL) pair; concrete subclasses add the ParentalKey to their owner."""

    platform = models.CharField(
        _("platform"),
        max_length=32,
        choices=SocialPlatform.choices,
        help_text=_("The network this profile is on; the frontend picks the matching icon."),
    )
    url = models.URLField(
        _("URL"),
        max_length=500,
        validators=[validate_https_url],
        help_text=_("Full address of the profile, starting with https://"),
    )

    panels = [FieldPanel("platform"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        abstract = True

    def __str__(self):
        return f"{self.get_platform_display()}: {self.url}"
