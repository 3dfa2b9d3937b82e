"""The home page of each locale and the site-wide content around every page.

``models`` (HomePage; SiteContent with its navigation and social links), ``api``
(``/api/v2/site/``), ``openapi`` (their part of the API's OpenAPI document), ``changes`` (the
purges and the ``site_content.changed`` event its changes cause), ``wagtail_hooks`` (its
admin). It builds on the shared page machinery of ``pages`` and on the API package
``cms.api``, and imports no other content app; the demo content is the ``demo`` app.
"""
