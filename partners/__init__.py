"""Partner organisations: their pages, team members, social links and cooperations.

``models`` the pages and inlines, ``api`` their JSON and its loading (registered with
``cms.api``), ``openapi`` their part of the API's OpenAPI document,
``forms``/``panels``/``widgets``/``views``/``wagtail_hooks`` the admin. It imports ``pages`` and
``cms.api``, never the other way round; the demo and scale sites are the ``demo`` app.
"""
