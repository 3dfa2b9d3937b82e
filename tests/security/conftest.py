"""The API tests' small partner site, for the security tests."""

from tests.api.conftest import dresden, image, khmelnytskyi, site_content  # noqa: F401
