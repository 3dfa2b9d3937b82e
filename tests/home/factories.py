import factory
import wagtail_factories
from wagtail.models import Locale

from home.models import HomePage, SiteContent


class HomePageFactory(wagtail_factories.PageFactory):
    title = "U_CAN"
    slug = factory.Sequence(lambda n: f"home-{n}")

    class Meta:
        model = HomePage


class SiteContentFactory(factory.django.DjangoModelFactory):
    project_name = "U_CAN"
    tagline = "Ukraine Towards Carbon Neutrality"
    coordinator_organisation = "Technische Universität Dresden"
    coordinator_unit = "WISSENSARCHITEKTUR – Laboratory of Knowledge Architecture"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = SiteContent
