"""The page tree rules hold in code: where each page type may go, and how many of it."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

from home.models import HomePage
from partners.models import PartnerIndexPage, PartnerPage
from tests.home.factories import english_site
from tests.partners.admin_forms import partner_form_data
from tests.partners.factories import PartnerIndexPageFactory, PartnerPageFactory


class PageTreeTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.root = Page.get_first_root_node()
        cls.ukrainian = Locale.objects.get(language_code="uk")
        cls.home = english_site()
        cls.index = PartnerIndexPageFactory(parent=cls.home)
        cls.partner = PartnerPageFactory(parent=cls.index)

    def setUp(self):
        # force_login: a password sign-in goes through django-axes, which needs a request.
        self.client.force_login(self.create_superuser("admin"))

    def translate(self, page):
        translation = page.copy_for_translation(self.ukrainian)
        return type(page).objects.get(pk=translation.pk)

    # --- Where each page type goes -------------------------------------------------------

    def test_partner_pages_go_only_under_the_partner_index(self):
        self.assertAllowedParentPageTypes(PartnerPage, {PartnerIndexPage})
        self.assertAllowedSubpageTypes(PartnerPage, set())
        self.assertCanCreateAt(PartnerIndexPage, PartnerPage)
        self.assertCanNotCreateAt(HomePage, PartnerPage)
        self.assertCanNotCreateAt(Page, PartnerPage)
        self.assertCanNotCreateAt(PartnerPage, PartnerPage)
        self.assertTrue(PartnerPage.can_create_at(self.index))
        self.assertFalse(PartnerPage.can_create_at(self.home))
        self.assertFalse(PartnerPage.can_create_at(self.partner))

    def test_a_partner_page_can_be_added_under_the_index_in_the_admin(self):
        self.assertCanCreate(self.index, PartnerPage, partner_form_data())

    def test_partner_index_goes_only_under_a_home_page(self):
        self.assertAllowedParentPageTypes(PartnerIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(PartnerIndexPage, {PartnerPage})
        self.assertCanNotCreateAt(Page, PartnerIndexPage)
        self.assertCanNotCreateAt(PartnerIndexPage, PartnerIndexPage)
        self.assertFalse(PartnerIndexPage.can_create_at(self.root))
        self.assertFalse(PartnerIndexPage.can_create_at(self.partner))

    def test_home_pages_go_only_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {PartnerIndexPage})
        self.assertCanCreateAt(Page, HomePage)
        self.assertFalse(HomePage.can_create_at(self.home))
        self.assertFalse(HomePage.can_create_at(self.index))

    # --- How many ------------------------------------------------------------------------

    def test_one_partner_index_per_home_page(self):
        self.assertFalse(PartnerIndexPage.can_create_at(self.home))
        # The Ukrainian home page has none yet, so there it is offered.
        home_uk = self.translate(self.home)
        self.assertTrue(PartnerIndexPage.can_create_at(home_uk))

    def test_the_admin_does_not_offer_a_second_partner_index(self):
        url = reverse("wagtailadmin_pages:add", args=("partners", "partnerindexpage", self.home.pk))
        response = self.client.get(url)
        # Permission denied: back to the dashboard, nothing created.
        self.assertRedirects(response, reverse("wagtailadmin_home"), fetch_redirect_response=False)
        self.assertEqual(PartnerIndexPage.objects.count(), 1)

    def test_a_second_partner_index_in_the_same_language_is_rejected(self):
        second = PartnerIndexPage(title="More partners", slug="more", locale=self.home.locale)
        with self.assertRaisesMessage(ValidationError, "already has a partner index"):
            second.clean()
        # Saving the existing one again is no clash with itself.
        self.index.clean()

    def test_a_partner_index_in_another_language_is_accepted(self):
        ukrainian_index = PartnerIndexPage(title="Партнери", slug="partnery", locale=self.ukrainian)
        ukrainian_index.clean()

    def test_home_page_one_per_language(self):
        # English has its home page; Ukrainian has none yet, so a new one is still offered.
        self.assertTrue(HomePage.can_create_at(self.root))
        self.translate(self.home)
        self.assertFalse(HomePage.can_create_at(self.root))

    def test_a_second_english_home_page_is_rejected(self):
        second = HomePage(title="Another home", slug="another-home", locale=self.home.locale)
        with self.assertRaisesMessage(ValidationError, "already has a home page"):
            second.clean()
        self.home.clean()
        HomePage(title="Головна", slug="holovna", locale=self.ukrainian).clean()

    def test_the_admin_rejects_a_second_english_home_page(self):
        url = reverse("wagtailadmin_pages:add", args=("home", "homepage", self.root.pk))
        data = nested_form_data(
            {"title": "Another home", "slug": "another-home", "introduction": rich_text("")}
        )
        response = self.client.post(url, {**data, "action-publish": "publish"})
        self.assertEqual(response.status_code, 200)
        self.assertIn("already has a home page", str(response.context["form"].errors))
        self.assertEqual(HomePage.objects.count(), 1)
