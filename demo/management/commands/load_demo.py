"""Load the demo site: the U_CAN consortium with the City of Dresden page word for word.

Safe to run any number of times: whatever exists already (looked up by slug, title or
locale) is left exactly as it is, so a second run creates, changes and publishes nothing.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from demo import content, ukrainian
from demo.logos import eu_missions_banner, partner_logo
from demo.translate import translate_into
from home.models import HomePage, NavigationItem, SiteContent, SiteSocialLink
from partners.models import (
    PartnerCooperation,
    PartnerIndexPage,
    PartnerPage,
    PartnerSocialLink,
    TeamMember,
)

Image = get_image_model()


class Command(BaseCommand):
    help = "Create the demo site (home, partners, site content). Running it again changes nothing."

    def handle(self, *args, verbosity=1, **options):
        self.created = []
        self.verbosity = verbosity
        with transaction.atomic():
            english = Locale.get_default()
            home = self.home_page(english)
            index = self.partner_index(home)
            partners = {data["slug"]: self.partner_page(index, data) for data in content.PARTNERS}
            self.cooperations(partners)
            self.site_content(english, index)
        target = Locale.objects.filter(language_code="uk").first()
        if target is not None:
            with transaction.atomic():
                self.ukrainian_versions(target, home, index, partners)
        if self.created:
            self.stdout.write(self.style.SUCCESS(f"Created {len(self.created)} items."))
        else:
            self.stdout.write("The demo content exists already; nothing changed.")

    def note(self, what):
        """Say what was made as it is made, so a slow database shows where the run is."""
        self.created.append(what)
        if self.verbosity:
            self.stdout.write(f"  {what}")
            self.stdout.flush()

    def home_page(self, locale):
        home = HomePage.objects.filter(locale=locale).first()
        if home:
            return home
        root = Page.get_first_root_node()
        # Wagtail's migrations leave a plain "Welcome to your new Wagtail site!" page here.
        for welcome in root.get_children().filter(slug="home").exact_type(Page):
            welcome.delete()
        home = HomePage(
            title=content.HOME["title"],
            slug="home",
            introduction=content.HOME["introduction"],
            locale=locale,
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first()
        if site:
            site.root_page = home
            site.save()
        else:
            Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        self.note("home page")
        return home

    def partner_index(self, home):
        index = PartnerIndexPage.objects.child_of(home).first()
        if index:
            return index
        index = PartnerIndexPage(
            title=content.PARTNER_INDEX["title"],
            slug="partners",
            introduction=content.PARTNER_INDEX["introduction"],
        )
        home.add_child(instance=index)
        index.save_revision().publish()
        self.note("partner index")
        return index

    def image(self, title, make_file):
        image = Image.objects.filter(title=title).first()
        if image is None:
            image = Image.objects.create(title=title, file=make_file())
        return image

    def partner_page(self, index, data):
        page = PartnerPage.objects.child_of(index).filter(slug=data["slug"]).first()
        if page:
            return page
        logo = self.image(
            f"{data['title']} logo",
            lambda: partner_logo(data["short_name"], data["country"], f"{data['slug']}.png"),
        )
        page = PartnerPage(
            title=data["title"],
            slug=data["slug"],
            short_name=data["short_name"],
            logo=logo,
            logo_alt_text=f"{data['title']} logo",
            country=data["country"],
            city=data["city"],
            organisation_type=data["organisation_type"],
            consortium_role=data["consortium_role"],
            website=data["website"],
            brief_description=data["brief_description"],
            role_in_project=data["role_in_project"],
        )
        for platform, url in data["social_links"]:
            page.social_links.add(PartnerSocialLink(platform=platform, url=url))
        for member in data["team"]:
            page.team_members.add(TeamMember(**member))
        index.add_child(instance=page)
        page.save_revision().publish()
        self.note(f"partner “{data['short_name']}”")
        return page

    def cooperations(self, partners):
        for first, second in content.COOPERATIONS:
            for page, other in (
                (partners[first], partners[second]),
                (partners[second], partners[first]),
            ):
                if page.cooperations.filter(cooperating_partner=other).exists():
                    continue
                page.cooperations.add(PartnerCooperation(cooperating_partner=other))
                page.save_revision().publish()
                self.note(f"cooperation {page.short_name} → {other.short_name}")

    def ukrainian_versions(self, locale, home, index, partners):
        """Home, partner index, six partners and the site content in Ukrainian; the rest
        stays untranslated, and one translation is left out of date on purpose."""
        self.translation(home, locale)
        self.translation(index, locale)
        for slug in ukrainian.TRANSLATED_PARTNERS:
            created = self.translation(partners[slug], locale)
            if created and slug == ukrainian.OUT_OF_DATE_PARTNER:
                source = PartnerPage.objects.get(pk=partners[slug].pk)
                for field, value in ukrainian.OUT_OF_DATE_CHANGE.items():
                    setattr(source, field, value)
                source.save_revision().publish()
                self.note(f"an English change to “{source.short_name}” after its translation")
        site_content = SiteContent.objects.filter(locale=Locale.get_default()).first()
        if site_content is not None:
            self.translation(site_content, locale)

    def translation(self, instance, locale) -> bool:
        if instance.get_translation_or_none(locale) is not None:
            return False
        translate_into(instance, locale, ukrainian.STRINGS)
        self.note(f"Ukrainian “{instance}”")
        return True

    def site_content(self, locale, index):
        if SiteContent.objects.filter(locale=locale).exists():
            return
        banner = self.image(
            "EU Missions banner", lambda: eu_missions_banner("eu-missions-banner.png")
        )
        site_content = SiteContent(locale=locale, funding_image=banner, **content.SITE_CONTENT)
        for platform, url in content.PROJECT_SOCIAL_LINKS:
            site_content.social_links.add(SiteSocialLink(platform=platform, url=url))
        site_content.navigation_items.add(NavigationItem(page=index))
        site_content.save()
        site_content.save_revision()
        self.note("site content")
