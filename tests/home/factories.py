"""Factories for the home app: home pages, the site-wide content, and images."""

import factory
import wagtail_factories
from wagtail.models import Locale, Page, Site

from home.models import HomePage, SiteContent


class ImageFactory(wagtail_factories.ImageFactory):
    """A small generated PNG in Wagtail's image library."""

    title = factory.Sequence(lambda n: f"Image {n}")


class HomePageFactory(wagtail_factories.PageFactory):
    title = "U_CAN"
    slug = factory.Sequence(lambda n: f"home-{n}")

    class Meta:
        model = HomePage


def english_site():
    """The English home page under Wagtail's root, serving the default site.

    Wagtail's migrations leave a "Welcome" page at /home/ as the default site's root; it is
    removed, as ``load_demo`` does on a real installation.
    """
    root = Page.get_first_root_node()
    for welcome in root.get_children().exact_type(Page):
        welcome.delete()
    home = HomePageFactory(parent=root, slug="home")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    return home


class SiteContentFactory(factory.django.DjangoModelFactory):
    project_name = "U_CAN"
    tagline = "Ukraine Towards Carbon Neutrality"
    coordinator_organisation = "Technische Universität Dresden"
    coordinator_unit = "WISSENSARCHITEKTUR – Laboratory of Knowledge Architecture"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = SiteContent
