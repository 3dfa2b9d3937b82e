"""The page tree rules hold in code: where each page type may go, and how many."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.models import Locale, Page

from home.models import HomePage
from partners.models import PartnerIndexPage, PartnerPage
from tests.partners.factories import PartnerIndexPageFactory, PartnerPageFactory

pytestmark = pytest.mark.django_db


def test_partner_pages_live_only_under_the_partner_index(home_page, partner_index):
    assert PartnerPage.can_create_at(partner_index)
    assert not PartnerPage.can_create_at(home_page)
    assert PartnerPage.allowed_parent_page_models() == [PartnerIndexPage]
    assert PartnerPage.allowed_subpage_models() == []


def test_partner_index_lives_only_under_a_home_page(home_page):
    assert PartnerIndexPage.allowed_parent_page_models() == [HomePage]
    assert PartnerIndexPage.allowed_subpage_models() == [PartnerPage]
    assert PartnerIndexPage.can_create_at(home_page)
    assert not PartnerIndexPage.can_create_at(Page.get_first_root_node())


def test_one_partner_index_per_home_page(home_page, partner_index):
    assert not PartnerIndexPage.can_create_at(home_page)


def test_a_second_partner_index_in_the_same_language_is_rejected(home_page, partner_index):
    second = PartnerIndexPage(title="More partners", slug="more-partners", locale=home_page.locale)
    with pytest.raises(ValidationError, match="already has a partner index"):
        second.full_clean()


def test_home_pages_live_under_the_root_one_per_language(home_page):
    root = Page.get_first_root_node()
    assert HomePage.allowed_parent_page_models() == [Page]
    # English has its home page; Ukrainian has none yet, so a new one is still offered.
    assert HomePage.can_create_at(root)
    home_page.copy_for_translation(Locale.objects.get(language_code="uk"))
    assert not HomePage.can_create_at(root)
    assert not HomePage.can_create_at(home_page)


def test_a_second_english_home_page_is_rejected(home_page):
    second = HomePage(title="Another home", slug="another-home", locale=home_page.locale)
    with pytest.raises(ValidationError, match="already has a home page"):
        second.full_clean()


def test_partner_pages_have_no_children(partner_index):
    partner = PartnerPageFactory(parent=partner_index)
    assert not PartnerIndexPage.can_create_at(partner)
    assert not PartnerPage.can_create_at(partner)
    assert PartnerIndexPageFactory._meta.model is PartnerIndexPage
