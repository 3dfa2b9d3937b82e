"""Publish notifications: the endpoints administrators configure, and every delivery to them.

``models`` endpoints and deliveries, ``dispatch`` turning ``cms.api.events`` announcements
(and the newsletter's) into deliveries, ``tasks`` sending them from the background worker with
retries, ``signing`` their HMAC signature, ``destinations``/``transport`` where a delivery may
go and how it gets there, ``wagtail_hooks`` the admin. It listens to ``cms.api`` and imports no
content app.
"""
