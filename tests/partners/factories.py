"""Factories for the partners app: the partner index and partner pages."""

import factory
import wagtail_factories

from partners.models import PartnerIndexPage, PartnerPage


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
