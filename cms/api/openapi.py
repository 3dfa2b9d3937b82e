"""The OpenAPI 3.1 document of the public API, served at /api/v2/openapi.json.

Written by hand rather than generated: Wagtail's viewsets build their serializers per request,
so a generator would see none of the page types' real fields. The tests hold live responses to
these schemas (tests/api/test_contract.py) and CI runs schemathesis against them.

This module describes what the API package serves for any page type (pages, find/, previews,
images, documents, redirects, sitemap). Each content app adds its own part with ``describe``
from its ``AppConfig.ready()``: ``partners/openapi.py`` and ``home/openapi.py`` their page types'
fields, schemas and ``/api/v2/site/``, ``newsletter/openapi.py`` the newsletter's endpoints.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt

from .validation import MAX_INTEGER, MAX_VALUE_LENGTH


def nullable(schema: dict) -> dict:
    return {"anyOf": [schema, {"type": "null"}]}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def chosen_image(what: str, schema: dict | None = None) -> dict:
    """An image field: null when none is chosen, and when the chosen one is private."""
    return {
        **nullable(schema or ref("Image")),
        "description": f"The {what}; null when none is chosen or the chosen image is in a "
        "private collection (one under a view restriction), whose media never leaves the API.",
    }


def obj(properties: dict, required: list[str] | None = None, **extra) -> dict:
    return {
        "type": "object",
        "properties": properties,
        "required": required if required is not None else list(properties),
        "additionalProperties": False,
        **extra,
    }


STRING = {"type": "string"}
URL = {"type": "string", "format": "uri"}
INTEGER = {"type": "integer"}
BOOLEAN = {"type": "boolean"}
DATETIME = {"type": "string", "format": "date-time"}
HTML = {"type": "string", "description": "Display HTML; internal links point to page paths."}


def _locale_codes():
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def locale_code() -> dict:
    return {"type": "string", "enum": _locale_codes()}


def listing(item_schema: str) -> dict:
    """A paginated listing's body: the total and one page of ``item_schema`` items."""
    return obj(
        {
            "meta": obj({"total_count": INTEGER}),
            "items": {"type": "array", "items": ref(item_schema)},
        }
    )


def page_meta(page_type: str | None, detail: bool, draft: bool = False) -> dict:
    properties = {
        "type": {"type": "string", **({"const": page_type} if page_type else {})},
        # A draft of a page never saved has no detail URL yet.
        "detail_url": nullable(URL) if draft else URL,
        "html_url": nullable(URL),
        "slug": STRING,
        "show_in_menus": BOOLEAN,
        "seo_title": STRING,
        "search_description": STRING,
        "first_published_at": nullable(DATETIME),
        "alias_of": nullable(ref("PageReference")),
        "locale": locale_code(),
        "path": nullable(STRING),
        "translations": {"type": "array", "items": ref("Translation")},
        "up_to_date": {
            "type": "boolean",
            "description": "False while this translation lags behind a change to its source.",
        },
    }
    if detail:
        properties["parent"] = nullable(ref("PageReference"))
    # Required: what the response has without a ``fields`` parameter (a detail has every
    # member, a listing item Wagtail's defaults), so generated types need no guard for them.
    if draft:
        required = []
    elif detail:
        required = list(properties)
    else:
        required = LISTING_DEFAULT_META
    return obj(
        properties,
        required=required,
        description="Page metadata. Required: the members present without `fields`.",
    )


# A listing item's members without ``fields`` (Wagtail's listing defaults, and ``path``).
LISTING_DEFAULT_META = ["type", "detail_url", "html_url", "slug", "first_published_at", "path"]


# --- What the content apps add, registered from their own modules ---------------------------


@dataclass(frozen=True)
class Contribution:
    """An app's part of the document. Each is a function, called whenever the document is built
    (so that settings such as the content languages are read then): ``page_types`` gives
    ``{"app.Model": {field: schema}}`` for the fields the page type adds to ``title``,
    ``schemas`` components, ``paths`` operations."""

    page_types: Callable[[], dict] | None = None
    schemas: Callable[[], dict] | None = None
    paths: Callable[[], dict] | None = None


