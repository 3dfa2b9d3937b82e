"""How a partner page's fields look in the API. Each field documents its JSON."""

import functools

from django.utils import translation
from rest_framework.fields import Field

from cms.api import cache_tags
from cms.api.context import relations_for
from cms.api.images import (
    LOGO_RENDITIONS,
    PHOTO_RENDITIONS,
    image_representation,
    public_image,
)
from cms.api.paths import page_path

from .inlines import inline


class InstanceField(Field):
    """A read-only field computed from the whole page rather than one attribute."""

    def get_attribute(self, instance):
        return instance


def localised_label(context, key, language_code, make_label):
    """A label in ``language_code``, computed once per response (a listing repeats them)."""
    labels = context.setdefault("_localised_labels", {})
    if (key, language_code) not in labels:
        with translation.override(language_code):
            labels[(key, language_code)] = str(make_label())
    return labels[(key, language_code)]


class CountrySerializer(InstanceField):
    """``"country": {"code": "DE", "name": "Germany"}`` — the name in the page's language."""

    def to_representation(self, page):
        country = page.country
        name = localised_label(
            self.context, ("country", country.code), page.locale.language_code, lambda: country.name
        )
        return {"code": country.code, "name": name}


class ChoiceSerializer(InstanceField):
    """``"consortium_role": {"code": "facilitator_city", "label": "Facilitator city"}``."""

    def to_representation(self, page):
        code = getattr(page, self.field_name)
        label = localised_label(
            self.context,
            (self.field_name, code),
            page.locale.language_code,
            lambda: choice_labels(type(page), self.field_name).get(code, code),
        )
        return {"code": code, "label": label}


@functools.cache
def choice_labels(model, field_name: str) -> dict:
    """A model field's choices as ``{code: lazy label}``.

    Django's ``get_FOO_display`` builds this for every call, and hashing the lazy labels on
    the way translates every one of them.
    """
    return dict(model._meta.get_field(field_name).flatchoices)


class LogoSerializer(InstanceField):
    """The logo with its alt text and renditions (see ``cms.api.images``), or null: no logo
    chosen, or one in a private collection."""

    def to_representation(self, page):
        return image_representation(
            public_image(page, "logo"),
            page.logo_alt_text,
            LOGO_RENDITIONS,
            self.context.get("request"),
        )


class SocialLinksSerializer(InstanceField):
    """``"social_links": [{"platform": "linkedin", "url": "https://…"}]`` in the editor's order."""

    def to_representation(self, page):
        return [
            {"platform": link.platform, "url": link.url} for link in inline(page, "social_links")
        ]


class TeamMembersSerializer(InstanceField):
    """The team in the editor's order, public fields only.

    ``email`` is null unless the editor ticked “show email publicly”; ``photo`` is null when
    none is chosen or it is in a private collection (the rows leave it out, see ``inlines``)::

        "team_members": [{"name": "Regine Kramer", "position": "…", "photo": null,
                          "email": null, "bio": "", "profile_url": null,
                          "is_contact_person": true}]
    """

    def to_representation(self, page):
        request = self.context.get("request")
        return [
            {
                "name": member.name,
                "position": member.position,
                "photo": image_representation(member.photo, member.name, PHOTO_RENDITIONS, request),
                "email": member.public_email,
                "bio": member.bio,
                "profile_url": member.profile_url or None,
                "is_contact_person": member.is_contact_person,
            }
            for member in inline(page, "team_members")
        ]


class CooperatesWithSerializer(InstanceField):
    """Partners this one cooperates with, in the page's language where translated.

    Only live, public pages appear, each once (two rows may name the same partner, or two of
    its translations)::

        "cooperates_with": [{"id": 57, "title": "Khmelnytskyi National University",
                             "path": "/en/partners/khmelnytskyi-national-university/",
                             "logo": {"url": "…", "width": 160, "height": 160, "alt": "…"}}]
    """

    def to_representation(self, page):
        request = self.context.get("request")
        relations = relations_for(self, page)
        result = []
        listed = set()
        # A change to any translation of the chosen pages purges these keys.
        cache_tags.add_pages(cooperation.id for cooperation in inline(page, "cooperations"))
        for cooperation in inline(page, "cooperations"):
            partner = relations.localised_page(cooperation, page.locale_id)
            if partner is None or partner.pk in listed:
                continue
            listed.add(partner.pk)
            logo = image_representation(
                public_image(partner, "logo"), partner.logo_alt_text, LOGO_RENDITIONS, request
            )
            result.append(
                {
                    "id": partner.pk,
                    "title": partner.title,
                    "path": page_path(partner, request),
                    "logo": (
                        {"alt": logo["alt"], **logo["renditions"]["thumbnail"]} if logo else None
                    ),
                }
            )
        return result
