"""Who may do what to pages and site content: the rules every admin path consults.

Wagtail asks two objects before any admin view, listing button or bulk action acts:

- a page's ``permissions_for_user()`` tester (edit, publish, delete, move, copy, reorder,
  privacy, add child) — :class:`RolePagePermissionTester` below, used by every page type
  through ``HeadlessPageMixin``;
- the permission policy registered for a model (``wagtail.permissions``) —
  :class:`LanguageScopedPolicy` for the site content snippet.

So the roles are stated here once, and a view that a future Wagtail release adds asks the same
questions. The rules:

- **Languages come from page permissions.** A group's page permissions are granted on the root
  of each language it works in (``translations/roles.py`` grants the Translators group every
  language except the source language); site content follows the same languages.
- **Translators translate.** A member of the Translators group (and of no other group) edits
  and publishes pages of the languages they were granted, and never changes the structure: no
  new, deleted, moved, copied or reordered pages, no privacy settings.
- **A translation goes live complete.** Nobody publishes a translation with untranslated
  segments (wagtail-localize fills them with the source text), from the editor or from a bulk
  action.
"""

from django.conf import settings
from wagtail.models import Page, PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry
from wagtail_localize.models import Translation

TRANSLATORS = "Translators"


def is_translator(user) -> bool:
    """A translator and nothing more: editors and superusers keep their own rights."""
    if not user.is_authenticated or user.is_superuser:
        return False
    # Asked once per page on listings: the user's groups are read once per request.
    if not hasattr(user, "_group_names"):
        user._group_names = set(user.groups.values_list("name", flat=True))
    return TRANSLATORS in user._group_names and user._group_names <= {TRANSLATORS}


def is_source_language(locale) -> bool:
    return locale is not None and locale.language_code == settings.LANGUAGE_CODE


def languages_of(user) -> set[int] | None:
    """The ids of the locales whose content ``user`` may change; ``None`` for every locale.

    A page permission on Wagtail's root covers every language; one on a language's home page
    covers that language. Users without page permissions are not limited by language: their
    model permissions alone decide.
    """
    if user.is_superuser:
        return None
    page_policy = policy_registry.get_by_type(Page)
    grants = [
        grant
        for grant in page_policy.get_cached_permissions_for_user(user)
        if grant.permission.codename == "change_page"
    ]
    if not grants or any(grant.page.depth == 1 for grant in grants):
        return None
    return {grant.page.locale_id for grant in grants}


def untranslated_segments(page) -> tuple[int, int]:
    """``(missing, total)`` segments of the wagtail-localize translation that ``page`` is;
    ``(0, 0)`` for a source page, an alias or a page translated by hand."""
    if is_source_language(page.locale) or page.alias_of_id:
        return 0, 0
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None:
        return 0, 0
    total, translated = translation.get_progress()
    return total - translated, total


def translation_is_complete(page) -> bool:
    """False while a wagtail-localize translation of ``page`` has untranslated segments."""
    missing, _total = untranslated_segments(page)
    return missing == 0


class RolePagePermissionTester(PagePermissionTester):
    """Wagtail's tester, with the translator's and the complete-translation rules."""

    def __init__(self, user, page):
        super().__init__(user, page)
        self.translates_only = is_translator(user)
        self._translation_complete = None

    # A translator's language follows the source's structure: these stay with editors.
    def can_add_subpage(self):
        return not self.translates_only and super().can_add_subpage()

    def can_delete(self, ignore_bulk=False):
        return not self.translates_only and super().can_delete(ignore_bulk=ignore_bulk)

    def can_move(self):
        return not self.translates_only and super().can_move()

    def can_copy(self):
        return not self.translates_only and super().can_copy()

    def can_reorder_children(self):
        return not self.translates_only and super().can_reorder_children()

    def can_set_view_restrictions(self):
        return not self.translates_only and super().can_set_view_restrictions()

    def can_publish(self):
        if not super().can_publish():
            return False
        if self._translation_complete is None:
            self._translation_complete = translation_is_complete(self.page)
        return self._translation_complete


class LanguageScopedPolicy(ModelPermissionPolicy):
    """Model permissions, limited to the languages whose pages the user may change."""

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(user, action, instance) and self._covers(
            user, instance
        )

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return super().user_has_any_permission_for_instance(
            user, actions, instance
        ) and self._covers(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        instances = super().instances_user_has_any_permission_for(user, actions)
        languages = languages_of(user) if user.is_active else None
        return instances if languages is None else instances.filter(locale_id__in=languages)

    def _covers(self, user, instance):
        languages = languages_of(user)
        return languages is None or getattr(instance, "locale_id", None) in languages
