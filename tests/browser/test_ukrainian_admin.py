"""A translator with the admin in Ukrainian meets no English on the pages of their work.

The journey walks every page a translator uses, collects the text a person can read or hear
(text, also in closed menus and tabs, placeholders, tooltips, labels for screen readers,
button values, the window title) and fails on any English word. Allowed are the content
itself (the English source a translator translates from is shown on purpose) and proper names.
"""

import re
from html import unescape

import pytest
from wagtail.models import Page, Task, Workflow
from wagtail_localize.models import String, Translation

from home.models import SiteContent
from tests.conftest import PASSWORD
from tests.home.factories import SiteContentFactory
from tests.publishing import localize
from tests.translations.steps import fill_in

from .conftest import add_published_partner

pytestmark = [
    pytest.mark.slow,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Names that stay as they are in a Ukrainian admin.
PROPER_NAMES = {
    "U_CAN",
    "UCAN",
    "Wagtail",
    "Dresden",
    "PO",
    "URL",
    "URLs",
    "API",
    "JSON",
    "HTML",
    "ISO",
    "LinkedIn",
    "Facebook",
    "Instagram",
    "YouTube",
    "Mastodon",
    "Bluesky",
    "DeepL",
    "LibreTranslate",
    "Gravatar",
    "UTC",
    "Europe",
    "Kyiv",
    "Berlin",
    "CET",
    "EET",
    "EEST",
    "CEST",
    "GMT",
    "Google",
    "WebP",
    "PDF",
    "SVG",
    "PNG",
    "JPEG",
    "GIF",
    "EU",
    "ID",
    "SEO",
    "Ctrl",
    "Cmd",
    "Alt",
    "Shift",
    "Enter",
    "Esc",
    "Tab",
    "Draftail",
    "Markdown",
    "https",
    "http",
    "www",
    "com",
    "org",
    "de",
    "example",
    "localhost",
    "admin",
    "uk",
    "en",
    "LHD",
    "TUD",  # acronyms of partners, in the short name's help text
}

# The preferred-language choice names each language in its own tongue, as language pickers do.
ALLOWED_ON = {"account": {"English"}}

VISIBLE_TEXT = """
// Never shown: the date picker's "Save Selected" button (its range mode, which Wagtail never
// uses), an iframe's fallback content, and a side panel's issue counter while it is empty.
const skipped = [
    "template", "script", "style", "noscript", "iframe", ".xdsoft_datetimepicker",
    "[data-side-panel-toggle-counter][hidden]",
].join(", ");
// Where a text is: the element's tag and classes, to find the template or script that wrote it.
const describe = (element) => `<${element.tagName.toLowerCase()} class="${element.className}">`;
const texts = [[document.title, "<title>"]];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!node.textContent.trim() || node.parentElement.closest(skipped)) continue;
    texts.push([node.textContent, describe(node.parentElement)]);
}
const labelled = "[placeholder], [title], [aria-label], input[type=submit], input[type=button]";
for (const element of document.querySelectorAll(labelled)) {
    if (element.closest(skipped)) continue;
    for (const name of ["placeholder", "title", "aria-label"]) {
        if (element.getAttribute(name)) texts.push([element.getAttribute(name), describe(element)]);
    }
    if (element.type === "submit" || element.type === "button") {
        texts.push([element.value || "", describe(element)]);
    }
}
return texts;
"""


def content_words():
    """Every word of the site's content: the English source texts, titles, names, and the
    names administrators gave the moderation workflow and its tasks."""
    texts = list(String.objects.values_list("data", flat=True))
    texts += list(Page.objects.values_list("title", flat=True))
    texts += list(Workflow.objects.values_list("name", flat=True))
    texts += list(Task.objects.values_list("name", flat=True))
    for site_content in SiteContent.objects.all():
        texts += [site_content.project_name, site_content.tagline]
        texts += [site_content.coordinator_organisation, site_content.coordinator_unit]
    words = set()
    for text in texts:
        words.update(re.findall(r"[^\W\d_]+", unescape(re.sub(r"<[^>]+>", " ", text or ""))))
    return words


def english_words(text, allowed):
    """The words of ``text`` written in Latin letters that are not allowed.

    A word mixing scripts ("партнераs", Wagtail's English plural ending on a Ukrainian noun)
    counts too; a lone Latin letter is a key of a keyboard shortcut ("Ctrl + s").
    """
    # Addresses, e-mail addresses, file and user names and time zones' identifiers
    # ("Europe/Kyiv", which the time zone choice shows beside their Ukrainian names) are not
    # words of the interface.
    text = re.sub(r"\b[A-Z][\w-]*(?:/[\w+-]+)+", " ", text)
    text = re.sub(r"\S+@\S+|https?://\S+|(?<!\w)/\S*|\b[\w.]+\.(translator|png|po)\b", " ", text)
    words = re.findall(r"[^\W\d_]+(?:'[^\W\d_]+)?", text)
    return [
        word
        for word in words
        if re.search(r"[A-Za-z]", word)
        and not (len(word) == 1 and word.isascii())
        and word not in allowed
        and word.lower() not in allowed
    ]


@pytest.fixture
def translators_world(
    ukrainian_translator,
    ukrainian,
    partner_index,
    bilingual_site,
    journey_dresden,
    journey_khmelnytskyi,
):
    """Dresden translated and then changed in English (out of date); Khmelnytskyi translated
    and no longer synced (the ordinary partner editor); Aarhus not translated; the site
    content translated."""
    localize(journey_dresden, ukrainian)
    fill_in(journey_dresden, ukrainian)
    uk_dresden = localize(journey_dresden, ukrainian)
    journey_dresden.city = "Dresden, Saxony"
    journey_dresden.save_revision().publish()

    uk_khmelnytskyi = localize(journey_khmelnytskyi, ukrainian)
    Translation.objects.filter(source__object_id=journey_khmelnytskyi.translation_key).update(
        enabled=False
    )
    aarhus = add_published_partner(partner_index, "Aarhus University", "aarhus-university")

    site_content = SiteContentFactory()
    uk_site_content = localize(site_content, ukrainian)
    return {
        "uk_index": partner_index.get_translation(ukrainian),
        "uk_dresden": uk_dresden,
        "uk_khmelnytskyi": uk_khmelnytskyi,
        "aarhus": aarhus,
        "dresden": journey_dresden,
        "uk_site_content": uk_site_content,
    }


def test_a_translator_meets_no_english_in_the_admin(
    open_browser, ukrainian_translator, translators_world
):
    world = translators_world
    dresden_source = Translation.objects.get(
        source__object_id=world["dresden"].translation_key
    ).source
    pages = {
        "dashboard": "/admin/",
        "partner listing": "/admin/partner_pages/",
        "partner listing, Ukrainian": "/admin/partner_pages/?locale=uk",
        "explorer of the Ukrainian partners": f"/admin/pages/{world['uk_index'].pk}/",
        "partner editor": f"/admin/pages/{world['uk_khmelnytskyi'].pk}/edit/",
        "translation editor, out of date": f"/admin/pages/{world['uk_dresden'].pk}/edit/",
        "site content translation editor": (
            f"/admin/snippets/home/sitecontent/edit/{world['uk_site_content'].pk}/"
        ),
        "translations overview": "/admin/translations/overview/",
        "submit translation": f"/admin/localize/submit/page/{world['aarhus'].pk}/",
        "sync": f"/admin/localize/update/{dresden_source.pk}/",
        "account": "/admin/account/",
    }
    iryna = open_browser("translator")
    iryna.login(ukrainian_translator.username, PASSWORD)
    allowed = PROPER_NAMES | content_words()

    english = {}  # page → the texts with English in them, each text reported once
    seen = set()
    for name, path in pages.items():
        iryna.visit(path)
        assert iryna.path.split("?")[0] == path.split("?")[0], f"{name}: sent to {iryna.path}"
        assert iryna.find("html").get_attribute("lang") == "uk"
        if "translation editor" in name:
            iryna.find(".js-translation-editor *")  # the editor has drawn itself
        if name == "translation editor, out of date":
            editor = iryna.all_text("body")
            assert "Опублікувати мовою: Українська" in editor  # was "Опублікувати вУкраїнська"
            # Two buttons, two names (both said "Завантажити PO-файл").
            assert "Завантажити PO-файл" in editor and "Надіслати PO-файл" in editor
            assert "Переклад: Англійська → Українська" in editor
        for text, where in iryna.driver.execute_script(VISIBLE_TEXT):
            text = " ".join(text.split())
            if text not in seen and english_words(text, allowed | ALLOWED_ON.get(name, set())):
                seen.add(text)
                english.setdefault(name, []).append(f"{text!r} in {where}")
    report = "\n".join(
        f"{page}:\n" + "\n".join(f"    {text}" for text in texts) for page, texts in english.items()
    )
    assert not english, f"English words in the Ukrainian admin:\n{report}"
