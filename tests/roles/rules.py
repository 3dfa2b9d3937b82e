"""What each role may change, in the terms of ``fingerprint.py``: docs/translators.md#roles.

- anonymous: nothing;
- Editors (Wagtail's group): drafts of any page, new draft pages, images — never what is
  live: publishing, unpublishing, moving or deleting a live page, privacy, aliases;
- Moderators: content of every kind; not accounts, groups, permissions or sites;
- Translators: pages and site content of the translated languages — new translations, drafts,
  publishing and unpublishing — never their structure (place in the tree, deletion, alias,
  privacy), never the source language, images or accounts.
"""

from django.conf import settings

SOURCE = settings.LANGUAGE_CODE
PUBLIC_PAGE_FIELDS = {"live", "live revision", "title"}


def may_change(role, key, before, after) -> bool:
    kind = key[0]
    if role == "anonymous" or kind == "accounts":
        return False
    if role == "Moderators":
        return True
    if kind == "image":
        return role == "Editors"  # Wagtail's migrations give Editors the image library
    if kind == "site content":
        return role == "Translators" and key[1] != SOURCE and _not_a_deletion(key, before, after)
    if kind == "page":
        if role == "Editors":
            return _editor_may_change_page(key, before, after)
        if role == "Translators":
            return _translator_may_change_page(key, before, after)
    return False


def _page(key, field):
    return (*key[:3], field)


def _was_or_is_live(key, before, after):
    return bool(before.get(_page(key, "live")) or after.get(_page(key, "live")))


def _created(key, before, after):
    return _page(key, "exists") not in before and _page(key, "exists") in after


def _not_a_deletion(key, before, after):
    return _page(key, "exists") not in before or _page(key, "exists") in after


def _editor_may_change_page(key, before, after):
    field = key[3]
    if field.startswith("draft:"):
        return True
    # A page that was never live: creating, editing, moving or deleting it is drafting.
    return not _was_or_is_live(key, before, after)


def _translator_may_change_page(key, before, after):
    language, translation_key, field = key[1], key[2], key[3]
    if language == SOURCE:
        return False
    if _created(key, before, after):
        # A new translation of a page that exists in the source language.
        return ("page", SOURCE, translation_key, "exists") in before
    if not _not_a_deletion(key, before, after):
        return False
    return field.startswith("draft:") or field in PUBLIC_PAGE_FIELDS
