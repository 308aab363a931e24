"""The programme team's forms: a new gemeente, a facilitator, deleting a test proeftuin, and
the template."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from bijeenkomsten.models import Soort as BijeenkomstSoort
from gemeenten.forms.proeftuin import DateInput
from gemeenten.models import Fase, Gemeente

from .sjabloon import MAX_HERHALEN


class GemeenteForm(forms.ModelForm):
    """The gemeente (its slug follows from the name) and its first proeftuin."""

    start = forms.DateField(
        label=_("Start of the proeftuin"),
        widget=DateInput,
        help_text=_("The proposed meetings of the template are dated from here."),
    )
    proeftuin_naam = forms.CharField(
        label=_("Name of the proeftuin"),
        max_length=150,
        required=False,
        help_text=_("Leave empty for “Léven tot het Einde” and the gemeente's name."),
    )
    facilitator = forms.EmailField(
        label=_("Facilitator's e-mail address"),
        required=False,
        help_text=_(
            "Optional: an account holder becomes facilitator at once, anyone else is invited."
        ),
    )

    class Meta:
        model = Gemeente
        fields = ["naam", "gemeentecode", "provincie"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provincie"].required = True
        self.fields["gemeentecode"].required = True
        self.fields["gemeentecode"].widget.attrs.update(
            {"autocapitalize": "characters", "spellcheck": "false", "placeholder": "GM0000"}
        )

    def clean_gemeentecode(self):
        return self.cleaned_data["gemeentecode"].strip().upper()


class FacilitatorForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))


class DeleteForm(forms.Form):
    naam = forms.CharField(label=_("Name of the proeftuin"), max_length=150)


class SuccesfactorenForm(forms.Form):
    succesfactoren = forms.CharField(
        label=_("Success factors"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("One per line; a new gemeente starts with these."),
    )
    punten_startbijeenkomst = forms.CharField(
        label=Fase.STARTBIJEENKOMST.label, widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    punten_inventarisatie = forms.CharField(
        label=Fase.INVENTARISATIE.label, widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    punten_verbeteren = forms.CharField(
        label=Fase.VERBETEREN.label, widget=forms.Textarea(attrs={"rows": 4}), required=False
    )
    punten_verankering = forms.CharField(
        label=Fase.VERANKERING.label, widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    @staticmethod
    def lines(text):
        return [line.strip() for line in text.splitlines() if line.strip()]

    def clean_succesfactoren(self):
        names = self.lines(self.cleaned_data["succesfactoren"])
        if not names:
            raise forms.ValidationError(_("Name at least one success factor."))
        if any(len(name) > 150 for name in names):
            raise forms.ValidationError(_("A success factor has at most 150 characters."))
        if len({n.casefold() for n in names}) != len(names):
            raise forms.ValidationError(_("A success factor is named twice."))
        return names

    def fase_punten(self):
        return {
            fase: self.lines(self.cleaned_data.get(f"punten_{fase}", "")) for fase in Fase.values
        }

    @classmethod
    def initial_for(cls, sjabloon):
        initial = {"succesfactoren": "\n".join(f["naam"] for f in sjabloon.succesfactoren)}
        for fase in Fase.values:
            initial[f"punten_{fase}"] = "\n".join(sjabloon.fase_punten.get(fase, []))
        return initial


class BijeenkomstForm(forms.Form):
    """One proposed meeting of the template."""

    soort = forms.ChoiceField(label=_("Kind"), choices=BijeenkomstSoort.choices)
    titel = forms.CharField(label=_("Title"), max_length=200)
    week = forms.IntegerField(
        label=_("Week after the start"),
        validators=[MinValueValidator(0), MaxValueValidator(104)],
    )
    duur_minuten = forms.IntegerField(
        label=_("Duration (minutes)"), validators=[MinValueValidator(15), MaxValueValidator(600)]
    )
    herhalen = forms.IntegerField(
        label=_("Repeat (times)"),
        initial=0,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_HERHALEN)],
    )
    interval_weken = forms.IntegerField(
        label=_("Every … weeks"),
        initial=6,
        validators=[MinValueValidator(1), MaxValueValidator(52)],
    )


BijeenkomstFormSet = forms.formset_factory(
    BijeenkomstForm, extra=1, can_delete=True, max_num=20, validate_max=True
)
