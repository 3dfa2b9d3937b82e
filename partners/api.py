"""What a partner page's JSON contains, and how it is loaded without a query per item.

``PARTNER_PAGE_API_FIELDS`` is ``PartnerPage.api_fields``: the fields in the order the API
shows them, each computed field documented here with an example of its JSON. The rest is
loading, registered with ``cms.api.loading`` (which every response runs):

- the logo is joined into the page query with its renditions prefetched;
- the inlines (social links, team, cooperating partners) are read for all the pages of a
  response at once, as plain rows (``load_inlines``): a listing of 20 partners has about 160
  team members, and building a model instance for each cost more than the queries themselves.
  ``inline(page, name)`` returns those rows or, for a page that was not loaded that way (a
  preview of unsaved changes), the same rows made from the page's own relations;
- the cooperating partners' pages are found through ``cms.api.relations`` with the other
  pages a response links to;
- a partner's change reaches the partners that cooperate with it: ``cms.api.affected`` asks
  ``partners_cooperating_with`` which they are.

The inline models are reached through ``PartnerPage``'s relations rather than imported, as the
models module declares its API fields from this one.
"""

import functools
from typing import NamedTuple
from uuid import UUID

from django.utils import translation
from rest_framework.fields import Field
from wagtail.api import APIField

from cms.api import cache_tags
from cms.api.affected import pages_nesting
from cms.api.context import relations_for
from cms.api.images import (
    LOGO_RENDITIONS,
    PHOTO_RENDITIONS,
    image_representation,
    private_image_ids,
    public_image,
    public_images,
    with_image,
)
from cms.api.loading import load_after_fetch, optimise_queryset
from cms.api.paths import page_path
from cms.api.relations import linked_pages

PARTNER_PAGE = "partners.PartnerPage"


# The rows the inlines are read into.


class SocialLinkRow(NamedTuple):
    platform: str
    url: str


class TeamMemberRow(NamedTuple):
    name: str
    position: str
    photo: object  # an image with its renditions prefetched; None if none or private
    email: str
    email_is_public: bool
    bio: str
    profile_url: str
    is_contact_person: bool

    @property
    def public_email(self):
        """The address visitors may see (``TeamMember.public_email``)."""
        return self.email if self.email_is_public else None


class CooperatingPartnerRow(NamedTuple):
    """The cooperating partner's page, by the two values that find its live translations."""

    translation_key: UUID
    locale_id: int
    id: int  # the page the editor chose (a translation of it may be shown instead)


# Where load_inlines leaves each inline on a page; the keys are PartnerPage's relations.
LOADED = {name: f"api_{name}" for name in ("social_links", "team_members", "cooperations")}

TEAM_MEMBER_COLUMNS = [
    "name",
    "position",
    "photo_id",
    "email",
    "email_is_public",
    "bio",
    "profile_url",
    "is_contact_person",
]


def inline(page, name: str) -> list:
    """A partner's social links, team members or cooperating partners, in the editor's order."""
    loaded = getattr(page, LOADED[name], None)
    if loaded is not None:
        return loaded
    return ROWS_FROM_RELATION[name](page)


# The fields. Each reads the whole page (``InstanceField``) and says what its JSON looks like.


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


class LocalisedCountryField(InstanceField):
    """``"country": {"code": "DE", "name": "Germany"}`` — the name in the page's language."""

    def to_representation(self, page):
        country = page.country
        name = localised_label(
            self.context, ("country", country.code), page.locale.language_code, lambda: country.name
        )
        return {"code": country.code, "name": name}


class ChoiceLabelField(InstanceField):
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


class LogoField(InstanceField):
    """The logo with its alt text and renditions (see ``cms.api.images``), or null: no logo
    chosen, or one in a private collection."""

    def to_representation(self, page):
        return image_representation(
            public_image(page, "logo"),
            page.logo_alt_text,
            LOGO_RENDITIONS,
            self.context.get("request"),
        )


class SocialLinksField(InstanceField):
    """``"social_links": [{"platform": "linkedin", "url": "https://…"}]`` in the editor's order."""

    def to_representation(self, page):
        return [
            {"platform": link.platform, "url": link.url} for link in inline(page, "social_links")
        ]


