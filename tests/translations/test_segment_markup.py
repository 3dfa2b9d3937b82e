"""A translation that loses a link or markup of its source segment is flagged, not published.

The translator works through the translation editor's API (the PUT its "Save" sends), a PO file
or machine translation; each path stores a StringTranslation, and each is checked.
"""

from urllib.parse import urlencode

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation

from pages.permissions import untranslated_segments
from partners.models import PartnerPage
from tests.translations.steps import fill_in, published_dresden, submit_translation
from translations.segment_markup import lost_markup

pytestmark = pytest.mark.django_db

DESCRIPTION = (
    '<p>Dresden works with <a href="https://www.dresden.de/climate">the climate office</a>.</p>'
    "<p>It is a <b>facilitator city</b>.</p>"
)
LINKED = 'Dresden works with <a id="a1">the climate office</a>.'
BOLD = "It is a <b>facilitator city</b>."


@pytest.fixture
def dresden_with_markup(partner_index):
    return published_dresden(partner_index, DESCRIPTION, with_team=False)


@pytest.fixture
def translation_with_markup_left(translator_client, bilingual_site, dresden_with_markup, ukrainian):
    """Every segment translated ("UK …", markup kept) except the two with markup."""
    translation = submit_translation(translator_client, dresden_with_markup, ukrainian)
    fill_in(dresden_with_markup, ukrainian)
    StringTranslation.objects.filter(translation_of__data__in=[LINKED, BOLD]).delete()
    return translation


def segment(translation, source_text):
    return StringSegment.objects.get(source=translation.source, string__data=source_text)


def save_in_editor(client, translation, source_text, value):
    """The editor's "Save" on one segment: a PUT to wagtail-localize's API."""
    url = reverse(
        "wagtail_localize:edit_string_translation",
        args=(translation.pk, segment(translation, source_text).pk),
    )
    response = client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code in (200, 201), response.status_code
    return response.json()


def draft_of(translation):
    source = translation.source.get_source_instance()
    return PartnerPage.objects.get(pk=source.get_translation(translation.target_locale).pk)


def publish(client, page, capture):
    with capture(execute=True):
        return client.post(
            reverse("wagtailadmin_pages:edit", args=(page.pk,)), {"action": "publish"}, follow=True
        )


def test_a_translation_that_drops_the_link_is_flagged_and_not_published(
    translator_client, translation_with_markup_left, django_capture_on_commit_callbacks
):
    save_in_editor(
        translator_client, translation_with_markup_left, BOLD, "Це <b>місто-фасилітатор</b>."
    )
    answer = save_in_editor(
        translator_client,
        translation_with_markup_left,
        LINKED,
        "Дрезден співпрацює з кліматичним офісом.",
    )
    # The editor shows this beside the segment, in red.
    assert answer["error"] == (
        'The translation loses markup of the source text: the link <a id="a1"> on “the '
        "climate office”. Put the tags around the words they belong to; until then this "
        "segment counts as untranslated."
    )

    draft = draft_of(translation_with_markup_left)
    assert untranslated_segments(draft)[0] == 1
    response = publish(translator_client, draft, django_capture_on_commit_callbacks)
    assert "1 of" in response.content.decode()  # "1 of N segments are not translated yet"
    assert not PartnerPage.objects.get(pk=draft.pk).live

    # The editor shows the message again when the translator comes back to it.
    editor = translator_client.get(reverse("wagtailadmin_pages:edit", args=(draft.pk,)))
    assert "loses markup of the source text" in editor.content.decode()

    # Putting the link back (around other words, in another place) clears it; the link is live.
    answer = save_in_editor(
        translator_client,
        translation_with_markup_left,
        LINKED,
        'Дрезден співпрацює з <a id="a1">кліматичним офісом</a>.',
    )
    assert answer["error"] is None
    publish(translator_client, draft, django_capture_on_commit_callbacks)
    published = PartnerPage.objects.get(pk=draft.pk)
    assert published.live
    assert (
        '<a href="https://www.dresden.de/climate">кліматичним офісом</a>'
        in published.brief_description
    )
    assert "<b>місто-фасилітатор</b>" in published.brief_description


def test_a_translation_that_drops_bold_text_is_flagged(
    translator_client, translation_with_markup_left
):
    answer = save_in_editor(
        translator_client, translation_with_markup_left, BOLD, "Це місто-фасилітатор."
    )
    assert answer["error"].startswith(
        "The translation loses markup of the source text: <b>. Put the tags around"
    )
    assert StringTranslation.objects.get(translation_of__data=BOLD).has_error


def test_a_po_file_that_drops_the_link_is_flagged(translator_client, translation_with_markup_left):
    download = translator_client.get(
        reverse("wagtail_localize:download_pofile", args=(translation_with_markup_left.pk,))
    )
    po = polib.pofile(download.content.decode())
    for entry in po:
        if entry.msgid == LINKED:
            entry.msgstr = "Дрезден співпрацює з кліматичним офісом."
        elif entry.msgid == BOLD:
            entry.msgstr = "Це <b>місто-фасилітатор</b>."
    upload = SimpleUploadedFile("uk.po", str(po).encode(), content_type="text/x-gettext")
    translator_client.post(
        reverse("wagtail_localize:upload_pofile", args=(translation_with_markup_left.pk,)),
        {"file": upload},
    )
    linked = StringTranslation.objects.get(translation_of__data=LINKED)
    assert linked.data == "Дрезден співпрацює з кліматичним офісом."
    assert linked.has_error
    assert not StringTranslation.objects.get(translation_of__data=BOLD).has_error
    assert untranslated_segments(draft_of(translation_with_markup_left))[0] == 1


@pytest.mark.parametrize(
    ("translated", "lost"),
    [
        ('Дрезден <a id="a1">офіс</a>.', ""),
        ("Дрезден офіс.", 'the link <a id="a1"> on “the climate office”'),
        # A second link may not stand in for the first.
        ('Дрезден <a id="a2">офіс</a>.', 'the link <a id="a1">'),
    ],
)
def test_each_link_is_compared_by_its_id(translated, lost):
    problem = lost_markup('Dresden <a id="a1">the climate office</a>.', translated)
    assert (lost in problem) if lost else problem == ""


def test_emphasis_may_be_merged_but_not_dropped():
    source = "Read <b>the report</b> and <b>the plan</b>, <i>now</i>."
    assert lost_markup(source, "Прочитайте <b>звіт і план</b>, <i>зараз</i>.") == ""
    assert "<i>" in lost_markup(source, "Прочитайте <b>звіт і план</b>, зараз.")


def test_the_translator_reads_the_flag_in_their_admin_language(
    translator_client, translation_with_markup_left, ukrainian_translator
):
    answer = save_in_editor(
        translator_client, translation_with_markup_left, LINKED, "Дрезден співпрацює."
    )
    assert answer["error"].startswith(
        'Переклад втрачає розмітку вихідного тексту: посилання <a id="a1"> на «the climate office».'
    )
