"""The partner page's admin form: checks that need the page and its inlines together."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class PartnerPageForm(WagtailAdminPageForm):
    """The partner page's admin form.

    Each cooperating partner is checked against the page itself and against the rows above it,
    so the error appears at the row the editor has to change and the rest of the form is kept.
    """

    def clean(self):
        cleaned_data = super().clean()
        cooperations = self.formsets.get("cooperations")
        if cooperations is not None:
            # The formsets are cleaned after this form; clean this one now to read its data.
            cooperations.full_clean()
            self.check_cooperating_partners(cooperations)
        return cleaned_data

    def check_cooperating_partners(self, cooperations):
        # A partner and its translations are one organisation: the API shows whichever
        # version is in the page's language, so choosing two of them would list it twice.
        listed = set()
        for form in cooperations.forms:
            if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                continue
            partner = form.cleaned_data.get("cooperating_partner")
            if partner is None:
                continue
            if self.instance.pk and partner.translation_key == self.instance.translation_key:
                form.add_error("cooperating_partner", _("A partner cannot cooperate with itself."))
            elif partner.translation_key in listed:
                form.add_error(
                    "cooperating_partner",
                    _("This partner is already in the list; remove the second entry."),
                )
            listed.add(partner.translation_key)
