"""The demo loader: the consortium, the Dresden page word for word, and idempotence."""

import io
import re
from html import unescape

import pytest
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Revision, Site

from home.models import HomePage, SiteContent
from partners.models import PartnerCooperation, PartnerIndexPage, PartnerPage, TeamMember

pytestmark = pytest.mark.django_db

# Copied from the live page (reference/partner-page-city-of-dresden.txt): the demo must match.
DRESDEN_BRIEF_DESCRIPTION = (
    "Dresden, with over half a million inhabitants, is one of the largest cities in the east of "
    "the Federal Republic of Germany and, thanks to its centrality and vicinity to the Czech "
    "Republic and Poland, it is a gateway to eastern Europe. Dresden is a city of knowledge and "
    "skills. Almost half of all workers have scientific and technological careers or have "
    "studied a subject in that field. The people of Dresden have a deep-rooted tradition of "
    "engineering and openness towards new technologies. The interdisciplinary collaboration "
    "between businesses and research facilities helps move Dresden forward. The city council "
    "of Dresden approved in 2016 the \u201cZukunft2025+\u201d IDUC, an integrated development "
    "urban concept. It paved the way for a Smart City by taking up the concept for the first "
    "time. The Smart City strategy of Dresden found its place in the guiding strategic planning "
    "documents approved by the city council and discussed with citizens in the course of the "
    'planning process. In 2022 the City of Dresden joined the EU cities mission "100climate '
    'neutral and smart cities by 2030" in order to accelerate its ambition towards a net zero '
    "city."
)
DRESDEN_ROLE = (
    "In the U_CAN project the City of Dresden acts as a facilitator city between the EU cities "
    "mission, the NetZeroCities platform and the U_CAN partnership. In particular it helps to "
    "foster exchange of experiences and knowledge, focusing on cooperation with the city of "
    "Khmelnytskyi."
)
NEWSLETTER_TEXT = (
    "to be updated about the project results, events, and useful announcements in the area of "
    "carbon neutrality of cities in Ukraine and the European Union"
)


def text_of(html):
    return unescape(re.sub(r"<[^>]+>", "", html)).strip()


def test_it_says_what_it_creates_as_it_goes(db):
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "  home page"
    assert "  partner “LHD”" in lines
    assert lines[-1] == f"Created {len(lines) - 1} items."


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "team members": TeamMember.objects.count(),
        "cooperations": PartnerCooperation.objects.count(),
        "site contents": SiteContent.objects.count(),
        "latest revisions": sorted(
            Page.objects.values_list("id", "latest_revision_id").order_by("id")
        ),
    }


