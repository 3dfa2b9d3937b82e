"""A translator's whole path through the admin, and the offline PO round trip."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation

from partners.models import PartnerPage
from tests.translations.steps import submit_translation

pytestmark = pytest.mark.django_db

FACILITATOR = "City Mission facilitator, coordinator of city engagement in EU projects"
UKRAINIAN = {
    "City of Dresden - Landeshauptstadt Dresden (LHD)": "Місто Дрезден",
    "city-of-dresden": "city-of-dresden",
    "LHD": "LHD",
    "City of Dresden logo": "Логотип міста Дрезден",
    "Dresden": "Дрезден",
    "Dresden is a city of knowledge and skills.": "Дрезден — місто знань і вмінь.",
    "Dresden acts as a facilitator city.": "Дрезден діє як місто-фасилітатор.",
    "Regine Kramer": "Регіне Крамер",
    FACILITATOR: "фасилітаторка Місії ЄС для міст",
    "Max Weber": "Макс Вебер",
    "Climate officer": "кліматичний уповноважений",
}


def submit(client, page, locale):
    return submit_translation(client, page, locale), page.get_translation(locale)


def test_translator_translates_fills_publishes_and_reads_back(
    translator_client,
    client,
    bilingual_site,
    dresden,
    ukrainian,
    django_capture_on_commit_callbacks,
):
    translation, draft = submit(translator_client, dresden, ukrainian)
    assert not draft.live

    editor = translator_client.get(reverse("wagtailadmin_pages:edit", args=(draft.pk,)))
    assert editor.status_code == 200
    # The source text is shown beside each segment.
    assert FACILITATOR in editor.content.decode()

    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        url = reverse("wagtail_localize:edit_string_translation", args=(translation.pk, segment.pk))
        response = translator_client.put(
            url,
            f"value={UKRAINIAN[segment.string.data]}",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), segment.string.data

    with django_capture_on_commit_callbacks(execute=True):
        translator_client.post(
            reverse("wagtailadmin_pages:edit", args=(draft.pk,)), {"action": "publish"}
        )
    published = PartnerPage.objects.get(pk=draft.pk)
    assert published.live

    body = client.get(f"/api/v2/pages/{published.pk}/").json()
    assert body["title"] == "Місто Дрезден"
    assert body["meta"]["locale"] == "uk"
    assert body["meta"]["path"] == "/uk/partners/city-of-dresden/"
    assert body["team_members"][0]["name"] == "Регіне Крамер"
    assert body["team_members"][0]["position"] == "фасилітаторка Місії ЄС для міст"
    english = client.get(f"/api/v2/pages/{dresden.pk}/").json()
    assert english["meta"]["translations"][0]["id"] == published.pk


def test_po_file_round_trip(translator_client, bilingual_site, dresden, ukrainian):
    translation, _draft = submit(translator_client, dresden, ukrainian)
    download = translator_client.get(
        reverse("wagtail_localize:download_pofile", args=(translation.pk,))
    )
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    assert FACILITATOR in [entry.msgid for entry in po]
    for entry in po:
        entry.msgstr = UKRAINIAN.get(entry.msgid, "")

    upload = SimpleUploadedFile("uk.po", str(po).encode(), content_type="text/x-gettext")
    response = translator_client.post(
        reverse("wagtail_localize:upload_pofile", args=(translation.pk,)), {"file": upload}
    )
    assert response.status_code == 302
    translated = dict(
        StringTranslation.objects.filter(locale=ukrainian).values_list(
            "translation_of__data", "data"
        )
    )
    assert translated[FACILITATOR] == "фасилітаторка Місії ЄС для міст"
    assert translated[dresden.title] == "Місто Дрезден"


def test_machine_translation_fills_the_segments(
    translator_client, bilingual_site, dresden, ukrainian
):
    translation, _draft = submit(translator_client, dresden, ukrainian)
    response = translator_client.post(
        reverse("wagtail_localize:machine_translate", args=(translation.pk,))
    )
    assert response.status_code == 302
    # The test translator reverses the words; DeepL does this for real when configured.
    translated = dict(
        StringTranslation.objects.filter(locale=ukrainian).values_list(
            "translation_of__data", "data"
        )
    )
    assert translated["Climate officer"] == "officer Climate"


def test_a_translation_with_untranslated_segments_cannot_be_published(
    translator_client,
    client,
    bilingual_site,
    dresden,
    ukrainian,
    django_capture_on_commit_callbacks,
):
    translation, draft = submit(translator_client, dresden, ukrainian)
    segment = StringSegment.objects.filter(source=translation.source).first()
    StringTranslation.objects.create(
        translation_of=segment.string,
        locale=ukrainian,
        context=segment.context,
        data=UKRAINIAN[segment.string.data],
        translation_type="manual",
    )
    with django_capture_on_commit_callbacks(execute=True):
        translator_client.post(
            reverse("wagtailadmin_pages:edit", args=(draft.pk,)), {"action": "publish"}
        )
    assert not PartnerPage.objects.get(pk=draft.pk).live
    assert client.get(f"/api/v2/pages/{draft.pk}/").status_code == 404


def test_snippet_translation_is_submitted_by_a_translator(
    translator_client, bilingual_site, ukrainian
):
    from home.models import SiteContent
    from tests.home.factories import SiteContentFactory

    english = SiteContentFactory()
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=("home", "sitecontent", english.pk)
    )
    response = translator_client.post(url, {"locales": [ukrainian.pk]})
    assert response.status_code == 302
    assert SiteContent.objects.filter(locale=ukrainian).exists()
