"""wagtail-localize's "Sync translated pages", without "Publish immediately".

That option publishes every translation with the changed segments still in the source
language, which would put English text live under the Ukrainian locale. Syncing stays; the
translator publishes each translation once its segments are translated.

When "Use machine translation" is ticked and the engine fails, nothing is synced (the sync is one
transaction) and the translator reads why, instead of an error page.

Without a ``next`` address, wagtail-localize returns to the source page's explorer, which is
English and refused to translators; the overview is where every translator can go on.
"""

from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin import messages

from cms.api.wagtail_internals import UpdateTranslationsForm, UpdateTranslationsView

from .machine_translation import MachineTranslationUnavailable


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

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except MachineTranslationUnavailable as error:
            messages.error(self.request, str(error))
            return redirect(self.request.get_full_path())

    def get_default_success_url(self):
        return reverse("translations_overview")