_contributions: dict[str, Contribution] = {}


def describe(app_label: str, **parts: Callable[[], dict]) -> None:
    """Add ``app_label``'s page types, schemas and paths to the document (from its
    ``AppConfig.ready()``; registering again replaces its earlier part)."""
    _contributions[app_label] = Contribution(**parts)


def contributed(part: str, beside: dict | None = None) -> dict:
    """``beside`` (the API package's own ``part``, if any) and every app's ``part``, in the order
    registered. A name given twice is a mistake that would silently replace a schema or an
    operation: it stops the document being built, naming the apps."""
    merged = dict(beside or {})
    given_by = dict.fromkeys(merged, "cms.api")
    for app_label, contribution in _contributions.items():
        make = getattr(contribution, part)
        for name, value in (make() if make is not None else {}).items():
            if name in given_by:
                raise ImproperlyConfigured(
                    f"The OpenAPI {part} entry {name!r} is given by both {given_by[name]} and "
                    f"{app_label}."
                )
            given_by[name] = app_label
            merged[name] = value
    return merged


def page_schema(page_type: str | None, fields: dict, detail: bool, draft: bool = False) -> dict:
    properties = {
        "id": nullable(INTEGER) if draft else INTEGER,
        "meta": page_meta(page_type, detail, draft),
        "title": STRING,
        **fields,
    }
    if draft:
        required = ["id"]
    elif detail:
        required = list(properties)  # a detail without ``fields`` has every member
    else:
        required = ["id", "meta", "title"]
    return obj(properties, required=required)


def page_type_union(schema_names: list[str], page_types) -> dict:
    """One of the page types, told apart by ``meta.type``.

    OpenAPI's ``discriminator`` names a top-level property, so it cannot point at
    ``meta.type``: each member's ``meta.type`` is a ``const`` instead, which is what
    TypeScript's narrowing (and openapi-typescript's output) reads.
    """
    return {
        "oneOf": [ref(name) for name in schema_names],
        "description": "Tell the page types apart by `meta.type`: "
        + ", ".join(
            f"`{page_type}` → {name}"
            for name, page_type in zip(schema_names, page_types, strict=True)
        ),
    }


# An image or document as listed; an image's detail has every member.
MEDIA_PROPERTIES = {
    "id": INTEGER,
    "meta": ref("MediaMeta"),
    "title": STRING,
    "width": INTEGER,
    "height": INTEGER,
}


