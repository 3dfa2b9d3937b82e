"""Everything a role might change, as one flat dictionary to compare before and after.

Each key says what kind of state it is, so the rules of a role can be written per kind:

- ``("page", language, translation_key, field)``: a page's public state — whether it exists
  and is live, its live revision and title, its place in the tree (path: parent and order),
  alias and privacy — and, separately, its drafts (``draft:`` fields);
- ``("site content", language, translation_key, field)``;
- ``("image", id, field)`` and ``("accounts", what)``.
"""

from django.contrib.auth.models import Group, Permission, User
from wagtail.images import get_image_model
from wagtail.models import (
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    PageViewRestriction,
    Revision,
    Site,
)

from home.models import SiteContent


def fingerprint() -> dict:
    state = {}
    restricted = dict(PageViewRestriction.objects.values_list("page_id", "restriction_type"))
    revisions = _revision_counts()
    for page in Page.objects.select_related("locale").filter(depth__gt=1):
        key = ("page", page.locale.language_code, page.translation_key)
        state[(*key, "exists")] = True
        state[(*key, "live")] = page.live
        state[(*key, "live revision")] = page.live_revision_id
        state[(*key, "title")] = page.title
        state[(*key, "path")] = page.path
        state[(*key, "alias of")] = page.alias_of_id
        state[(*key, "privacy")] = restricted.get(page.pk)
        state[(*key, "draft:latest revision")] = page.latest_revision_id
        state[(*key, "draft:revisions")] = revisions.get(("page", page.pk), 0)
        state[(*key, "draft:locked")] = page.locked
    for content in SiteContent.objects.select_related("locale"):
        key = ("site content", content.locale.language_code, content.translation_key)
        state[(*key, "exists")] = True
        state[(*key, "fields")] = (content.project_name, content.tagline, content.newsletter_title)
        state[(*key, "revisions")] = revisions.get(("site content", content.pk), 0)
    for image in get_image_model().objects.all():
        state[("image", image.pk, "fields")] = (
            image.title,
            image.file.name,
            image.collection_id,
            image.focal_point_x,
        )
    state[("accounts", "users")] = sorted(
        User.objects.values_list("username", "is_superuser", "is_active")
    )
    state[("accounts", "groups")] = sorted(Group.objects.values_list("name", flat=True))
    state[("accounts", "group permissions")] = sorted(
        Permission.objects.filter(group__isnull=False).values_list("group__name", "codename")
    )
    state[("accounts", "page permissions")] = sorted(
        GroupPagePermission.objects.values_list("group_id", "page_id", "permission_id")
    )
    state[("accounts", "collection permissions")] = sorted(
        GroupCollectionPermission.objects.values_list("group_id", "collection_id", "permission_id")
    )
    state[("accounts", "sites")] = sorted(
        Site.objects.values_list("hostname", "port", "root_page_id", "is_default_site")
    )
    return state


def _revision_counts():
    counts = {}
    for content_type_model, object_id in Revision.objects.values_list(
        "base_content_type__model", "object_id"
    ):
        kind = "site content" if content_type_model == "sitecontent" else "page"
        key = (kind, int(object_id))
        counts[key] = counts.get(key, 0) + 1
    return counts


def changes(before: dict, after: dict) -> dict:
    """``{key: (before, after)}`` for every key whose value differs, appeared or went."""
    return {
        key: (before.get(key), after.get(key))
        for key in before.keys() | after.keys()
        if before.get(key) != after.get(key)
    }
