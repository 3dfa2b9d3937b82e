"""The demo site, on top of every other app: nothing outside it imports it.

- ``content``, ``ukrainian``, ``logos``, ``translate``: the U_CAN consortium's pages, site content,
  generated logos and their Ukrainian translations, written by ``manage.py load_demo``.
- ``scale``: a large, realistic partner site for load and scale measurements, written by
  ``manage.py generate_scale``.

It reads the models of ``home`` and ``partners`` and has no models of its own.
"""