def schemas() -> dict:
    page_types = contributed("page_types")
    all_page_fields = {}
    for fields in page_types.values():
        all_page_fields.update(fields)
    detail_names = [f"{name.split('.')[1]}Detail" for name in page_types]
    own = {
        "Error": obj(
            {"message": STRING, "parameter": STRING},
            required=["message"],
            description="Every 4xx answer: what was wrong and, for a 400, which parameter.",
        ),
        "PageReference": obj(
            {
                "id": INTEGER,
                "meta": obj({"type": STRING, "detail_url": URL, "html_url": nullable(URL)}),
                "title": STRING,
            }
        ),
        "Translation": obj(
            {"locale": STRING, "id": INTEGER, "path": nullable(STRING), "up_to_date": BOOLEAN},
            description="A live translation of the page, for language switchers and hreflang.",
        ),
        "Rendition": obj({"url": URL, "width": INTEGER, "height": INTEGER}),
        "Image": obj(
            {
                "url": URL,
                "width": INTEGER,
                "height": INTEGER,
                "alt": STRING,
                "renditions": {"type": "object", "additionalProperties": ref("Rendition")},
            },
            description="An image ready to use; renditions are WebP and chosen by the server.",
        ),
        "SocialLink": obj({"platform": STRING, "url": URL}),
        "PageListingItem": page_schema(None, all_page_fields, detail=False),
        **{
            name: page_schema(page_type, page_types[page_type], detail=True)
            for name, page_type in zip(detail_names, page_types, strict=True)
        },
        "PageDetail": page_type_union(detail_names, page_types),
        # A draft has the detail's shape; a page never saved has no id yet.
        **{
            name.replace("Detail", "Preview"): page_schema(
                page_type, page_types[page_type], detail=True, draft=True
            )
            for name, page_type in zip(detail_names, page_types, strict=True)
        },
        "PagePreview": {"anyOf": [ref(name.replace("Detail", "Preview")) for name in detail_names]},
        "PageListing": listing("PageListingItem"),
        "RedirectTarget": obj(
            {
                "html_path": nullable(STRING),
                "api_url": nullable(URL),
                "url": nullable(URL),
            },
            description="A page on the site (`html_path`, `api_url`) or an address off it (`url`).",
        ),
        "FindRedirect": obj(
            {"message": STRING, "redirect_to": ref("RedirectTarget"), "permanent": BOOLEAN},
            description="find/'s answer for an old path.",
        ),
        "Redirect": obj(
            {
                "id": INTEGER,
                "old_path": STRING,
                "site": nullable(STRING),
                "permanent": BOOLEAN,
                "locale": nullable(STRING),
                "redirect_to": ref("RedirectTarget"),
            }
        ),
        "RedirectListing": listing("Redirect"),
        "SitemapEntry": obj(
            {
                "id": INTEGER,
                "type": STRING,
                "locale": locale_code(),
                "html_path": STRING,
                "last_published_at": nullable(DATETIME),
                "translations": {
                    "type": "array",
                    "items": obj(
                        {
                            "locale": locale_code(),
                            "html_path": STRING,
                        }
                    ),
                },
            }
        ),
        "Sitemap": listing("SitemapEntry"),
        "MediaMeta": obj(
            {
                "type": STRING,
                "detail_url": URL,
                "tags": {"type": "array", "items": STRING},
                "download_url": {
                    **URL,
                    "description": "The original file (absolute, like image URLs in pages).",
                },
            }
        ),
        "MediaItem": obj(
            MEDIA_PROPERTIES,
            required=["id", "meta", "title"],
            description="An image or document; images have `width` and `height`.",
        ),
        "ImageDetail": obj(MEDIA_PROPERTIES),
        "MediaListing": listing("MediaItem"),
    }
    return contributed("schemas", beside=own)


def query(name, schema, description, required=False, examples=()):
    parameter = {
        "name": name,
        "in": "query",
        "required": required,
        "schema": schema,
        "description": description,
    }
    if examples:
        # Shown by /docs/, and the requests schemathesis starts from.
        parameter["examples"] = {str(value): {"value": value} for value in examples}
    return parameter


BOUNDED_STRING = {"type": "string", "maxLength": MAX_VALUE_LENGTH}
PAGE_ID = {"type": "integer", "minimum": 1, "maximum": MAX_INTEGER}


def listing_parameters():
    return [
        query(
            "limit",
            {"type": "integer", "minimum": 0, "maximum": settings.WAGTAILAPI_LIMIT_MAX},
            "Items per page (default 20).",
        ),
        query(
            "offset", {"type": "integer", "minimum": 0, "maximum": MAX_INTEGER}, "Items to skip."
        ),
        query(
            "order",
            BOUNDED_STRING,
            "Field to order by, `-field` descending, or `random`.",
            examples=["title", "-first_published_at"],
        ),
        query("search", BOUNDED_STRING, "Full-text search terms.", examples=["Dresden"]),
        query(
            "search_operator",
            {"type": "string", "enum": ["and", "or"]},
            "How search terms combine.",
        ),
    ]


def fallback_parameter():
    return query(
        "fallback",
        {"type": "string", "enum": ["true", "false", "1", "0"]},
        "With `locale`: where that language has no live translation, return the source "
        "language's page or site content instead, marked with its real `locale`.",
    )


def fields_parameter(kind: str = "pages"):
    """``fields``, with examples that work for ``kind`` (pages, page, media).

    The examples leave every member the response schema requires (schemathesis sends them):
    dropping a member is shown on the page listing, where only id, meta and title are required.
    """
    description = (
        "Fields to include: `*` for all, `_` for none but `id`, `-name` to drop one. "
        "The response schemas describe the answer without `fields`."
    )
    examples = {
        "pages": ["*", "title,path", "*,-team_members"],
        "page": ["*", "title,path"],
        "media": ["*", "title"],
    }[kind]
    if kind == "pages":
        description += " E.g. `*,-team_members`."
    return query("fields", BOUNDED_STRING, description, examples=examples)


