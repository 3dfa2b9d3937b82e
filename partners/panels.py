"""Admin panels of the partner editor."""

from wagtail.admin import panels


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
