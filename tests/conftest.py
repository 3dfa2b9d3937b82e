"""Fixtures shared by the whole suite: a minimal English site and users."""

import pytest
from django.core.cache import cache
from wagtail.models import Page, Site

from tests.home.factories import HomePageFactory
from tests.partners.factories import PartnerIndexPageFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached API responses."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def home_page(db):
    """The English home page, made the default site's root (Wagtail's welcome page removed)."""
    root = Page.get_first_root_node()
    for welcome in root.get_children().exact_type(Page):
        welcome.delete()
    home = HomePageFactory(parent=root, slug="home")
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    return home


@pytest.fixture
def partner_index(home_page):
    return PartnerIndexPageFactory(parent=home_page)


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        username="admin", email="admin@example.com", password="password"
    )


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client
