"""The Ukrainian side of the small partner site (tests/conftest.py) for the API tests."""

import pytest

from tests.publishing import publish, translate


@pytest.fixture
def ukrainian_site(home_page, partner_index, ukrainian):
    """Live Ukrainian home and partner index pages."""
    home_uk = publish(home_page.copy_for_translation(ukrainian))
    index_uk = partner_index.copy_for_translation(ukrainian)
    index_uk.title = "Партнери"
    index_uk.save()
    return home_uk, publish(index_uk)


@pytest.fixture
def dresden_uk(dresden, ukrainian, ukrainian_site):
    return translate(dresden, ukrainian, title="Місто Дрезден")
