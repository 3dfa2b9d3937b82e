"""Template tags of the translation editor's header (see translations/editor.py)."""

from django import template
from wagtail.admin.admin_url_finder import AdminURLFinder

from translations.editor import source_change

register = template.Library()


@register.simple_tag(takes_context=True)
def unsynced_source_change(context, translation):
    return source_change(translation, next_url=context["request"].get_full_path())


@register.simple_tag(takes_context=True)
def source_edit_url(context, translation):
    """The source's editor, or None for whoever may not edit it (translators)."""
    source = translation.source.get_source_instance()
    return AdminURLFinder(context["request"].user).get_edit_url(source)
