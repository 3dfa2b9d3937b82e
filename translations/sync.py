"""wagtail-localize's "Sync translated pages", without "Publish immediately".

That option publishes every translation with the changed segments still in the source
language, which would put English text live under the Ukrainian locale. Syncing stays; the
translator publishes each translation once its segments are translated.

Without a ``next`` address, wagtail-localize returns to the source page's explorer, which is
English and refused to translators; the overview is where every translator can go on.
"""

from django.urls import reverse
from wagtail_localize.views.update_translations import (
    UpdateTranslationsForm,
    UpdateTranslationsView,
)


class SyncWithoutPublishingForm(UpdateTranslationsForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["publish_translations"]

    def clean(self):
        cleaned_data = super().clean()
        cleaned_data["publish_translations"] = False
        return cleaned_data


class SyncWithoutPublishingView(UpdateTranslationsView):
    def get_form(self):
        if self.request.method == "POST":
            return SyncWithoutPublishingForm(self.request.POST)
        return SyncWithoutPublishingForm()

    def get_default_success_url(self):
        return reverse("translations_overview")
