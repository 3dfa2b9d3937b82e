"""The admin's preview without a frontend: a page a person can read, in the page's language.

The reading view is the default preview mode; the JSON mode stays, indented, in UTF-8 and with
the URLs the API gives on the same address. Both are asked as the admin asks them: the page
editor's preview panel, and wagtail-localize's "Preview" of a translation.
"""

import json

import pytest
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils
from wagtail_localize.models import StringTranslation

from partners.models import PartnerCooperation, PartnerPage, PartnerSocialLink, TeamMember
from tests.home.factories import ImageFactory
from tests.partners.admin_forms import partner_form_data, team_member
from tests.partners.factories import PartnerPageFactory
from tests.translations.steps import fill_in, submit_translation

pytestmark = pytest.mark.django_db

DESCRIPTION = (
    '<p>Dresden works with <a href="https://www.dresden.de/climate">the climate office</a>.</p>'
)


@pytest.fixture
def partner_with_everything(bilingual_site, partner_index):
    """Dresden with a logo, a team member with a photo, links and a cooperating partner."""
    khmelnytskyi = PartnerPageFactory(
        parent=partner_index, title="Khmelnytskyi National University", slug="knu"
    )
    khmelnytskyi.save_revision().publish()
    dresden = PartnerPageFactory.build(
        title="City of Dresden",
        slug="city-of-dresden",
        short_name="LHD",
        logo=ImageFactory(title="LHD logo"),
        logo_alt_text="City of Dresden logo",
        website="https://www.dresden.de/",
        brief_description=DESCRIPTION,
        role_in_project="<p>Dresden is a facilitator city.</p>",
    )
    dresden.team_members.add(
        TeamMember(
            name="Regine Kramer",
            position="City Mission facilitator",
            photo=ImageFactory(title="Regine Kramer"),
            is_contact_person=True,
        )
    )
    dresden.social_links.add(
        PartnerSocialLink(platform="linkedin", url="https://www.linkedin.com/company/dresden/")
    )
    dresden.cooperations.add(PartnerCooperation(cooperating_partner=khmelnytskyi))
    partner_index.add_child(instance=dresden)
    dresden.save_revision().publish()
    return PartnerPage.objects.get(pk=dresden.pk)


@pytest.fixture
def ukrainian_translation(translator_client, partner_with_everything, ukrainian):
    """The translator's Ukrainian draft of Dresden, every segment translated."""
    translation = submit_translation(translator_client, partner_with_everything, ukrainian)
    fill_in(partner_with_everything, ukrainian)
    StringTranslation.objects.filter(
        translation_of__data="City of Dresden", locale=ukrainian
    ).update(data="Місто Дрезден")
    return translation


def soup(response):
    return WagtailTestUtils.get_soup(response.content)


def test_the_translator_reads_the_ukrainian_draft_with_its_images_and_links(
    translator_client, client, ukrainian_translation, partner_with_everything
):
    url = reverse("wagtail_localize:preview_translation", args=(ukrainian_translation.pk,))
    response = translator_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    page = soup(response)

    assert page.html["lang"] == "uk"
    assert page.h1.get_text(strip=True) == "Місто Дрезден (UK LHD)"
    # The labels are Ukrainian, whatever the admin's language.
    headings = [h2.get_text(strip=True) for h2 in page.select("h2")]
    assert "Команда" in headings
    assert "Посилання" in headings
    assert "Партнери зі співпраці" in headings

    # Images at the address the translator's browser reached, as the API gives them there —
    # not Wagtail's site record (http://localhost/).
    live = client.get(f"/api/v2/pages/{partner_with_everything.pk}/").json()
    logo = page.select_one("img.logo")
    assert logo["src"] == live["logo"]["url"]
    assert logo["src"].startswith("http://testserver/media/")
    assert logo["alt"] == "UK City of Dresden logo"
    photo = page.select_one(".team img")
    assert photo["src"] == live["team_members"][0]["photo"]["url"]
    assert "UK City Mission facilitator" in page.select_one(".team").get_text()
    assert page.select_one(".team .contact").get_text(strip=True) == "Контактна особа"

    # The rich text link is a link; the website, LinkedIn and the cooperating partner are there.
    link = page.select_one(".brief-description a")
    assert link["href"] == "https://www.dresden.de/climate"
    assert link.get_text() == "the climate office"
    assert page.select_one(".brief-description").get_text().startswith("UK Dresden works with")
    hrefs = [a["href"] for a in page.select(".links a")]
    assert hrefs == ["https://www.dresden.de/", "https://www.linkedin.com/company/dresden/"]
    assert "LinkedIn" in page.select_one(".links").get_text()
    assert "Khmelnytskyi National University" in page.select_one(".partners").get_text()


