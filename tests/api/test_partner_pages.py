"""Partner pages in the API carry everything a frontend needs to render them."""

import pytest
from wagtail.images import get_image_model

from tests.publishing import translate

pytestmark = pytest.mark.django_db

LISTING = "/api/v2/pages/?type=partners.PartnerPage&fields=*"


def detail(client, page):
    response = client.get(f"/api/v2/pages/{page.pk}/")
    assert response.status_code == 200
    return response.json()


def listed(client, page):
    items = client.get(LISTING).json()["items"]
    return next(item for item in items if item["id"] == page.pk)


@pytest.mark.parametrize("view", [detail, listed], ids=["detail", "listing"])
def test_every_content_field_is_present(client, dresden, khmelnytskyi, view):
    body = view(client, dresden)
    assert body["title"] == "City of Dresden - Landeshauptstadt Dresden (LHD)"
    assert body["short_name"] == "LHD"
    assert body["country"] == {"code": "DE", "name": "Germany"}
    assert body["city"] == "Dresden"
    assert body["organisation_type"] == {"code": "city", "label": "City or municipality"}
    assert body["consortium_role"] == {"code": "facilitator_city", "label": "Facilitator city"}
    assert body["website"] == "https://www.dresden.de/"
    assert body["social_links"] == [
        {"platform": "linkedin", "url": "https://www.linkedin.com/company/dresden/"},
        {"platform": "facebook", "url": "https://www.facebook.com/stadt.dresden"},
    ]
    assert body["brief_description"] == "<p>Dresden is a city of knowledge and skills.</p>"
    assert body["role_in_project"] == "<p>Dresden acts as a facilitator city.</p>"
    assert body["meta"]["locale"] == "en"
    assert body["meta"]["path"] == "/en/partners/city-of-dresden/"
    assert [p["title"] for p in body["cooperates_with"]] == ["Khmelnytskyi National University"]


def test_logo_is_ready_to_use_with_webp_renditions(client, dresden):
    logo = detail(client, dresden)["logo"]
    assert logo["alt"] == "City of Dresden logo"
    assert logo["url"].startswith("http://testserver/")
    assert logo["width"] > 0 and logo["height"] > 0
    assert set(logo["renditions"]) == {"thumbnail", "card"}
    thumbnail = logo["renditions"]["thumbnail"]
    assert thumbnail["url"].endswith(".webp")
    assert (thumbnail["width"], thumbnail["height"]) == (160, 160)


def test_renditions_are_made_once_and_reused(client, dresden):
    rendition_model = get_image_model().get_rendition_model()
    detail(client, dresden)
    made = rendition_model.objects.count()
    assert made > 0
    client.get(LISTING)
    detail(client, dresden)
    assert rendition_model.objects.count() == made


def test_team_members_in_order_with_public_fields_only(client, dresden):
    team = detail(client, dresden)["team_members"]
    assert [member["name"] for member in team] == ["Regine Kramer", "Max Weber"]
    regine, max_weber = team
    assert set(regine) == {
        "name",
        "position",
        "photo",
        "email",
        "bio",
        "profile_url",
        "is_contact_person",
    }
    assert regine["email"] is None  # not ticked for publication
    assert regine["is_contact_person"] is True
    assert max_weber["email"] == "max.weber@example.org"
    assert max_weber["photo"]["renditions"]["portrait"]["url"].endswith(".webp")
    assert max_weber["profile_url"] == "https://www.linkedin.com/in/max-weber"
    assert "private@example.org" not in str(client.get(LISTING).content)


def test_cooperating_partners_are_nested(client, dresden, khmelnytskyi):
    (partner,) = detail(client, dresden)["cooperates_with"]
    assert partner["id"] == khmelnytskyi.pk
    assert partner["path"] == "/en/partners/khmelnytskyi-national-university/"
    assert partner["logo"]["alt"] == "Khmelnytskyi National University logo"
    assert partner["logo"]["url"].endswith(".webp")


def test_internal_links_in_rich_text_become_page_paths(client, dresden, khmelnytskyi):
    dresden.role_in_project = (
        f'<p>We work with <a linktype="page" id="{khmelnytskyi.pk}">Khmelnytskyi</a>.</p>'
    )
    dresden.save_revision().publish()
    html = detail(client, dresden)["role_in_project"]
    assert 'href="/en/partners/khmelnytskyi-national-university/"' in html
    assert "linktype" not in html


def test_ukrainian_page_names_the_country_in_ukrainian(
    client, dresden, ukrainian, ukrainian_copies
):
    dresden_uk = translate(dresden, ukrainian, title="Місто Дрезден")
    body = detail(client, dresden_uk)
    assert body["meta"]["locale"] == "uk"
    assert body["country"] == {"code": "DE", "name": "Німеччина"}
    assert body["meta"]["path"] == "/uk/partners/city-of-dresden/"


def test_internal_links_stay_paths_when_the_frontend_url_is_set(
    client, dresden, khmelnytskyi, settings
):
    settings.FRONTEND_URL = "https://www.ucan.example"
    dresden.role_in_project = (
        f'<p>We work with <a linktype="page" id="{khmelnytskyi.pk}">Khmelnytskyi</a>.</p>'
    )
    dresden.save_revision().publish()
    body = detail(client, dresden)
    assert 'href="/en/partners/khmelnytskyi-national-university/"' in body["role_in_project"]
    # html_url, in contrast, is the page's absolute address on the frontend.
    assert body["meta"]["html_url"] == "https://www.ucan.example/en/partners/city-of-dresden/"


def test_an_svg_logo_stays_svg_in_every_rendition(client, dresden):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file_svg

    logo = get_image_model().objects.create(
        title="Vector logo", file=get_test_image_file_svg("vector-logo.svg", 800, 400)
    )
    dresden.logo = logo
    dresden.save_revision().publish()

    body = detail(client, dresden)["logo"]
    assert body["url"].endswith(".svg")
    assert set(body["renditions"]) == {"thumbnail", "card"}
    assert all(r["url"].endswith(".svg") for r in body["renditions"].values())
