"""Languages come from settings: a new one needs a settings line and `migrate`, nothing else."""

import pytest
from django.core.management.sql import emit_post_migrate_signal
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def test_english_and_ukrainian_exist():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"en", "uk"}


def test_migrate_creates_a_locale_for_a_new_language(settings):
    settings.WAGTAIL_CONTENT_LANGUAGES = [*settings.WAGTAIL_CONTENT_LANGUAGES, ("de", "Deutsch")]
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES
    # What `manage.py migrate` does once it has applied the migrations.
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert Locale.objects.filter(language_code="de").exists()


def test_page_paths_carry_the_language(client, partner_index):
    partner_index.save_revision().publish()
    body = client.get(f"/api/v2/pages/{partner_index.pk}/").json()
    assert body["meta"]["path"] == "/en/partners/"
