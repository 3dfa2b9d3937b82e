"""With the admin in Ukrainian, the pages a translator works on speak Ukrainian: the strings
Wagtail's and wagtail-localize's catalogues lack come from the project's own catalogue
(locale/uk/LC_MESSAGES/django.po and djangojs.po), plural forms included."""

import json
import re
from html import unescape

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext
from wagtail.admin.menu import help_menu, reports_menu

from tests.publishing import localize
from tests.translations.steps import fill_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def ukrainian_translator_client(client, ukrainian_translator):
    client.force_login(ukrainian_translator)
    return client


@pytest.fixture
def out_of_date(bilingual_site, dresden, ukrainian):
    localize(dresden, ukrainian)
    fill_in(dresden, ukrainian)
    ukrainian_page = localize(dresden, ukrainian)
    dresden.city = "Dresden, Saxony"
    dresden.save_revision().publish()
    return ukrainian_page


def readable(script):
    """A JavaScript catalogue with its \\uXXXX escapes written out."""
    return re.sub(r"\\u([0-9a-fA-F]{4})", lambda match: chr(int(match.group(1), 16)), script)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return unescape(response.content.decode())


def test_partner_listing_names_partner_pages_in_the_plural(
    ukrainian_translator_client, out_of_date
):
    html = page(ukrainian_translator_client, "/admin/partner_pages/")
    assert "<title>Сторінки партнерів" in html
    assert "партнераs" not in html  # Wagtail's English plural "s" on a Ukrainian noun
    assert "Фільтрувати за" in html


def test_languages_are_named_in_the_admins_language(ukrainian_translator_client, out_of_date):
    html = page(ukrainian_translator_client, reverse("translations_overview"))
    assert "Українська" in html
    url = reverse("wagtailadmin_pages:edit", args=(out_of_date.pk,))
    editor = ukrainian_translator_client.get(url).content.decode()
    props = json.loads(unescape(re.search(r'data-props="([^"]*)"', editor).group(1)))
    assert props["sourceLocale"]["displayName"] == "Англійська"
    assert props["locale"]["displayName"] == "Українська"


def test_the_translation_editor_notice_and_the_texts_its_script_writes(
    ukrainian_translator_client, out_of_date
):
    editor = page(
        ukrainian_translator_client, reverse("wagtailadmin_pages:edit", args=(out_of_date.pk,))
    )
    assert "Застарілий" in editor
    assert "Синхронізувати з джерелом" in editor
    assert "Оригінал (Англійська) змінено" in editor
    texts = json.loads(
        re.search(r'<script id="translation-editor-texts"[^>]*>(.*?)</script>', editor).group(1)
    )
    assert texts["replacements"] == {
        "More actions": "Більше дій",
        "Англійська to Українська translation": "Переклад: Англійська → Українська",
    }
    assert texts["months"]["November"] == "листопада"


def test_wagtail_localize_javascript_strings_come_from_the_project_catalogue(
    ukrainian_translator_client,
):
    script = ukrainian_translator_client.get(reverse("wagtail_localize:javascript_catalog"))
    text = readable(script.content.decode())
    for ukrainian in (
        "Опублікувати мовою: ",  # "Опублікувати вУкраїнська" before
        "Як в оригіналі (%s)",  # "Використовує версію English"
        "Надіслати PO-файл",  # both PO buttons said "Завантажити PO-файл"
        "Завантажити PO-файл",
        "Зупинити синхронізований переклад",
    ):
        assert ukrainian in text, ukrainian


def test_wagtail_javascript_strings_come_from_the_project_catalogue(ukrainian_translator_client):
    script = ukrainian_translator_client.get(reverse("wagtailadmin_javascript_catalog"))
    text = readable(script.content.decode())
    assert "Головне меню" in text
    assert "Показати або сховати бічну панель" in text


def test_account_and_overview_pages(ukrainian_translator_client, out_of_date):
    account = page(ukrainian_translator_client, "/admin/account/")
    for label in ("Профіль", "Локаль", "Бажана мова", "Сповіщення", "Електронна пошта"):
        assert label in account, label
    assert "Обліковий запис" in account
    overview = page(ukrainian_translator_client, reverse("translations_overview"))
    assert "Переклади" in overview and "Застарілий" in overview


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 сторінка"),
        (3, "3 сторінки"),
        (5, "5 сторінок"),
        (11, "11 сторінок"),
        (22, "22 сторінки"),
    ],
)
def test_the_dashboards_page_count_has_ukrainian_plural_forms(count, expected):
    singular = '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>'
    plural = '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>'
    with translation.override("uk"):
        text = ngettext(singular, plural, count) % {"total": count, "site_name": "U_CAN"}
    assert text.startswith(expected + " ")


def test_menu_labels_follow_the_admin_language_not_the_first_request(
    ukrainian_translator_client, admin_user
):
    english_admin = Client()
    english_admin.force_login(admin_user)
    # Wagtail keeps its menus' items per process; an English request builds them here first.
    for menu in (reports_menu, help_menu):
        menu.__dict__.pop("registered_menu_items", None)
    with translation.override("en"):
        assert "What's new in Wagtail" in page(english_admin, reverse("wagtailadmin_home"))

    dashboard = readable(page(ukrainian_translator_client, reverse("wagtailadmin_home")))
    assert "Що нового у Wagtail" in dashboard
    assert "What's new in Wagtail" not in dashboard
    # The sidebar's items travel as JSON: each label between quotes.
    assert '"Translations"' not in dashboard
    assert "\"What's new" not in dashboard
    # The items shared by every request keep the label they were built with.
    assert "Translations" in [str(item.label) for item in reports_menu.registered_menu_items]