class TeamMembersField(InstanceField):
    """The team in the editor's order, public fields only.

    ``email`` is null unless the editor ticked “show email publicly”; ``photo`` is null when
    none is chosen or it is in a private collection (the rows leave it out)::

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


class CooperatesWithField(InstanceField):
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


PARTNER_PAGE_API_FIELDS = [
    APIField("short_name"),
    APIField("country", serializer=LocalisedCountryField(read_only=True)),
    APIField("city"),
    APIField("organisation_type", serializer=ChoiceLabelField(read_only=True)),
    APIField("consortium_role", serializer=ChoiceLabelField(read_only=True)),
    APIField("website"),
    APIField("social_links", serializer=SocialLinksField(read_only=True)),
    APIField("logo", serializer=LogoField(read_only=True)),
    APIField("brief_description"),
    APIField("role_in_project"),
    APIField("team_members", serializer=TeamMembersField(read_only=True)),
    APIField("cooperates_with", serializer=CooperatesWithField(read_only=True)),
]


# Loading: what the fields above read, for all the pages of a response at once.


@optimise_queryset(PARTNER_PAGE)
def join_logo(queryset):
    return with_image(queryset, "logo")


@load_after_fetch(PARTNER_PAGE)
def load_inlines(pages: list) -> None:
    """Load the inlines of ``pages`` (partner pages) in one query each, in the editor's order."""
    pages_by_id = {page.pk: page for page in pages}
    for page in pages:
        for attribute in LOADED.values():
            setattr(page, attribute, [])
    if not pages_by_id:
        return
    partner_meta = type(pages[0])._meta

    def rows_of(relation, *columns):
        model = partner_meta.get_field(relation).related_model
        return (
            model.objects.filter(partner_id__in=pages_by_id)
            .order_by("sort_order", "pk")
            .values_list("partner_id", *columns)
        )

    for partner_id, *values in rows_of("social_links", "platform", "url"):
        getattr(pages_by_id[partner_id], LOADED["social_links"]).append(SocialLinkRow(*values))

    members = list(rows_of("team_members", *TEAM_MEMBER_COLUMNS))
    photo_ids = {values[3] for values in members if values[3] is not None}
    # Private photos too: moving one to a public collection must show it.
    cache_tags.add_images(photo_ids)
    # Photos in private collections are not loaded: those members show none.
    photos = public_images().filter(pk__in=photo_ids).in_bulk() if photo_ids else {}
    for partner_id, name, position, photo_id, *rest in members:
        row = TeamMemberRow(name, position, photos.get(photo_id), *rest)
        getattr(pages_by_id[partner_id], LOADED["team_members"]).append(row)

    cooperations = rows_of(
        "cooperations",
        "cooperating_partner__translation_key",
        "cooperating_partner__locale_id",
        "cooperating_partner_id",
    )
    for partner_id, *values in cooperations:
        row = CooperatingPartnerRow(*values)
        getattr(pages_by_id[partner_id], LOADED["cooperations"]).append(row)


@linked_pages(PARTNER_PAGE)
def cooperating_partner_keys(page):
    return {cooperation.translation_key for cooperation in inline(page, "cooperations")}


@pages_nesting(PARTNER_PAGE)
def partners_cooperating_with(page):
    """The live partners, in any language, that list ``page`` among their cooperating ones."""
    return (
        type(page)
        .objects.live()
        .filter(cooperations__cooperating_partner__translation_key=page.translation_key)
        .distinct()
    )


def row_of(row_class, instance):
    """A row from a model instance: the rows' fields are the models' attribute names."""
    return row_class._make(getattr(instance, field) for field in row_class._fields)


def team_member_rows(page) -> list:
    """The team from the page's own relation, photos in private collections left out."""
    members = list(page.team_members.all())
    private = private_image_ids(member.photo for member in members)
    return [
        row_of(TeamMemberRow, member)._replace(
            photo=None if member.photo_id in private else member.photo
        )
        for member in members
    ]


ROWS_FROM_RELATION = {
    "social_links": lambda page: [row_of(SocialLinkRow, link) for link in page.social_links.all()],
    "team_members": team_member_rows,
    "cooperations": lambda page: [
        row_of(CooperatingPartnerRow, cooperation.cooperating_partner)
        for cooperation in page.cooperations.all()
        if cooperation.cooperating_partner is not None
    ],
}
