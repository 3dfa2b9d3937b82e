"""Admin panels of the partner editor."""

from wagtail.admin import panels

from .widgets import CooperatingPartnerChooser


class InlinePanel(panels.InlinePanel):
    """Wagtail's inline panel, with the whole phrase of its add button given by the model.

    Wagtail words the button “Add {label}” from the label that also heads each row (“Team
    member 1”). After “Додати” Ukrainian puts a person in another case than a heading does
    (“Додати члена команди”, but “Член команди 1”), so the button's phrase is translated whole.
    """

    def __init__(self, relation_name, *args, add_button_label="", **kwargs):
        super().__init__(relation_name, *args, **kwargs)
        self.add_button_label = add_button_label

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "add_button_label": self.add_button_label}

    class BoundPanel(panels.InlinePanel.BoundPanel):
        template_name = "partners/panels/inline_panel.html"


class CooperationsPanel(InlinePanel):
    """The cooperating partners: each row's chooser opens at the partner index of the page's
    language and does not offer the page itself.

    The chooser depends on the page being edited, which the row forms' class (built once per
    page type) cannot know, so the bound panel gives each row form, and the empty form new rows
    are made from, its own widget.
    """

    class BoundPanel(InlinePanel.BoundPanel):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            if self.form is None or self.form.parent_page is None:
                return
            chooser = CooperatingPartnerChooser(
                partner=self.instance, start_page=self.form.parent_page
            )
            for row_form in [*self.formset.forms, self.empty_child.form]:
                row_form.fields["cooperating_partner"].widget = chooser
