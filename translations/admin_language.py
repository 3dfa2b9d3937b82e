"""The whole admin request in the person's admin language, refusals included.

Wagtail switches to a user's preferred language inside each admin view, but it turns a
``PermissionDenied`` into its "Sorry, you do not have permission" message after leaving that
switch, so a translator with the admin in Ukrainian was refused in English. This middleware
makes the switch around the whole admin request.
"""

from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile


class AdminLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = None

    def __call__(self, request):
        if self.admin_prefix is None:
            self.admin_prefix = reverse("wagtailadmin_home")
        user = getattr(request, "user", None)
        if not request.path.startswith(self.admin_prefix) or not user or not user.is_authenticated:
            return self.get_response(request)
        language = UserProfile.get_for_user(user).get_preferred_language()
        with translation.override(language):
            return self.get_response(request)
