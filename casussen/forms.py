"""Forms of the casussen app: the casus with its knelpunten, an inzicht, moderation, the
succesfactoren taxonomy."""

from django import forms
from django.core import validators
from django.forms import inlineformset_factory
from django.utils.translation import gettext_lazy as _

from gemeenten.forms.commitments import OrganisatiesField as IdsField
from kern.concurrency import VersionedModelForm

from . import gate
from .models import Casus, Inzicht, Knelpunt, KnelpuntCategorie, Succesfactor

TEXTAREA = {"rows": 4}


def mark_gated(form, names):
    """The live check listens to fields with the class ``gated``; none is longer than the gate
    checks (``gate.MAX_TEXT``)."""
    for name in names:
        if name in form.fields:
            field = form.fields[name]
            widget = field.widget
            widget.attrs["class"] = (widget.attrs.get("class", "") + " gated").strip()
            if field.max_length is None or field.max_length > gate.MAX_TEXT:
                field.max_length = gate.MAX_TEXT
                field.validators.append(validators.MaxLengthValidator(gate.MAX_TEXT))
                widget.attrs["maxlength"] = str(gate.MAX_TEXT)


class CasusForm(VersionedModelForm):
    class Meta:
        model = Casus
        fields = [
            "titel",
            "leeftijdscategorie",
            "ziektebeeld",
            "ziektebeeld_anders",
            "woonsituatie",
            "naasten",
            "dimensie_fysiek",
            "dimensie_psychisch",
            "dimensie_sociaal",
            "dimensie_zingeving",
            "disciplines",
            "verloop",
            "wat_hielp",
            "vragen",
            "anders_beter",
        ]
        widgets = {
            name: forms.Textarea(attrs=TEXTAREA)
            for name in ("naasten", "disciplines", "verloop", "wat_hielp", "vragen", "anders_beter")
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mark_gated(self, Casus.TEXT_FIELDS)

    def text_fields(self):
        """HTML name → label of every free-text field (what the gate checks)."""
        return {
            self.add_prefix(name): str(self.fields[name].label)
            for name in Casus.TEXT_FIELDS
            if name in self.fields
        }


class KnelpuntForm(forms.ModelForm):
    class Meta:
        model = Knelpunt
        fields = ["categorie", "toelichting"]
        widgets = {"toelichting": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mark_gated(self, ["toelichting"])


# absolute_max: a posted TOTAL_FORMS of thousands must not build (and render) thousands of forms.
KnelpuntFormSet = inlineformset_factory(
    Casus,
    Knelpunt,
    form=KnelpuntForm,
    extra=2,
    max_num=20,
    absolute_max=22,
    validate_max=True,
    can_delete=True,
)


def knelpunt_text_fields(formset):
    return {
        form.add_prefix("toelichting"): f"{_('Bottleneck')} {i}: {form.fields['toelichting'].label}"
        for i, form in enumerate(formset.forms, start=1)
    }


class InzichtForm(VersionedModelForm):
    # Both many-to-manys run through tenant rows: the service sets them.
    succesfactoren = IdsField(
        Succesfactor.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Success factors"),
    )
    knelpunt_categorieen = forms.MultipleChoiceField(
        choices=KnelpuntCategorie.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Bottleneck categories"),
    )
    knelpunten = IdsField(
        Knelpunt.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("About these bottlenecks of the casus"),
    )

    class Meta:
        model = Inzicht
        fields = ["titel", "toelichting", "knelpunt_categorieen"]
        widgets = {"toelichting": forms.Textarea(attrs=TEXTAREA)}

    def __init__(self, *args, casus, **kwargs):
        super().__init__(*args, **kwargs)
        tagged = self.instance.succesfactoren.all() if self.instance.pk else []
        self.fields["succesfactoren"].queryset = Succesfactor.objects.filter(
            pk__in=[s.pk for s in tagged]
        ) | Succesfactor.objects.filter(actief=True)
        self.fields["knelpunten"].queryset = Knelpunt.objects.filter(casus=casus)
        self.fields["knelpunten"].label_from_instance = lambda k: (
            f"{k.get_categorie_display()}: {k.toelichting[:80]}" if k.toelichting else str(k)
        )
        if self.instance.pk:
            self.fields["succesfactoren"].initial = [s.pk for s in tagged]
            self.fields["knelpunten"].initial = list(
                self.instance.knelpunten.values_list("pk", flat=True)
            )
        if not self.fields["knelpunten"].queryset.exists():
            del self.fields["knelpunten"]
        mark_gated(self, Inzicht.TEXT_FIELDS)

    def text_fields(self):
        return {self.add_prefix(name): str(self.fields[name].label) for name in Inzicht.TEXT_FIELDS}


class TerugsturenForm(forms.Form):
    opmerking = forms.CharField(
        label=_("Remark for the author"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("What should change before the casus can be discussed."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mark_gated(self, ["opmerking"])

    def text_fields(self):
        return {"opmerking": str(self.fields["opmerking"].label)}


class SuccesfactorForm(forms.ModelForm):
    class Meta:
        model = Succesfactor
        fields = ["naam", "omschrijving", "volgorde", "actief"]
        widgets = {"omschrijving": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, gemeente, **kwargs):
        super().__init__(*args, **kwargs)
        self.gemeente = gemeente

    def clean_naam(self):
        naam = self.cleaned_data["naam"].strip()
        others = Succesfactor.objects.filter(naam__iexact=naam)
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(_("This success factor already exists."))
        return naam