@pytest.mark.usefixtures("demo")
class TestTheDemoSite:
    """Each test reads the demo site, built once for the class (``demo_site``)."""

    def test_builds_the_tree_with_all_nineteen_partners_live(self):
        home = HomePage.objects.get(locale=Locale.get_default())
        assert Site.objects.get(is_default_site=True).root_page.specific == home
        index = PartnerIndexPage.objects.child_of(home).get()
        partners = PartnerPage.objects.child_of(index)
        assert partners.count() == 19
        assert partners.live().count() == 19
        assert not Page.objects.filter(
            title__startswith="Welcome to your new Wagtail site"
        ).exists()

    def test_dresden_page_reproduces_the_reference_word_for_word(self):
        dresden = PartnerPage.objects.get(slug="city-of-dresden", locale=Locale.get_default())
        assert dresden.title == "City of Dresden - Landeshauptstadt Dresden (LHD)"
        assert dresden.short_name == "LHD"
        assert dresden.consortium_role == "facilitator_city"
        assert text_of(dresden.brief_description) == DRESDEN_BRIEF_DESCRIPTION
        assert text_of(dresden.role_in_project) == DRESDEN_ROLE
        assert [link.platform for link in dresden.social_links.all()] == ["linkedin", "facebook"]
        assert dresden.website == "https://www.dresden.de/"
        team = list(dresden.team_members.all())
        assert [(m.name, m.position) for m in team] == [
            (
                "Regine Kramer",
                "City Mission facilitator, coordinator of city engagement in EU projects",
            )
        ]
        assert team[0].is_contact_person

    def test_dresden_and_khmelnytskyi_cooperate_both_ways(self):
        english = Locale.get_default()
        dresden = PartnerPage.objects.get(slug="city-of-dresden", locale=english)
        khmelnytskyi = PartnerPage.objects.get(
            slug="khmelnytskyi-national-university", locale=english
        )
        assert [c.cooperating_partner for c in dresden.cooperations.all()] == [khmelnytskyi]
        assert [c.cooperating_partner for c in khmelnytskyi.cooperations.all()] == [dresden]

    def test_other_partners_have_invented_teams_with_public_and_private_emails(self):
        with_team = (
            PartnerPage.objects.filter(locale=Locale.get_default())
            .exclude(slug="city-of-dresden")
            .filter(team_members__isnull=False)
            .distinct()
        )
        assert with_team.count() >= 5
        members = TeamMember.objects.exclude(partner__slug="city-of-dresden")
        assert members.filter(email_is_public=True).exclude(email="").exists()
        assert members.filter(email_is_public=False).exclude(email="").exists()
        assert all(m.public_email is None for m in members.filter(email_is_public=False))

    def test_every_partner_has_a_generated_logo_with_alt_text(self):
        for partner in PartnerPage.objects.filter(locale=Locale.get_default()):
            assert partner.logo is not None, partner.title
            assert partner.logo.width == 800 and partner.logo.height == 400
            assert partner.logo_alt_text == f"{partner.title} logo"

    def test_site_content_has_the_coordinator_newsletter_and_funding_notice(self):
        site_content = SiteContent.objects.get(locale=Locale.get_default())
        assert site_content.project_name == "U_CAN"
        assert site_content.tagline == "Ukraine Towards Carbon Neutrality"
        assert site_content.coordinator_organisation == "Technische Universität Dresden"
        assert site_content.coordinator_unit == (
            "WISSENSARCHITEKTUR – Laboratory of Knowledge Architecture"
        )
        assert site_content.newsletter_text == NEWSLETTER_TEXT
        assert site_content.funding_image is not None
        assert site_content.funding_image_alt == (
            'Banner of EU Missions "Climate-neutral smart cities"'
        )
        assert [link.platform for link in site_content.social_links.all()] == [
            "facebook",
            "linkedin",
        ]
        assert [item.page.specific for item in site_content.navigation_items.all()] == [
            PartnerIndexPage.objects.get(locale=Locale.get_default())
        ]

    def test_running_it_twice_changes_and_duplicates_nothing(self):
        before = counts()
        out = io.StringIO()
        call_command("load_demo", stdout=out)
        assert counts() == before
        assert out.getvalue() == "The demo content exists already; nothing changed.\n"

    def test_ukrainian_versions_are_live_and_written_in_ukrainian(self):
        ukrainian = Locale.objects.get(language_code="uk")
        assert HomePage.objects.get(locale=ukrainian).live
        assert PartnerIndexPage.objects.get(locale=ukrainian).title == "Партнери"
        translated = PartnerPage.objects.filter(locale=ukrainian)
        assert translated.count() >= 6
        assert all(page.live for page in translated)
        dresden = translated.get(slug="city-of-dresden")
        assert dresden.title.startswith("Місто Дрезден")
        assert "Дрезден, де мешкає понад пів мільйона людей" in dresden.brief_description
        assert dresden.team_members.get().name == "Регіне Крамер"
        assert SiteContent.objects.get(locale=ukrainian).tagline == (
            "Україна на шляху до вуглецевої нейтральності"
        )

    def test_demo_leaves_one_translation_out_of_date_and_others_missing(self):
        from translations.status import TranslationState, state_of, synchronised_at

        ukrainian = Locale.objects.get(language_code="uk")
        english_partners = PartnerPage.objects.filter(locale=Locale.get_default())
        states = {}
        for source in english_partners:
            translation = source.get_translation_or_none(ukrainian)
            synced = synchronised_at([source.translation_key]).get(source.translation_key)
            states[source.slug] = state_of(translation, source, synced)
        assert states["technische-universitat-dresden"] == TranslationState.OUT_OF_DATE
        assert states["city-of-dresden"] == TranslationState.UP_TO_DATE
        assert states["german-institute-for-standardisation"] == TranslationState.MISSING
