"""Wagtail locales follow the content languages in settings.

Run after every ``migrate``: adding a language to ``WAGTAIL_CONTENT_LANGUAGES`` and running
``manage.py migrate`` is all it takes to offer it to editors and translators.
"""

from django.conf import settings
from wagtail.models import Locale


def create_content_locales(**_kwargs):
    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=language_code)
