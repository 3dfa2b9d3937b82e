"""The home page of each locale and the site-wide content around every page."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Locale, Orderable, Page, RevisionMixin, TranslatableMixin
from wagtail.search import index

from pages.headless import HeadlessPageMixin
from pages.rich_text import RICH_TEXT_FEATURES
from pages.social import SocialLink

__all__ = ["HomePage", "NavigationItem", "SiteContent", "SiteSocialLink"]


class HomePage(HeadlessPageMixin, Page):
    """The root of one locale's page tree: one per locale, directly under Wagtail's root."""

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("A short welcome shown at the top of the home page."),
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["partners.PartnerIndexPage"]

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    @classmethod
    def can_create_at(cls, parent):
        # One home page per locale: a new one is only offered while some locale has none.
        return super().can_create_at(parent) and cls.objects.count() < Locale.objects.count()

    def clean(self):
        super().clean()
        clashing = HomePage.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and clashing.exists():
            raise ValidationError(_("This language already has a home page."))


class SiteContent(TranslatableMixin, RevisionMixin, ClusterableModel):
    """Everything a visitor reads around the pages: header, footer, contact and funding notice.

    There is one per locale; the Ukrainian one is a translation of the English one.
    """

    project_name = models.CharField(
        _("project name"), max_length=100, help_text=_("Shown in the header, e.g. “U_CAN”.")
    )
    tagline = models.CharField(
        _("tagline"),
        max_length=255,
        help_text=_("The project's full name, e.g. “Ukraine Towards Carbon Neutrality”."),
    )
    coordinator_organisation = models.CharField(
        _("coordinator organisation"),
        max_length=255,
        help_text=_("The coordinating institution named under “Coordinator Contact Details”."),
    )
    coordinator_unit = models.CharField(
        _("coordinator unit"),
        max_length=255,
        blank=True,
        help_text=_("Faculty, laboratory or department of the coordinator."),
    )
    coordinator_address = models.TextField(
        _("coordinator address"),
        blank=True,
        help_text=_("Postal address, one line per row."),
    )
    coordinator_email = models.EmailField(
        _("coordinator email"),
        blank=True,
        help_text=_("Public contact address for the project."),
    )
    newsletter_title = models.CharField(
        _("newsletter title"),
        max_length=255,
        blank=True,
        help_text=_("Heading of the newsletter box, e.g. “Subscribe to our newsletter”."),
    )
    newsletter_text = models.TextField(
        _("newsletter text"),
        blank=True,
        help_text=_("One or two sentences on what subscribers receive."),
    )
    newsletter_signup_url = models.URLField(
        _("newsletter sign-up URL"),
        blank=True,
        help_text=_("Where the subscribe button leads, if the sign-up form is hosted elsewhere."),
    )
    newsletter_confirmation_subject = models.CharField(
        _("confirmation email subject"),
        max_length=255,
        blank=True,
        help_text=_(
            "Subject of the email that asks a new subscriber to confirm. Left empty, a standard "
            "subject in this language is used."
        ),
    )
    newsletter_confirmation_text = models.TextField(
        _("confirmation email text"),
        blank=True,
        help_text=_(
            "Body of that email. Write {link} where the confirmation link goes (it is added at "
            "the end if missing). An unsubscribe line is always added. Left empty, a standard "
            "text in this language is used."
        ),
    )
    funding_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("funding emblem"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The EU emblem or EU Missions banner required on funded projects' sites."),
    )
    funding_image_alt = models.CharField(
        _("funding emblem alt text"),
        max_length=255,
        blank=True,
        help_text=_("Describes the emblem for screen readers. Required when an emblem is chosen."),
    )
    funding_text = models.TextField(
        _("funding notice"),
        blank=True,
        help_text=_("The funding acknowledgement and disclaimer text."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("project_name"), FieldPanel("tagline")], heading=_("Project")),
        MultiFieldPanel(
            [
                FieldPanel("coordinator_organisation"),
                FieldPanel("coordinator_unit"),
                FieldPanel("coordinator_address"),
                FieldPanel("coordinator_email"),
            ],
            heading=_("Coordinator contact details"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("newsletter_title"),
                FieldPanel("newsletter_text"),
                FieldPanel("newsletter_signup_url"),
                FieldPanel("newsletter_confirmation_subject"),
                FieldPanel("newsletter_confirmation_text"),
            ],
            heading=_("Newsletter"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("funding_image"),
                FieldPanel("funding_image_alt"),
                FieldPanel("funding_text"),
            ],
            heading=_("Funding notice"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(panels, heading=_("Content")),
            ObjectList(
                [InlinePanel("navigation_items", label=_("Navigation item"))],
                heading=_("Navigation"),
            ),
            ObjectList([InlinePanel("social_links", label=_("Social link"))], heading=_("Links")),
        ]
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("site content")
        verbose_name_plural = _("site content")

    def __str__(self):
        return f"{self.project_name} ({self.locale})"

    def clean(self):
        super().clean()
        errors = {}
        if self.funding_image_id and not self.funding_image_alt.strip():
            errors["funding_image_alt"] = _("Describe the emblem for visitors who cannot see it.")
        if self.locale_id:
            clashing = SiteContent.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
            if clashing.exists():
                errors["__all__"] = _(
                    "This language already has its site content; edit or translate that one."
                )
        if errors:
            raise ValidationError(errors)

    @classmethod
    def for_locale(cls, locale):
        return cls.objects.filter(locale=locale).first()


class SiteSocialLink(SocialLink):
    site_content = ParentalKey(SiteContent, on_delete=models.CASCADE, related_name="social_links")


class NavigationItem(TranslatableMixin, Orderable):
    """A main-navigation entry: a page and, optionally, a shorter label than its title.

    Translatable, so that labels get Ukrainian versions; it takes its site content's locale.
    """

    site_content = ParentalKey(
        SiteContent, on_delete=models.CASCADE, related_name="navigation_items"
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The page this entry opens. Only live, public pages are shown to visitors."),
    )
    label = models.CharField(
        _("label"),
        max_length=64,
        blank=True,
        help_text=_("Leave empty to use the page's title."),
    )

    panels = [PageChooserPanel("page"), FieldPanel("label")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("navigation item")
        verbose_name_plural = _("navigation items")

    def __str__(self):
        return self.label or self.page.title
