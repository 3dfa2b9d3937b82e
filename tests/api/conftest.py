"""The Ukrainian side of the small partner site (tests/conftest.py) for the API tests."""

import pytest

from tests.publishing import publish, translate


@pytest.fixture
def ukrainian_copies(home_page, partner_index, ukrainian):
    """Live Ukrainian copies of the home and partner index pages, made with Wagtail's
    ``copy_for_translation`` and without wagtail-localize (no translation source or segments;
    the index is titled "Партнери" by hand): ``(home_uk, index_uk)``. The expected API JSON
    files depend on it. For translations made through wagtail-localize, see ``bilingual_site``
    (tests/conftest.py)."""
    home_uk = publish(home_page.copy_for_translation(ukrainian))
    index_uk = partner_index.copy_for_translation(ukrainian)
    index_uk.title = "Партнери"
    index_uk.save()
    return home_uk, publish(index_uk)


@pytest.fixture
def dresden_uk(dresden, ukrainian, ukrainian_copies):
    return translate(dresden, ukrainian, title="Місто Дрезден")
