"""The home page, the site-wide content, and the page machinery the other apps share.

Site content: ``models`` (HomePage, SiteContent with its navigation and social links), ``api``
(``/api/v2/site/``), ``changes`` (the purges and the ``site_content.changed`` event its changes
cause), ``wagtail_hooks`` (its admin). Shared with the feature apps, which import them:
``headless`` (the headless page mixin), ``social`` (the social-link base), ``rich_text``,
``validators``, ``permissions`` (the roles' rules), ``uploads``, ``private_media``,
``reading_view``, ``locales``. It imports no feature app; the demo content is the ``demo`` app.
"""
