"""The partner pages' part of the OpenAPI document (``cms/api/openapi.py``)."""

from cms.api.openapi import (
    BOOLEAN,
    HTML,
    INTEGER,
    STRING,
    URL,
    chosen_image,
    describe,
    nullable,
    obj,
    ref,
)


def page_types() -> dict:
    return {
        "partners.PartnerIndexPage": {"introduction": HTML},
        "partners.PartnerPage": {
            "short_name": STRING,
            "country": ref("Country"),
            "city": STRING,
            "organisation_type": ref("Choice"),
            "consortium_role": ref("Choice"),
            "website": STRING,
            "social_links": {"type": "array", "items": ref("SocialLink")},
            "logo": chosen_image("organisation's logo"),
            "brief_description": HTML,
            "role_in_project": HTML,
            "team_members": {"type": "array", "items": ref("TeamMember")},
            "cooperates_with": {"type": "array", "items": ref("CooperatingPartner")},
        },
    }


def schemas() -> dict:
    return {
        "Country": obj({"code": {"type": "string", "pattern": "^[A-Z]{2}$"}, "name": STRING}),
        "Choice": obj({"code": STRING, "label": STRING}),
        "TeamMember": obj(
            {
                "name": STRING,
                "position": STRING,
                "photo": chosen_image("person's photo"),
                "email": nullable({"type": "string", "format": "email"}),
                "bio": STRING,
                "profile_url": nullable(URL),
                "is_contact_person": BOOLEAN,
            },
            description="Public fields only; `email` is null unless the editor published it.",
        ),
        "CooperatingPartner": obj(
            {
                "id": INTEGER,
                "title": STRING,
                "path": nullable(STRING),
                "logo": chosen_image(
                    "partner's logo as a thumbnail",
                    obj({"url": URL, "width": INTEGER, "height": INTEGER, "alt": STRING}),
                ),
            }
        ),
    }


describe("partners", page_types=page_types, schemas=schemas)
