"""A partner's inlines as the API reads them: plain rows, loaded for a whole response at once.

A listing of 20 partners has about 160 team members. Django's prefetching builds a model
instance for each, links it to its page and sends its init signals, which cost more than the
queries themselves; ``load_inlines`` reads the columns the API shows into named tuples, one
query per inline whatever the number of partners. ``inline(page, name)`` returns those rows
or, for a page that was not loaded that way (a preview of unsaved changes), the same rows made
from the page's own relations.
"""

from typing import NamedTuple
from uuid import UUID

from cms.api import cache_tags
from cms.api.images import private_image_ids, public_images


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


# Where load_inlines leaves each inline on a page.
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


def load_inlines(pages: list) -> None:
    """Load the inlines of ``pages`` (partner pages) in one query each, in the editor's order."""
    # Imported here: the models module imports the serializers, which import this one.
    from .models import PartnerCooperation, PartnerSocialLink, TeamMember

    pages_by_id = {page.pk: page for page in pages}
    for page in pages:
        for attribute in LOADED.values():
            setattr(page, attribute, [])
    if not pages_by_id:
        return

    def rows_of(model, *columns):
        return (
            model.objects.filter(partner_id__in=pages_by_id)
            .order_by("sort_order", "pk")
            .values_list("partner_id", *columns)
        )

    for partner_id, *values in rows_of(PartnerSocialLink, "platform", "url"):
        getattr(pages_by_id[partner_id], LOADED["social_links"]).append(SocialLinkRow(*values))

    members = list(rows_of(TeamMember, *TEAM_MEMBER_COLUMNS))
    photo_ids = {values[3] for values in members if values[3] is not None}
    # Private photos too: moving one to a public collection must show it.
    cache_tags.add_images(photo_ids)
    # Photos in private collections are not loaded: those members show none.
    photos = public_images().filter(pk__in=photo_ids).in_bulk() if photo_ids else {}
    for partner_id, name, position, photo_id, *rest in members:
        row = TeamMemberRow(name, position, photos.get(photo_id), *rest)
        getattr(pages_by_id[partner_id], LOADED["team_members"]).append(row)

    cooperations = rows_of(
        PartnerCooperation,
        "cooperating_partner__translation_key",
        "cooperating_partner__locale_id",
        "cooperating_partner_id",
    )
    for partner_id, *values in cooperations:
        row = CooperatingPartnerRow(*values)
        getattr(pages_by_id[partner_id], LOADED["cooperations"]).append(row)


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
