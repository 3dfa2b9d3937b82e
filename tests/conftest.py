"""Fixtures shared by the whole suite: a minimal English site and its Ukrainian translation, an
image, the Ukrainian locale, the OpenAPI document, a webhook receiver, the people of the
editorial groups and the demo site.

Wagtail's migrations (which the test database runs) provide the root page, a "Welcome" page
with the default site, the Editors and Moderators groups and the default workflow;
``home/0002_content_locales`` adds the Ukrainian locale. pytest-django provides the users
(``admin_user``, ``admin_client``, ``django_user_model``).
"""

import logging

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connection, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.transaction import Atomic
from django.utils import translation
from openapi_spec_validator import validate as validate_openapi
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from home.models import NavigationItem, SiteContent, SiteSocialLink
from partners.models import PartnerCooperation, PartnerSocialLink, TeamMember
from tests.home.factories import english_site
from tests.partners.factories import PartnerIndexPageFactory, PartnerPageFactory
from tests.publishing import localize, publish
from tests.webhooks.receiver import Receiver

PASSWORD = "a-journey-password"  # the people's below; the browser journeys sign in with it


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with no cached API responses."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """A test that leaves Ukrainian active (a request in it, an admin view) does not hand it to
    the tests after it on the same worker."""
    yield
    translation.activate(settings.LANGUAGE_CODE)


def _only_the_tests_transaction_is_open(connection) -> bool:
    return all(getattr(block, "_from_testcase", False) for block in connection.atomic_blocks)


def _run_as_if_committed(connection):
    while connection.run_on_commit and _only_the_tests_transaction_is_open(connection):
        _savepoints, callback, robust = connection.run_on_commit.pop(0)
        try:
            callback()
        except Exception:
            if not robust:
                raise
            logging.getLogger("django.db.backends.base").exception("on_commit callback failed")


@pytest.fixture(autouse=True)
def on_commit_callbacks_run_as_in_production(monkeypatch):
    """Run ``transaction.on_commit`` callbacks where production would: at the commit.

    A test runs inside a transaction that is rolled back at its end, so Django would never run
    them. Here the test's own transaction counts as autocommit: a callback runs when the code's
    outermost atomic block exits without error, or at once outside any, as in production.
    (``django_capture_on_commit_callbacks`` then finds nothing left to run.)
    """
    exit_atomic, on_commit = Atomic.__exit__, BaseDatabaseWrapper.on_commit

    def exit_and_commit(self, exc_type, exc_value, traceback):
        suppressed = exit_atomic(self, exc_type, exc_value, traceback)
        connection = connections[self.using or DEFAULT_DB_ALIAS]
        if exc_type is None and connection.in_atomic_block:
            _run_as_if_committed(connection)
        return suppressed

    def on_commit_as_in_production(self, func, robust=False):
        on_commit(self, func, robust)
        if self.in_atomic_block:
            _run_as_if_committed(self)

    monkeypatch.setattr(Atomic, "__exit__", exit_and_commit)
    monkeypatch.setattr(BaseDatabaseWrapper, "on_commit", on_commit_as_in_production)


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
    """A 640×480 PNG titled "Logo" in the image library's root collection (the API's expected
    JSON files show its renditions)."""
    return get_image_model().objects.create(title="Logo", file=get_test_image_file())


@pytest.fixture
def ukrainian(db):
    return Locale.objects.get(language_code="uk")


@pytest.fixture
def bilingual_site(home_page, partner_index, ukrainian):
    """The English home and partner index, published, and their Ukrainian translations made
    through wagtail-localize: ``(home_uk, index_uk)``."""
    publish(home_page)
    publish(partner_index)
    return localize(home_page, ukrainian), localize(partner_index, ukrainian)


@pytest.fixture
def dresden(partner_index, image):
    """The City of Dresden page with logo, links, a two-person team and rich text."""
    partner = PartnerPageFactory.build(
        title="City of Dresden - Landeshauptstadt Dresden (LHD)",
        slug="city-of-dresden",
        short_name="LHD",
        country="DE",
        city="Dresden",
        organisation_type="city",
        consortium_role="facilitator_city",
        website="https://www.dresden.de/",
        logo=image,
        logo_alt_text="City of Dresden logo",
        brief_description="<p>Dresden is a city of knowledge and skills.</p>",
        role_in_project="<p>Dresden acts as a facilitator city.</p>",
    )
    partner.social_links.add(
        PartnerSocialLink(platform="linkedin", url="https://www.linkedin.com/company/dresden/")
    )
    partner.social_links.add(
        PartnerSocialLink(platform="facebook", url="https://www.facebook.com/stadt.dresden")
    )
    partner.team_members.add(
        TeamMember(
            name="Regine Kramer",
            position="City Mission facilitator, coordinator of city engagement in EU projects",
            email="private@example.org",
            is_contact_person=True,
        )
    )
    partner.team_members.add(
        TeamMember(
            name="Max Weber",
            position="Climate officer",
            email="max.weber@example.org",
            email_is_public=True,
            photo=image,
            profile_url="https://www.linkedin.com/in/max-weber",
        )
    )
    partner_index.add_child(instance=partner)
    return publish(partner)


@pytest.fixture
def khmelnytskyi(partner_index, image, dresden):
    """Khmelnytskyi National University, cooperating with Dresden both ways."""
    partner = PartnerPageFactory.build(
        title="Khmelnytskyi National University",
        slug="khmelnytskyi-national-university",
        short_name="KhNU",
        country="UA",
        city="Khmelnytskyi",
        logo=image,
        logo_alt_text="Khmelnytskyi National University logo",
    )
    partner.cooperations.add(PartnerCooperation(cooperating_partner=dresden))
    partner_index.add_child(instance=partner)
    partner = publish(partner)
    dresden.cooperations.add(PartnerCooperation(cooperating_partner=partner))
    publish(dresden)
    return partner


@pytest.fixture
def site_content(home_page, partner_index, image):
    content = SiteContent(
        locale=home_page.locale,
        project_name="U_CAN",
        tagline="Ukraine Towards Carbon Neutrality",
        coordinator_organisation="Technische Universität Dresden",
        coordinator_unit="WISSENSARCHITEKTUR – Laboratory of Knowledge Architecture",
        coordinator_address="01062 Dresden\nGermany",
        coordinator_email="u-can@example.org",
        newsletter_title="Subscribe to our newsletter",
        newsletter_text="to be updated about the project results",
        funding_image=image,
        funding_image_alt='Banner of EU Missions "Climate-neutral smart cities"',
        funding_text="Funded by the European Union.",
    )
    content.social_links.add(SiteSocialLink(platform="facebook", url="https://facebook.com/u"))
    content.navigation_items.add(NavigationItem(page=partner_index))
    content.save()
    return content


@pytest.fixture
def openapi(client):
    """The OpenAPI document the API serves, valid by the OpenAPI specification."""
    document = client.get("/api/v2/openapi.json").json()
    validate_openapi(document)
    return document


@pytest.fixture
def receiver():
    """A webhook receiver: an HTTP server on 127.0.0.1 that records what it is sent."""
    running = Receiver()
    yield running
    running.stop()


# --- the people -------------------------------------------------------------------------------


def _group_member(django_user_model, username, group):
    user = django_user_model.objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.org"
    )
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(django_user_model):
    """A member of Wagtail's Editors: writes pages, submits them for moderation."""
    return _group_member(django_user_model, "olena.editor", "Editors")


