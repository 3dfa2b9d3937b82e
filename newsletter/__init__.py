"""Newsletter subscriptions with double opt-in and the proof of consent each one keeps.

``views``/``urls``/``validation`` the endpoints under /api/v2/newsletter/, ``tokens`` the signed
links, ``emails``/``tasks`` the confirmation email sent from the background worker, ``limits``
the abuse limits, ``events`` its webhooks (through ``webhooks``), ``erasure`` erasure and
export, ``link_pages``/``page_urls`` the CMS's own confirm and unsubscribe pages,
``wagtail_hooks`` the admin, ``openapi`` its part of the API's OpenAPI document. It reads the
site content of ``home``; nothing but the URL configuration imports it.
"""
