"""The translator's day: grants per language, the overview, and translations kept in step.

``roles`` the Translators group's grants (every language but the source), ``alias_guard`` the
one action the page permissions cannot describe, ``overview``/``views``/``status`` the
translation overview and how far each translation is behind its source, ``sync`` keeping
translations in step without publishing them, ``editor``/``segment_markup``/
``machine_translation`` the translation editor's additions, ``admin_language``/``menu_labels``
the admin in the person's language, ``api`` what the public API learns from it (a
translation's freshness, registered with ``cms.api``), ``wagtail_hooks`` its admin wiring.
The rules it relies on (who may publish what) are ``pages.permissions``; it reads the page and
snippet models of ``home`` and ``partners``, which know nothing of it.
"""
