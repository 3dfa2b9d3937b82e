"""Factories for the partners app: the partner index, partner pages and their inlines."""

import factory
import wagtail_factories

from partners.models import (
    PartnerCooperation,
    PartnerIndexPage,
    PartnerPage,
    PartnerSocialLink,
    TeamMember,
)


class PartnerIndexPageFactory(wagtail_factories.PageFactory):
    title = "Partners"
    slug = "partners"

    class Meta:
        model = PartnerIndexPage


class PartnerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Partner organisation {n}")
    slug = factory.Sequence(lambda n: f"partner-{n}")
    country = "DE"
    city = "Dresden"
    organisation_type = "university"
    consortium_role = "partner"

    class Meta:
        model = PartnerPage


class TeamMemberFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Team member {n}")
    position = "Researcher"

    class Meta:
        model = TeamMember


class PartnerSocialLinkFactory(factory.django.DjangoModelFactory):
    platform = "linkedin"
    url = factory.Sequence(lambda n: f"https://www.linkedin.com/company/partner-{n}/")

    class Meta:
        model = PartnerSocialLink


class PartnerCooperationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerCooperation
