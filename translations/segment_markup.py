"""A segment's translation keeps the links and markup of its source.

wagtail-localize shows a rich text link as ``<a id="a1">the climate office</a>`` in a segment and
puts the address back when the page is built. A translation that drops the tag was accepted, and
the link silently disappeared from the translated page; wagtail-localize refuses only ids that the
source does not have. Here a translation that loses a link of its source, or every use of a
formatting tag (``<b>``, ``<i>``, …) the source has, is flagged as an error on every path that
stores one (the editor, PO upload, machine translation): the editor shows the message beside the
segment, and the segment counts as untranslated, so the translation cannot be published
(``pages/permissions.py``) until the translator puts the markup back.

Formatting is compared by tag name, not by count: a language may need to merge two bold phrases
into one, but not to lose the emphasis altogether. Links are compared one by one, by id.
"""

from collections import Counter
from html.parser import HTMLParser

from django.utils.translation import gettext as _
from wagtail_localize.models import StringTranslation

# Link text quoted in the message is cut to this many characters.
_QUOTED_TEXT = 60


class _Markup(HTMLParser):
    """The links (id → text) and the other tag names of a segment's HTML."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.links: dict[str, str] = {}
        self.tags: Counter = Counter()
        self._open_link: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            link_id = dict(attrs).get("id") or ""
            self.links.setdefault(link_id, "")
            self._open_link = link_id
        else:
            self.tags[tag] += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "a":
            self._open_link = None

    def handle_endtag(self, tag):
        if tag == "a":
            self._open_link = None

    def handle_data(self, data):
        if self._open_link is not None:
            self.links[self._open_link] += data


def lost_markup(source_html: str, translation_html: str) -> str:
    """What ``translation_html`` lost of ``source_html``'s markup, as a sentence; ``""`` if
    nothing."""
    source, translation = _Markup(source_html), _Markup(translation_html)
    missing = []
    for link_id, text in source.links.items():
        if link_id not in translation.links:
            quoted = text.strip()[:_QUOTED_TEXT]
            missing.append(
                _('the link <a id="%(id)s"> on “%(text)s”') % {"id": link_id, "text": quoted}
            )
    for tag in sorted(source.tags):
        if tag not in translation.tags:
            missing.append(f"<{tag}>")
    if not missing:
        return ""
    return _(
        "The translation loses markup of the source text: %(missing)s. Put the tags around the "
        "words they belong to; until then this segment counts as untranslated."
    ) % {"missing": ", ".join(missing)}


def flag_lost_markup(sender, instance, created=False, update_fields=None, **kwargs):
    """post_save of StringTranslation: flag a translation that lost its source's markup.

    wagtail-localize's own checks run in ``save()`` first; an error they found is left as it
    is. The stored message is what the editor shows for the segment (``get_error()`` returns
    ``field_error`` of a flagged translation).
    """
    if instance.has_error or (update_fields is not None and "data" not in update_fields):
        return
    problem = lost_markup(instance.translation_of.data, instance.data)
    if not problem:
        return
    StringTranslation.objects.filter(pk=instance.pk).update(has_error=True, field_error=problem)
    instance.has_error = True
    instance.field_error = problem
