"""The Django project: ``settings/``, ``urls.py``, ``wsgi.py`` and the public API (``api/``).

``cms`` is also an app, only for the API: its ``ready()`` connects the API's cache invalidation
and publish events, and its management commands are the API's (``openapi_document`` writes the
OpenAPI document, ``clean_previews`` deletes expired previews). Running the site lives in
``operations/``; each feature in its own app.
"""