@pytest.fixture
def moderator(django_user_model):
    """A member of Wagtail's Moderators: approves and publishes."""
    return _group_member(django_user_model, "marta.moderator", "Moderators")


@pytest.fixture
def translator(django_user_model):
    """A member of the project's Translators, with the admin in English (the translation tests
    read the admin's English messages; ``ukrainian_translator`` has it in Ukrainian)."""
    return _group_member(django_user_model, "iryna.translator", "Translators")


@pytest.fixture
def ukrainian_translator(translator):
    """The translator, who has chosen Ukrainian as the admin's language."""
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "uk"
    profile.save()
    return translator


@pytest.fixture
def translator_client(client, translator):
    """The test client, signed in as the translator."""
    client.force_login(translator)
    return client


# --- the background queue and the demo site ---------------------------------------------------


@pytest.fixture
def run_worker(monkeypatch):
    """Work through the background queue the way `manage.py db_worker` does, then return."""
    # The worker drops connections that look stale between tasks; inside a test's transaction
    # (autocommit off) that would close the test's own PostgreSQL connection. Django's test
    # runner keeps close_old_connections away from requests for the same reason.
    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )

    def run():
        call_command(
            "db_worker", "--batch", "--backend", "background", "--no-startup-delay", verbosity=0
        )

    return run


@pytest.fixture(scope="class")
def demo_site(django_db_setup, django_db_blocker):
    """The demo site of ``manage.py load_demo``, built once for the tests of a class.

    As Django's ``TestCase.setUpTestData`` does, the demo is made inside a transaction that
    stays open while the class's tests run, each in a savepoint of its own that is rolled back
    after it; the transaction is rolled back after the class's last test, so no other test sees
    the demo. Ask for it only from a class whose tests all use it (through ``demo``).
    """
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic._from_testcase = True  # the transaction of the tests, as Django's TestCase marks it
        atomic.__enter__()
        try:
            with open("/dev/null", "w") as quiet:
                call_command("load_demo", stdout=quiet)
            _run_as_if_committed(connection)  # production commits here: purges, queued tasks
            yield
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@pytest.fixture
def demo(demo_site, db):
    """The demo site (see ``demo_site``); what a test changes in it is rolled back after it."""
