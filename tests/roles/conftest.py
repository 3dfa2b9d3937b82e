"""The bilingual site of the translation tests, shared with the role tests."""

from tests.translations.conftest import (  # noqa: F401
    bilingual_tree,
    translator,
    translator_client,
)