def test_the_editors_preview_panel_opens_on_the_reading_view(admin_client, partner_with_everything):
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(partner_with_everything.pk,))
    data = partner_form_data(title="Unsaved title", team=[team_member("Max Weber")])
    assert json.loads(admin_client.post(preview_url, data).content)["is_valid"]

    response = admin_client.get(preview_url)  # the panel asks for the default mode
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == "en"
    assert page.h1.get_text(strip=True) == "Unsaved title (LHD)"
    assert "Team" in [h2.get_text(strip=True) for h2 in page.select("h2")]
    assert "Max Weber" in page.select_one(".team").get_text()
    # Its images come from this origin, which the admin's Content-Security-Policy allows.
    policy = dict(
        (directive.split()[0], directive.split()[1:])
        for directive in response["Content-Security-Policy"].split(";")
    )
    assert "'self'" in policy["img-src"]
    assert "'self'" in policy["frame-ancestors"]


def test_a_title_that_names_the_short_name_already_does_not_repeat_it(
    admin_client, partner_with_everything
):
    # The demo's Dresden is titled "City of Dresden - Landeshauptstadt Dresden (LHD)".
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(partner_with_everything.pk,))
    data = partner_form_data(title="City of Dresden (LHD)", team=[team_member("Max Weber")])
    assert json.loads(admin_client.post(preview_url, data).content)["is_valid"]

    assert soup(admin_client.get(preview_url)).h1.get_text(strip=True) == "City of Dresden (LHD)"


def test_the_json_mode_is_indented_utf8_with_the_apis_urls(
    translator_client, client, ukrainian_translation, partner_with_everything
):
    url = reverse("wagtail_localize:preview_translation", args=(ukrainian_translation.pk, "json"))
    response = translator_client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    text = response.content.decode("utf-8")
    assert text.startswith('{\n  "id"')
    assert '"title": "Місто Дрезден"' in text
    assert "\\u04" not in text  # no escaped Cyrillic
    draft = json.loads(text)
    live = client.get(f"/api/v2/pages/{partner_with_everything.pk}/").json()
    assert draft["logo"]["url"] == live["logo"]["url"]
    photo, live_photo = draft["team_members"][0]["photo"], live["team_members"][0]["photo"]
    assert photo["url"] == live_photo["url"]
    assert photo["renditions"] == live_photo["renditions"]
    assert "//localhost/media/" not in text  # Wagtail's site record, unreachable from outside
    assert draft["meta"]["detail_url"] == live["meta"]["detail_url"].replace(
        str(partner_with_everything.pk), str(draft["id"])
    )


def test_the_english_json_preview_has_exactly_the_apis_urls(admin_client, partner_with_everything):
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(partner_with_everything.pk,))
    data = partner_form_data(
        title="City of Dresden",
        short_name="LHD",
        logo=str(partner_with_everything.logo.pk),
        logo_alt_text="City of Dresden logo",
    )
    assert json.loads(admin_client.post(preview_url, data).content)["is_valid"]
    draft = admin_client.get(preview_url, {"mode": "json"}).json()
    live = admin_client.get(f"/api/v2/pages/{partner_with_everything.pk}/").json()
    assert draft["meta"]["detail_url"] == live["meta"]["detail_url"]
    assert draft["logo"] == live["logo"]


def test_the_home_page_has_a_reading_view_too(rf, bilingual_site):
    home_uk, _index_uk = bilingual_site
    home_uk.introduction = "<p>Проєкт U_CAN.</p>"
    response = home_uk.make_preview_request(rf.get("/admin/"), "reading")
    page = soup(response)
    assert page.html["lang"] == "uk"
    assert page.select_one(".introduction").get_text() == "Проєкт U_CAN."
