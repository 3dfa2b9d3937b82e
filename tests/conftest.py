"""Fixtures shared by the whole suite: a minimal English site, an image and users.

Wagtail's migrations (which the test database runs) provide the root page, a "Welcome" page
with the default site, the Editors and Moderators groups and the default workflow;
``home/0002_content_locales`` adds the Ukrainian locale.
"""

import pytest
from django.core.cache import cache

from tests.home.factories import ImageFactory, english_site
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
    return english_site()


@pytest.fixture
def partner_index(home_page):
    """The English partner index, /en/partners/."""
    return PartnerIndexPageFactory(parent=home_page)


@pytest.fixture
def image(db):
    return ImageFactory(title="Logo")


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser(
        username="admin", email="admin@example.com", password="password"
    )


@pytest.fixture
def admin_client(client, superuser):
    client.force_login(superuser)
    return client
