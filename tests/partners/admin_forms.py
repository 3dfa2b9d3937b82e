"""POST data for the partner page's admin form, as the browser would send it."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text


def team_member(name, position="Researcher", **fields):
    return {
        "name": name,
        "position": position,
        "photo": "",
        "email": "",
        "bio": "",
        "profile_url": "",
        **{key: value for key, value in fields.items()},
    }


def partner_form_data(team=(), social_links=(), cooperations=(), **fields):
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
        "brief_description": rich_text("<p>Dresden is a city of knowledge and skills.</p>"),
        "role_in_project": rich_text("<p>Dresden acts as a facilitator city.</p>"),
        "team_members": inline_formset(list(team)),
        "social_links": inline_formset(list(social_links)),
        "cooperations": inline_formset(list(cooperations)),
        "seo_title": "",
        "search_description": "",
        **fields,
    }
    for key in ("brief_description", "role_in_project"):
        if not data[key].startswith("{"):
            data[key] = rich_text(data[key])
    return nested_form_data(data)
