"""Partner organisations of the consortium and the people who represent them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, TranslatableMixin
from wagtail.search import index

from pages.headless import HeadlessPageMixin
from pages.rich_text import RICH_TEXT_FEATURES
from pages.social import SocialLink
from pages.validators import validate_https_url

from .api import PARTNER_PAGE_API_FIELDS
from .forms import PartnerPageForm
from .panels import CooperationsPanel, InlinePanel

__all__ = [
    "ConsortiumRole",
    "OrganisationType",
    "PartnerCooperation",
    "PartnerIndexPage",
    "PartnerPage",
    "PartnerSocialLink",
    "TeamMember",
]


class OrganisationType(models.TextChoices):
    UNIVERSITY = "university", _("University")
    RESEARCH_INSTITUTE = "research_institute", _("Research institute")
    CITY = "city", _("City or municipality")
    MUNICIPAL_INSTITUTION = "municipal_institution", _("Municipal institution or enterprise")
    NGO = "ngo", _("Non-governmental organisation")
    ASSOCIATION = "association", _("Association or network")
    STANDARDISATION_BODY = "standardisation_body", _("Standardisation body")
    FOUNDATION = "foundation", _("Foundation")
    COMPANY = "company", _("Company")


class ConsortiumRole(models.TextChoices):
    COORDINATOR = "coordinator", _("Coordinator")
    PARTNER = "partner", _("Partner")
    ASSOCIATED_PARTNER = "associated_partner", _("Associated partner")
    FACILITATOR_CITY = "facilitator_city", _("Facilitator city")
    UKRAINIAN_CITY = "ukrainian_city", _("Ukrainian city")


class PartnerIndexPage(HeadlessPageMixin, Page):
    """The list of partners: one per locale, under that locale's home page."""

    introduction = RichTextField(
        _("introduction"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Shown above the list of partner organisations."),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["partners.PartnerPage"]
    # The only parent type is the home page, which exists once per locale.
    max_count_per_parent = 1

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    api_fields = [APIField("introduction")]

    class Meta:
        verbose_name = _("partner index page")
        verbose_name_plural = _("partner index pages")

    def clean(self):
        super().clean()
        clashing = PartnerIndexPage.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and clashing.exists():
            raise ValidationError(_("This language already has a partner index page."))


class PartnerPage(HeadlessPageMixin, Page):
    """The profile of one partner organisation."""

    short_name = models.CharField(
        _("short name"),
        max_length=40,
        blank=True,
        help_text=_("Acronym or short form of the name, e.g. “LHD” or “TUD”."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The organisation's logo; PNG or SVG on a transparent background works best."),
    )
    logo_alt_text = models.CharField(
        _("logo alt text"),
        max_length=255,
        blank=True,
        help_text=_(
            "What the logo shows, for visitors using screen readers, e.g. "
            "“City of Dresden logo”. Required when a logo is chosen."
        ),
    )
    country = CountryField(_("country"), help_text=_("Country where the organisation is based."))
    city = models.CharField(
        _("city"), max_length=100, blank=True, help_text=_("City where the organisation is based.")
    )
    organisation_type = models.CharField(
        _("organisation type"),
        max_length=32,
        choices=OrganisationType.choices,
        help_text=_("The kind of organisation, used to group and filter partners."),
    )
    consortium_role = models.CharField(
        _("role in the consortium"),
        max_length=32,
        choices=ConsortiumRole.choices,
        default=ConsortiumRole.PARTNER,
        help_text=_("The organisation's formal role in the U_CAN consortium."),
    )
    website = models.URLField(
        _("website"),
        max_length=500,
        blank=True,
        validators=[validate_https_url],
        help_text=_("The organisation's own website, starting with https://"),
    )
    brief_description = RichTextField(
        _("brief description"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("Who the organisation is: a paragraph or two for the “Brief Description”."),
    )
    role_in_project = RichTextField(
        _("role in the project"),
        blank=True,
        features=RICH_TEXT_FEATURES,
        help_text=_("What the organisation does in U_CAN, for “Role in the U_CAN Project”."),
    )

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []
    base_form_class = PartnerPageForm

    content_panels = Page.content_panels + [
        FieldPanel("short_name"),
        MultiFieldPanel([FieldPanel("logo"), FieldPanel("logo_alt_text")], heading=_("Logo")),
        FieldRowPanel([FieldPanel("country"), FieldPanel("city")], heading=_("Location")),
        FieldRowPanel(
            [FieldPanel("organisation_type"), FieldPanel("consortium_role")],
            heading=_("Organisation"),
        ),
        FieldPanel("brief_description"),
        FieldPanel("role_in_project"),
    ]
    team_panels = [
        InlinePanel(
            "team_members",
            heading=_("Team"),
            label=_("Team member"),
            add_button_label=_("Add team member"),
        )
    ]
    links_panels = [
        FieldPanel("website"),
        InlinePanel(
            "social_links",
            heading=_("Social links"),
            label=_("Social link"),
            add_button_label=_("Add social link"),
        ),
        CooperationsPanel(
            "cooperations",
            heading=_("Cooperating partners"),
            label=_("Cooperating partner"),
            add_button_label=_("Add cooperating partner"),
            help_text=_("Partners this organisation works with most closely in the project."),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Content")),
            ObjectList(team_panels, heading=_("Team")),
            ObjectList(links_panels, heading=_("Links")),
            # The page's address, SEO fields and Wagtail's own settings in one place.
            ObjectList(Page.promote_panels + Page.settings_panels, heading=_("Settings")),
        ]
    )

    search_fields = Page.search_fields + [
        index.SearchField("short_name"),
        # The admin's page search autocompletes: acronyms and cities must be found there too.
        index.AutocompleteField("short_name"),
        index.SearchField("city"),
        index.AutocompleteField("city"),
        index.SearchField("brief_description"),
        index.SearchField("role_in_project"),
        index.FilterField("country"),
        index.FilterField("organisation_type"),
        index.FilterField("consortium_role"),
        index.RelatedFields("team_members", [index.SearchField("name")]),
    ]

    # What the API shows of a partner, and how: partners/api.py.
    api_fields = PARTNER_PAGE_API_FIELDS

    class Meta:
        verbose_name = _("partner page")
        verbose_name_plural = _("partner pages")

    def clean(self):
        super().clean()
        if self.logo_id and not self.logo_alt_text.strip():
            raise ValidationError(
                {"logo_alt_text": _("Describe the logo for visitors who cannot see it.")}
            )

    @property
    def contact_person(self):
        return next(
            (member for member in self.team_members.all() if member.is_contact_person), None
        )


class TeamMember(TranslatableMixin, Orderable):
    """A person representing the partner organisation, in the order the editor sets.

    Translatable, so that positions and bios get Ukrainian versions; it takes its page's locale.
    """

    partner = ParentalKey(PartnerPage, on_delete=models.CASCADE, related_name="team_members")
    name = models.CharField(
        _("name"), max_length=255, help_text=_("Full name, e.g. “Regine Kramer”.")
    )
    position = models.CharField(
        _("position"),
        max_length=255,
        blank=True,
        help_text=_("Job title or role in the project, as the person wishes to be described."),
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional portrait; publish only with the person's consent."),
    )
    email = models.EmailField(
        _("email"),
        blank=True,
        help_text=_("Kept private unless “show email publicly” is ticked."),
    )
    email_is_public = models.BooleanField(
        _("show email publicly"),
        default=False,
        help_text=_("Tick only with the person's consent: the address then appears on the site."),
    )
    bio = models.TextField(
        _("short bio"), blank=True, help_text=_("Two or three sentences about the person.")
    )
    profile_url = models.URLField(
        _("profile URL"),
        max_length=500,
        blank=True,
        validators=[validate_https_url],
        help_text=_("LinkedIn profile or personal web page, starting with https://"),
    )
    is_contact_person = models.BooleanField(
        _("contact person"),
        default=False,
        help_text=_("Tick for the person visitors should contact about this partner."),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("position"),
        FieldPanel("photo"),
        FieldRowPanel([FieldPanel("email"), FieldPanel("email_is_public")]),
        FieldPanel("bio"),
        FieldPanel("profile_url"),
        FieldPanel("is_contact_person"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("team member")
        verbose_name_plural = _("team members")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if self.email_is_public and not self.email:
            raise ValidationError(
                {"email": _("Enter the email address to show, or untick “show email publicly”.")}
            )

    @property
    def public_email(self):
        """The address visitors may see: only when the editor ticked “show email publicly”."""
        return self.email if self.email_is_public else None


class PartnerSocialLink(SocialLink):
    partner = ParentalKey(PartnerPage, on_delete=models.CASCADE, related_name="social_links")


class PartnerCooperation(Orderable):
    """A partner this organisation cooperates with, e.g. Dresden ↔ Khmelnytskyi."""

    partner = ParentalKey(PartnerPage, on_delete=models.CASCADE, related_name="cooperations")
    cooperating_partner = models.ForeignKey(
        PartnerPage,
        verbose_name=_("cooperating partner"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Choose the partner page of the organisation it cooperates with."),
    )

    panels = [PageChooserPanel("cooperating_partner", page_type="partners.PartnerPage")]

    class Meta(Orderable.Meta):
        verbose_name = _("cooperating partner")
        verbose_name_plural = _("cooperating partners")

    def clean(self):
        super().clean()
        if self.partner_id and self.cooperating_partner_id == self.partner_id:
            raise ValidationError(
                {"cooperating_partner": _("A partner cannot cooperate with itself.")}
            )
