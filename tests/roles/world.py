"""A small bilingual site with one person per role, for the permission matrix."""

from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.test import TestCase
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation

from home.models import SiteContent
from tests.home.factories import ImageFactory, SiteContentFactory, english_site
from tests.partners.factories import PartnerIndexPageFactory, PartnerPageFactory
from tests.publishing import localize
from tests.translations.steps import fill_in

ROLES = ["anonymous", "Editors", "Moderators", "Translators"]


@dataclass
class World:
    english_page: Page
    ukrainian_page: Page
    english_index: Page
    ukrainian_index: Page
    english_site_content: SiteContent
    ukrainian_site_content: SiteContent
    image: object

    def targets(self):
        """The objects each admin URL is tried against, by name."""
        return {
            "english page": self.english_page,
            "ukrainian page": self.ukrainian_page,
            "english site content": self.english_site_content,
            "ukrainian site content": self.ukrainian_site_content,
            "image": self.image,
        }

    def other_language_index(self, target):
        """A destination for views that take a second page: the index of the other language."""
        if getattr(target, "locale_id", None) == self.ukrainian_index.locale_id:
            return self.english_index
        return self.ukrainian_index

    def translation_of(self, target):
        """The wagtail-localize translation that the target is, or that translates it."""
        key = getattr(target, "translation_key", None)
        return (
            Translation.objects.filter(source__object_id=key).select_related("source").first()
            if key
            else None
        )


def build_world() -> World:
    ukrainian = Locale.objects.get(language_code="uk")
    home = english_site()
    index = PartnerIndexPageFactory(parent=home)
    for page in (home, index):
        page.save_revision().publish()
    partners = [
        PartnerPageFactory(parent=index, title=title, slug=slug)
        for title, slug in (("City of Dresden", "city-of-dresden"), ("City of Lviv", "lviv"))
    ]
    for partner in partners:
        partner.save_revision().publish()
    # Another editor's change waiting for moderation: publishing it would skip the review.
    pending = partners[1]
    pending.title = "City of Lviv (pending change)"
    pending.save_revision()

    localize(home, ukrainian)
    ukrainian_index = localize(index, ukrainian)
    english_page = partners[0]
    draft = localize(english_page, ukrainian, publish=False)
    fill_in(english_page, ukrainian)
    with TestCase.captureOnCommitCallbacks(execute=True):
        Translation.objects.get(
            source__object_id=english_page.translation_key, target_locale=ukrainian
        ).save_target(publish=True)
    ukrainian_page = Page.objects.get(pk=draft.pk).specific

    # The English page too has a change waiting for moderation, so that publishing it, from
    # any path, shows in its live revision.
    english_page.title = "City of Dresden (pending change)"
    english_page.save_revision()

    english_content = SiteContentFactory()
    ukrainian_content = localize(english_content, ukrainian)
    return World(
        english_page=english_page,
        ukrainian_page=ukrainian_page,
        english_index=index,
        ukrainian_index=ukrainian_index,
        english_site_content=english_content,
        ukrainian_site_content=ukrainian_content,
        image=ImageFactory(title="Logo"),
    )


def log_in(client, django_user_model, role):
    if role == "anonymous":
        return client
    user = django_user_model.objects.create_user(username=role.lower(), password="password")
    user.groups.add(Group.objects.get(name=role))
    client.force_login(user)
    return client
