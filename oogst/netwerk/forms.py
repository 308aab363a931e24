"""The netwerkpeiling form: one radio group (a fieldset with a legend) per partner organisation."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Kennisniveau


class NetwerkpeilingForm(forms.Form):
    """``organisaties``: the partners to ask about (the respondent's own left out)."""

    def __init__(self, *args, organisaties, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisaties = list(organisaties)
        for organisatie in self.organisaties:
            self.fields[self.field_name(organisatie)] = forms.TypedChoiceField(
                label=organisatie.naam,
                help_text=organisatie.get_domein_display(),
                choices=Kennisniveau.choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose how well you know this organisation.")},
            )

    @staticmethod
    def field_name(organisatie):
        return f"org_{organisatie.pk}"

    def answers(self):
        """{organisation id: level} from the cleaned data."""
        return {o.pk: self.cleaned_data[self.field_name(o)] for o in self.organisaties}
