"""The translation editor's "Translate with …" against LibreTranslate and DeepL over HTTP.

Each test starts an engine on 127.0.0.1 (``tests/translations/engines.py``), points the settings
at it and clicks the editor's machine translation button as a translator: segments are filled,
rich text keeps its links, and an engine that is down, slow or refusing the key is a message in
the editor, never an error page.
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail_localize.models import StringSegment, StringTranslation

from cms.settings.machine_translation import DEEPL, LIBRETRANSLATE, machine_translator_setting
from partners.models import PartnerPage
from tests.translations.engines import FakeEngine, closed_port_url
from tests.translations.steps import published_dresden, submit_translation

pytestmark = pytest.mark.django_db

LINKED_DESCRIPTION = (
    '<p>Dresden works with <a href="https://www.dresden.de/climate">the city\'s climate '
    "office</a> and with Khmelnytskyi.</p>"
)


@pytest.fixture
def linked_dresden(partner_index):
    return published_dresden(partner_index, LINKED_DESCRIPTION)


@pytest.fixture
def started_translation(translator_client, bilingual_site, linked_dresden, ukrainian):
    """The translator has started the Ukrainian translation of Dresden; nothing is filled in."""
    return submit_translation(translator_client, linked_dresden, ukrainian)


def use_libretranslate(settings, url, api_key="", timeout=10):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": LIBRETRANSLATE,
        "OPTIONS": {"LIBRETRANSLATE_URL": url, "API_KEY": api_key, "TIMEOUT": timeout},
    }


def use_deepl(settings, url, auth_key):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": DEEPL,
        "OPTIONS": {"AUTH_KEY": auth_key, "API_URL": f"{url}/v2/translate", "TIMEOUT": 10},
    }


def editor_url(translation):
    page = translation.source.get_source_instance().get_translation(translation.target_locale)
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def click_machine_translate(client, translation):
    """The editor's button: a POST with the editor's address as ``next``; the messages the
    editor shows next (after the one of submitting the translation, if still unread)."""
    url = reverse("wagtail_localize:machine_translate", args=(translation.pk,))
    response = client.post(url, {"next": editor_url(translation)})
    assert response.status_code == 302, response.status_code
    assert response.url == editor_url(translation)
    return shown_messages(response)


def shown_messages(response):
    return [
        text
        for text in (str(message).strip() for message in get_messages(response.wsgi_request))
        if "submitted for translation" not in text
    ]


def translated_segments(translation):
    segments = StringSegment.objects.filter(source=translation.source).select_related("string")
    return {
        segment.string.data: StringTranslation.objects.filter(
            translation_of=segment.string,
            context=segment.context,
            locale=translation.target_locale,
        ).first()
        for segment in segments
    }


def test_libretranslate_fills_every_segment_and_keeps_the_links(
    settings, translator_client, started_translation, django_capture_on_commit_callbacks
):
    with FakeEngine(api_key="city-key") as engine:
        use_libretranslate(settings, engine.url, api_key="city-key")
        editor = translator_client.get(editor_url(started_translation)).content.decode()
        assert "LibreTranslate" in editor  # the button reads "Translate with LibreTranslate"

        assert click_machine_translate(translator_client, started_translation) == [
            "Successfully translated with LibreTranslate."
        ]

    [request] = engine.requests
    assert (request["source"], request["target"], request["format"]) == ("en", "uk", "html")
    assert request["api_key"] == "city-key"

    segments = translated_segments(started_translation)
    assert all(segments.values()), [text for text, done in segments.items() if not done]
    assert segments["City of Dresden"].data == "Місто Дрезден"
    assert segments["City Mission facilitator"].data == "фасилітаторка Місії ЄС для міст"
    assert segments["City of Dresden"].tool_name == "LibreTranslate"
    rich = next(text for text in segments if text.startswith("Dresden works with"))
    assert segments[rich].data == (
        'Дрезден співпрацює з <a id="a1">кліматичним офісом міста</a> та з Хмельницьким.'
    )

    # Every segment is translated, so the translator may publish; the link is on the page.
    draft = started_translation.source.get_source_instance().get_translation(
        started_translation.target_locale
    )
    with django_capture_on_commit_callbacks(execute=True):
        translator_client.post(editor_url(started_translation), {"action": "publish"})
    published = PartnerPage.objects.get(pk=draft.pk)
    assert published.live
    assert published.brief_description == (
        '<p>Дрезден співпрацює з <a href="https://www.dresden.de/climate">кліматичним офісом '
        "міста</a> та з Хмельницьким.</p>"
    )


def test_deepl_fills_every_segment_and_keeps_the_links(
    settings, translator_client, started_translation
):
    with FakeEngine(api_key="deepl-key:fx") as engine:
        use_deepl(settings, engine.url, "deepl-key:fx")
        assert click_machine_translate(translator_client, started_translation) == [
            "Successfully translated with DeepL."
        ]

    [request] = engine.requests
    assert request["source_lang"] == ["EN"]
    assert request["target_lang"] == ["UK"]
    assert request["tag_handling"] == ["xml"]
    segments = translated_segments(started_translation)
    assert all(segments.values())
    assert segments["Regine Kramer"].data == "Регіне Крамер"
    rich = next(text for text in segments if text.startswith("Dresden works with"))
    assert '<a id="a1">кліматичним офісом міста</a>' in segments[rich].data


def test_an_engine_that_is_down_is_a_message_and_nothing_is_filled(
    settings, translator_client, started_translation
):
    use_libretranslate(settings, closed_port_url())
    [message] = click_machine_translate(translator_client, started_translation)
    assert message.startswith("LibreTranslate cannot be reached, so nothing was translated.")
    assert not any(translated_segments(started_translation).values())
    # The translator reads it at the top of the editor they are sent back to.
    editor = translator_client.get(editor_url(started_translation)).content.decode()
    assert "LibreTranslate cannot be reached" in editor


def test_an_engine_that_does_not_answer_in_time_is_a_message(
    settings, translator_client, started_translation
):
    with FakeEngine(delay=3) as engine:
        use_libretranslate(settings, engine.url, timeout=1)
        [message] = click_machine_translate(translator_client, started_translation)
    assert message.startswith("LibreTranslate did not answer within 1 seconds")
    assert not any(translated_segments(started_translation).values())


def test_a_refused_key_is_a_message_naming_the_engines_reason(
    settings, translator_client, started_translation
):
    with FakeEngine(api_key="the-right-key") as engine:
        use_deepl(settings, engine.url, "a-wrong-key")
        [message] = click_machine_translate(translator_client, started_translation)
    assert message.startswith(
        "DeepL refused to translate (HTTP 403: Wrong endpoint or authorization key)"
    )
    assert not any(translated_segments(started_translation).values())


def test_sync_with_machine_translation_and_the_engine_down_is_a_message(
    settings, admin_client, started_translation
):
    use_libretranslate(settings, closed_port_url())
    url = reverse("wagtail_localize:update_translations", args=(started_translation.source.pk,))
    response = admin_client.post(url, {"use_machine_translation": "on"})
    assert response.status_code == 302
    [message] = shown_messages(response)
    assert message.startswith("LibreTranslate cannot be reached")


@pytest.mark.parametrize(
    ("environment", "engine"),
    [
        ({"LIBRETRANSLATE_URL": "http://libretranslate:5000/"}, LIBRETRANSLATE),
        ({"DEEPL_AUTH_KEY": "key:fx"}, DEEPL),
        # The self-hosted engine wins: texts stay on the city's machines.
        ({"LIBRETRANSLATE_URL": "http://lt:5000", "DEEPL_AUTH_KEY": "k"}, LIBRETRANSLATE),
        ({}, None),
    ],
)
def test_the_environment_chooses_the_engine(monkeypatch, environment, engine):
    for name in ("LIBRETRANSLATE_URL", "LIBRETRANSLATE_API_KEY", "DEEPL_AUTH_KEY"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("MACHINE_TRANSLATION_TIMEOUT", "7")
    setting = machine_translator_setting()
    assert (setting and setting["CLASS"]) == engine
    if setting:
        assert setting["OPTIONS"]["TIMEOUT"] == 7
    if engine == LIBRETRANSLATE:
        assert not setting["OPTIONS"]["LIBRETRANSLATE_URL"].endswith("/")
