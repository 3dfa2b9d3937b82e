"""A small bilingual partner site for the API tests."""

import pytest
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale

from home.models import NavigationItem, SiteContent, SiteSocialLink
from partners.models import PartnerCooperation, PartnerSocialLink, TeamMember
from tests.partners.factories import PartnerPageFactory


@pytest.fixture
def image(db):
    return get_image_model().objects.create(title="Logo", file=get_test_image_file())


def publish(page):
    page.save_revision().publish()
    return page.specific_class.objects.get(pk=page.pk)


@pytest.fixture
def ukrainian(db):
    return Locale.objects.get(language_code="uk")


@pytest.fixture
def dresden(partner_index, image):
    """The City of Dresden page with logo, links, a two-person team and rich text."""
    partner = PartnerPageFactory.build(
        title="City of Dresden - Landeshauptstadt Dresden (LHD)",
        slug="city-of-dresden",
        short_name="LHD",
        country="DE",
        city="Dresden",
        organisation_type="city",
        consortium_role="facilitator_city",
        website="https://www.dresden.de/",
        logo=image,
        logo_alt_text="City of Dresden logo",
        brief_description="<p>Dresden is a city of knowledge and skills.</p>",
        role_in_project="<p>Dresden acts as a facilitator city.</p>",
    )
    partner.social_links.add(
        PartnerSocialLink(platform="linkedin", url="https://www.linkedin.com/company/dresden/")
    )
    partner.social_links.add(
        PartnerSocialLink(platform="facebook", url="https://www.facebook.com/stadt.dresden")
    )
    partner.team_members.add(
        TeamMember(
            name="Regine Kramer",
            position="City Mission facilitator, coordinator of city engagement in EU projects",
            email="private@example.org",
            is_contact_person=True,
        )
    )
    partner.team_members.add(
        TeamMember(
            name="Max Weber",
            position="Climate officer",
            email="max.weber@example.org",
            email_is_public=True,
            photo=image,
            profile_url="https://www.linkedin.com/in/max-weber",
        )
    )
    partner_index.add_child(instance=partner)
    return publish(partner)


@pytest.fixture
def khmelnytskyi(partner_index, image, dresden):
    """Khmelnytskyi National University, cooperating with Dresden both ways."""
    partner = PartnerPageFactory.build(
        title="Khmelnytskyi National University",
        slug="khmelnytskyi-national-university",
        short_name="KhNU",
        country="UA",
        city="Khmelnytskyi",
        logo=image,
        logo_alt_text="Khmelnytskyi National University logo",
    )
    partner.cooperations.add(PartnerCooperation(cooperating_partner=dresden))
    partner_index.add_child(instance=partner)
    partner = publish(partner)
    dresden.cooperations.add(PartnerCooperation(cooperating_partner=partner))
    publish(dresden)
    return partner


@pytest.fixture
def ukrainian_site(home_page, partner_index, ukrainian):
    """Live Ukrainian home and partner index pages."""
    home_uk = publish(home_page.copy_for_translation(ukrainian))
    index_uk = partner_index.copy_for_translation(ukrainian)
    index_uk.title = "Партнери"
    index_uk.save()
    return home_uk, publish(index_uk)


def translate(page, locale, **fields):
    """A live translation of ``page`` with the given fields changed."""
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save()
    return publish(translation)


@pytest.fixture
def site_content(home_page, partner_index, image):
    content = SiteContent(
        locale=home_page.locale,
        project_name="U_CAN",
        tagline="Ukraine Towards Carbon Neutrality",
        coordinator_organisation="Technische Universität Dresden",
        coordinator_unit="WISSENSARCHITEKTUR – Laboratory of Knowledge Architecture",
        coordinator_address="01062 Dresden\nGermany",
        coordinator_email="u-can@example.org",
        newsletter_title="Subscribe to our newsletter",
        newsletter_text="to be updated about the project results",
        funding_image=image,
        funding_image_alt='Banner of EU Missions "Climate-neutral smart cities"',
        funding_text="Funded by the European Union.",
    )
    content.social_links.add(SiteSocialLink(platform="facebook", url="https://facebook.com/u"))
    content.navigation_items.add(NavigationItem(page=partner_index))
    content.save()
    return content
