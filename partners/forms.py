from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class PartnerPageForm(WagtailAdminPageForm):
    """The partner page's admin form: checks that need the page and its inlines together."""

    def clean(self):
        cleaned_data = super().clean()
        cooperations = self.formsets.get("cooperations")
        if cooperations is not None and self.instance.pk:
            # The formsets are cleaned after this form; clean this one now to read its data.
            cooperations.full_clean()
            for form in cooperations.forms:
                if not hasattr(form, "cleaned_data") or form.cleaned_data.get("DELETE"):
                    continue
                partner = form.cleaned_data.get("cooperating_partner")
                if partner is not None and partner.pk == self.instance.pk:
                    form.add_error(
                        "cooperating_partner", _("A partner cannot cooperate with itself.")
                    )
        return cleaned_data
