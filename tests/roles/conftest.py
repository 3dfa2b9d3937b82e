"""The bilingual site of the translation tests, shared with the role tests."""

from tests.translations.conftest import (  # noqa: F401
    bilingual_tree,
    dresden,
    translator,
    translator_client,
    ukrainian,
)