def locale_parameter(description):
    return query("locale", locale_code(), description)


REQUEST_TOO_LONG = {
    "description": "The request line is longer than the server accepts (gunicorn: 4 KiB)."
}


def responses(success_schema: str, description: str, not_found=False):
    result = {
        "200": {
            "description": description,
            "headers": {
                "ETag": {"schema": STRING, "description": "Send back as If-None-Match."},
                "Cache-Control": {"schema": STRING},
            },
            "content": {"application/json": {"schema": ref(success_schema)}},
        },
        "304": {"description": "Not modified since the ETag given in If-None-Match."},
        "400": {
            "description": "A parameter is invalid; the message names it.",
            "content": {"application/json": {"schema": ref("Error")}},
        },
        "414": REQUEST_TOO_LONG,
    }
    if not_found:
        result["404"] = {
            "description": "No live, public item answers the request.",
            "content": {"application/json": {"schema": ref("Error")}},
        }
    return result


def paths():
    page_filters = [
        query(
            "type",
            {"type": "string", "pattern": r"^[a-z_]+\.[A-Za-z]+$", "maxLength": 100},
            "Page type, e.g. `partners.PartnerPage`; enables filtering on its fields.",
            examples=["partners.PartnerPage", "home.HomePage"],
        ),
        fields_parameter(),
        locale_parameter("Only pages in this language."),
        fallback_parameter(),
        query("child_of", PAGE_ID, "Only children of this page."),
        query("descendant_of", PAGE_ID, "Only descendants of this page."),
        query("translation_of", PAGE_ID, "Only translations of this page."),
        *listing_parameters(),
    ]
    media_parameters = [fields_parameter("media"), *listing_parameters()]
    detail_id = {
        "name": "id",
        "in": "path",
        "required": True,
        "schema": PAGE_ID,
    }
    own = {
        "/api/v2/pages/": {
            "get": {
                "summary": "List live, public pages",
                "operationId": "listPages",
                "parameters": page_filters,
                "responses": responses("PageListing", "A page of results."),
            }
        },
        "/api/v2/pages/{id}/": {
            "get": {
                "summary": "One page with all its content",
                "operationId": "getPage",
                "parameters": [detail_id, fields_parameter("page")],
                "responses": responses("PageDetail", "The page.", not_found=True),
            }
        },
        "/api/v2/pages/find/": {
            "get": {
                "summary": "Find a page by its path, e.g. /uk/partners/city-of-dresden/",
                "operationId": "findPage",
                "parameters": [
                    query(
                        "html_path",
                        {"type": "string", "pattern": "^/", "maxLength": 500},
                        "The page's path; a language prefix selects the locale.",
                        required=True,
                        examples=["/uk/partners/city-of-dresden/", "/partners/city-of-dresden/"],
                    ),
                    locale_parameter("The locale when the path has no language prefix."),
                    fallback_parameter(),
                ],
                "responses": {
                    "302": {"description": "Redirect to the page's detail URL."},
                    "301": {
                        "description": "The path is old (a changed slug, a moved page, an "
                        "editor's permanent redirect): `Location` is the new page's detail "
                        "URL and the body says where the page is now. Answer the visitor with "
                        "a 301 to `redirect_to.html_path` (or `url`).",
                        "content": {"application/json": {"schema": ref("FindRedirect")}},
                    },
                    "307": {
                        "description": "As 301, for an editor's temporary redirect: answer "
                        "the visitor with a 302 or 307.",
                        "content": {"application/json": {"schema": ref("FindRedirect")}},
                    },
                    "400": responses("PageDetail", "")["400"],
                    "404": {
                        "description": "No live, public page has this path.",
                        "content": {"application/json": {"schema": ref("Error")}},
                    },
                    "414": REQUEST_TOO_LONG,
                },
            }
        },
        "/api/v2/redirects/": {
            "get": {
                "summary": "Redirects editors made, for frontend middleware",
                "description": (
                    "Old paths whose pages moved or were renamed are answered by `find/` "
                    "(301/302); this lists the redirects editors added under Settings → "
                    "Redirects. Redirects to pages that are not live and public are left out."
                ),
                "operationId": "listRedirects",
                "parameters": listing_parameters()[:2],
                "responses": responses("RedirectListing", "A page of redirects."),
            }
        },
        "/api/v2/sitemap/": {
            "get": {
                "summary": "Every live, public page with its path and its translations' paths",
                "description": (
                    "In one call, unpaginated, for `generateStaticParams`, a static build or "
                    "an XML sitemap with hreflang alternates (the CMS serves one at "
                    "`/sitemap.xml` when FRONTEND_URL is set). Pages in tree order."
                ),
                "operationId": "getSitemap",
                "parameters": [locale_parameter("Only pages in this language.")],
                "responses": responses("Sitemap", "Every live, public page."),
            }
        },
        "/api/v2/page_preview/": {
            "get": {
                "summary": "The unsaved draft an editor is previewing",
                "description": (
                    "The admin's preview opens the frontend's preview URL with `content_type` "
                    "and `token`; pass both on. Tokens expire (PREVIEW_TOKEN_MAX_AGE, one hour "
                    "by default). Never cached."
                ),
                "operationId": "getPagePreview",
                "parameters": [
                    query(
                        "content_type",
                        {"type": "string", "pattern": r"^[a-z_]+\.[a-z]+$", "maxLength": 100},
                        "The page type, as in the preview URL, e.g. `partners.partnerpage`.",
                        required=True,
                    ),
                    query("token", BOUNDED_STRING, "The preview token.", required=True),
                    query("id", PAGE_ID, "Optional: the page the token must belong to."),
                ],
                "responses": {
                    "200": {
                        "description": "The draft, shaped like the page detail.",
                        "headers": {"Cache-Control": {"schema": {"const": "no-store"}}},
                        "content": {"application/json": {"schema": ref("PagePreview")}},
                    },
                    "400": responses("PagePreview", "")["400"],
                    "404": {
                        "description": "No stored draft for this token and page type.",
                        "content": {"application/json": {"schema": ref("Error")}},
                    },
                    "410": {
                        "description": "The token has expired: preview again from the admin.",
                        "content": {"application/json": {"schema": ref("Error")}},
                    },
                    "414": REQUEST_TOO_LONG,
                },
            }
        },
        "/api/v2/images/": {
            "get": {
                "summary": "Images in public collections",
                "operationId": "listImages",
                "parameters": media_parameters,
                "responses": responses("MediaListing", "A page of images."),
            }
        },
        "/api/v2/images/{id}/": {
            "get": {
                "summary": "One image",
                "operationId": "getImage",
                "parameters": [detail_id, fields_parameter("media")],
                "responses": responses("ImageDetail", "The image.", not_found=True),
            }
        },
        "/api/v2/documents/": {
            "get": {
                "summary": "Documents in public collections",
                "operationId": "listDocuments",
                "parameters": media_parameters,
                "responses": responses("MediaListing", "A page of documents."),
            }
        },
        "/api/v2/documents/{id}/": {
            "get": {
                "summary": "One document",
                "operationId": "getDocument",
                "parameters": [detail_id, fields_parameter("media")],
                "responses": responses("MediaItem", "The document.", not_found=True),
            }
        },
    }
    return contributed("paths", beside=own)


def openapi_document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "U_CAN CMS public API",
            "version": "2.0.0",
            "description": (
                "Wagtail API v2 conventions, extended for a headless frontend: partner pages "
                "with nested team, images and cooperating partners; alternates in "
                "`meta.translations`; locale-aware `find/`; site-wide content in one call. "
                "Only live, public content is ever returned."
            ),
        },
        "paths": paths(),
        "components": {"schemas": schemas()},
    }


@csrf_exempt  # read-only: any other method gets the JSON 405 below, not the CSRF page
def openapi_view(request):
    if request.method not in ("GET", "HEAD"):
        response = JsonResponse({"message": f"Method {request.method} not allowed."}, status=405)
        response["Allow"] = "GET, HEAD"
        return response
    return JsonResponse(openapi_document(), json_dumps_params={"indent": 2})
