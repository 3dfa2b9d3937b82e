"""POST data for the admin's forms, as the browser would send it, and form introspection."""

from django.db import models
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text


def team_member(name, position="Researcher", **fields):
    """One row of the Team tab; pass ``id`` (and ``ORDER``) for a member already saved."""
    return {
        "name": name,
        "position": position,
        "photo": "",
        "email": "",
        "bio": "",
        "profile_url": "",
        **fields,
    }


def partner_form_data(team=(), social_links=(), cooperations=(), saved_team=0, **fields):
    """The partner page form filled in for the City of Dresden; ``fields`` override any value.

    ``saved_team`` says how many of the ``team`` rows are members saved before (the formset's
    initial forms), which the browser sends first.
    """
    data = {
        "title": "City of Dresden - Landeshauptstadt Dresden (LHD)",
        "slug": "city-of-dresden",
        "short_name": "LHD",
        "logo": "",
        "logo_alt_text": "",
        "country": "DE",
        "city": "Dresden",
        "organisation_type": "city",
        "consortium_role": "facilitator_city",
        "website": "https://www.dresden.de/",
        "brief_description": "<p>Dresden is a city of knowledge and skills.</p>",
        "role_in_project": "<p>Dresden acts as a facilitator city.</p>",
        "team_members": inline_formset(list(team), initial=saved_team),
        "social_links": inline_formset(list(social_links)),
        "cooperations": inline_formset(list(cooperations)),
        "seo_title": "",
        "search_description": "",
        **fields,
    }
    for key in ("brief_description", "role_in_project"):
        if not data[key].startswith("{"):  # not converted by rich_text() yet
            data[key] = rich_text(data[key])
    return nested_form_data(data)


# Bookkeeping columns Wagtail and modelcluster fill in themselves; an editor never sees them.
BOOKKEEPING_FIELDS = {"sort_order", "translation_key", "locale", "latest_revision"}


def fields_an_editor_fills_in(model):
    """The model's own concrete, editable fields: not Wagtail's page fields, not the
    parental key to the owning page or snippet."""
    for field in model._meta.get_fields():
        if not isinstance(field, models.Field) or not field.concrete or not field.editable:
            continue
        if field.auto_created or field.primary_key:
            continue
        if field.model is Page or field.name in BOOKKEEPING_FIELDS:
            continue
        if type(field).__name__ == "ParentalKey":
            continue
        yield field
