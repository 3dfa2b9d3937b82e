"""The public API: Wagtail API v2 mounted at /api/v2/, extended for a headless frontend.

``router`` holds the endpoints, ``views`` the viewsets, ``fields`` and ``images`` the shared
serializer fields, ``relations`` the batch loading of related pages, ``validation`` the query
parameter checks and ``preview`` the admin's JSON preview.
"""
