"""The page machinery every content app shares; it imports no content app.

``headless`` (the mixin every page type uses: visitors go to the frontend, previews in the
frontend, as a reading view or as JSON), ``reading_view`` (that reading view), ``permissions``
(the roles' rules, which Wagtail asks on every admin path), ``rich_text`` (the features rich
text offers), ``wagtail_hooks`` (rich-text page links as frontend paths), ``social`` (the
social-link base), ``validators``, ``uploads`` (what the admin accepts as an image or
document), ``private_media`` (warning editors about images from private collections) and
``locales`` (Wagtail's locales follow the content languages in settings). Content apps —
``home`` (the home page and the site-wide content) and ``partners`` — build on it; of the
project it imports only the API package ``cms.api`` (besides Django, Wagtail,
wagtail-localize and wagtail-headless-preview).
"""
