"""The home page's and the site content's part of the OpenAPI document (``cms/api/openapi.py``)."""

from cms.api.openapi import (
    HTML,
    INTEGER,
    STRING,
    URL,
    chosen_image,
    describe,
    fallback_parameter,
    locale_parameter,
    nullable,
    obj,
    ref,
    responses,
)


def page_types() -> dict:
    return {"home.HomePage": {"introduction": HTML}}


def schemas() -> dict:
    return {
        "SiteContent": obj(
            {
                "locale": STRING,
                "available_locales": {
                    "type": "array",
                    "items": obj({"code": STRING, "name": STRING}),
                },
                "project_name": STRING,
                "tagline": STRING,
                "navigation": {
                    "type": "array",
                    "items": obj({"id": INTEGER, "title": STRING, "path": nullable(STRING)}),
                },
                "coordinator": obj(
                    {
                        "organisation": STRING,
                        "unit": STRING,
                        "address": STRING,
                        "email": nullable(STRING),
                    }
                ),
                "social_links": {"type": "array", "items": ref("SocialLink")},
                "newsletter": obj({"title": STRING, "text": STRING, "signup_url": nullable(URL)}),
                "funding_notice": obj(
                    {"text": STRING, "image": chosen_image("funding emblem (EU emblem)")}
                ),
            }
        ),
    }


def paths() -> dict:
    return {
        "/api/v2/site/": {
            "get": {
                "summary": "The site-wide content of one locale",
                "operationId": "getSiteContent",
                "parameters": [
                    locale_parameter("Language of the content (default en)."),
                    fallback_parameter(),
                ],
                "responses": responses("SiteContent", "The site content.", not_found=True),
            }
        },
    }


describe("home", page_types=page_types, schemas=schemas, paths=paths)
