"""Every admin URL that Wagtail and the installed apps register, filled in for one object.

The patterns come from Django's URL resolver and the bulk actions from Wagtail's bulk action
registry, so a view that a future release adds is tried without naming it here. Parameters are
filled by their converter and name: integers with the object's id (a second page id with a page
of the other language), app and model names with the object's model, revision and translation
ids with the object's own.
"""

import re
from dataclasses import dataclass

from django.urls import URLResolver, get_resolver, resolve, reverse
from django.urls.exceptions import Resolver404
from wagtail import hooks
from wagtail.admin.api.views import PagesAdminAPIViewSet

ADMIN_PREFIX = "admin/"
# <converter:name> of path() and (?P<name>…) of re_path(), as the resolver prints them.
PARAMETER = re.compile(r"<(?:(?P<converter>\w+):)?(?P<name>\w+)>|\(\?P<(?P<group>\w+)>[^)]*\)")
# Signing out would end the person's session in the middle of the walk.
NOT_WALKED = {"wagtailadmin_logout"}


@dataclass(frozen=True)
class AdminURL:
    route: str
    name: str | None
    parameters: tuple[str, ...]


def admin_url_patterns() -> list[AdminURL]:
    patterns = []
    for route, pattern in _walk(get_resolver()):
        if not route.startswith(ADMIN_PREFIX) or pattern.name in NOT_WALKED:
            continue
        names = tuple(
            match.group("name") or match.group("group") for match in PARAMETER.finditer(route)
        )
        patterns.append(AdminURL(route=route, name=pattern.name, parameters=names))
    return patterns


def _walk(resolver, prefix=""):
    for pattern in resolver.url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern, route)
        else:
            yield route, pattern


def bulk_action_urls(target) -> list[str]:
    """Each registered bulk action that applies to the target's model, for that object."""
    urls = []
    for action_class in hooks.get_hooks("register_bulk_action"):
        for model in action_class.models:
            if isinstance(target, model):
                meta = model._meta
                url = reverse(
                    "wagtail_bulk_action",
                    args=(meta.app_label, meta.model_name, action_class.action_type),
                )
                urls.append(f"{url}?id={target.pk}&next=/admin/")
    return urls


def page_api_actions() -> list[str]:
    """The admin API's page actions (publish, move, delete, convert_alias, …)."""
    return sorted(PagesAdminAPIViewSet.actions)


def fill(admin_url: AdminURL, target, world) -> list[str]:
    """The URLs this pattern gives for ``target``; none when a parameter cannot apply to it."""
    values = _values_for(admin_url, target, world)
    if values is None:
        return []
    urls = []
    for value_set in values:
        path = _substitute(admin_url.route, value_set)
        try:
            resolve(path.split("?")[0])
        except Resolver404:
            continue
        urls.append(path)
    return urls


def _substitute(route, values):
    remaining = iter(values)
    path = PARAMETER.sub(lambda _match: str(next(remaining)), route)
    path = "/" + path.replace("^", "").replace("$", "").replace("\\", "")
    return re.sub(r"\.\*", "anything", path)


def _values_for(admin_url, target, world):
    meta = type(target)._meta
    translation = world.translation_of(target)
    first_int = True
    values = []
    for name in admin_url.parameters:
        if name in ("app_label", "app_name", "content_type_app_name"):
            value = meta.app_label
        elif name in ("model_name", "content_type_model_name"):
            value = meta.model_name
        elif name == "action_name" and "pages/" in admin_url.route and "api" in admin_url.route:
            return [_replace(values, action) for action in page_api_actions()]
        elif name in ("action", "action_name"):
            return None  # bulk actions: walked from their registry instead
        elif name == "revision_id":
            value = getattr(target, "latest_revision_id", None)
        elif name == "revision_id_a":
            value = "earliest"
        elif name == "revision_id_b":
            value = "latest"
        elif name == "translation_id":
            value = translation.pk if translation else None
        elif name == "translation_source_id":
            value = translation.source_id if translation else None
        elif name in ("mode",):
            value = "json"
        elif name == "filter_spec":
            value = "original"
        elif name in ("token", "uidb64"):
            value = "invalid"
        elif first_int:
            value = target.pk
            first_int = False
        else:
            value = world.other_language_index(target).pk
        if value is None:
            return None
        values.append(value)
    return [values]


def _replace(values, last):
    return [*values, last]
