"""Forms of the oogst's content: its texts, a les, a verhaal, a borging, a vervolgafspraak.
The free text of lessen and verhalen goes through the anonymisation gate (``text_fields``)."""

from django import forms
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from casussen.forms import mark_gated
from casussen.models import Succesfactor
from gemeenten.forms.commitments import DateInput, OrganisatiesField
from gemeenten.models import Organisatie
from kern.concurrency import VersionedModelForm
from verbeteracties.models import Verbeteractie

from .models import Borging, Les, Oogst, Verhaal, Vervolgafspraak

MAX_TEXT = 8000


class _GatedForm(VersionedModelForm):
    GATED: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mark_gated(self, self.GATED)

    def text_fields(self):
        """HTML name → label of every field the gate checks."""
        return {self.add_prefix(n): str(self.fields[n].label) for n in self.GATED}


class OogstForm(VersionedModelForm):
    class Meta:
        model = Oogst
        fields = ["voorwoord", "hoe_verder"]
        widgets = {
            "voorwoord": forms.Textarea(attrs={"rows": 8, "maxlength": MAX_TEXT}),
            "hoe_verder": forms.Textarea(attrs={"rows": 8, "maxlength": MAX_TEXT}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("voorwoord", "hoe_verder"):
            self.fields[name].max_length = MAX_TEXT
            self.fields[name].validators.append(MaxLengthValidator(MAX_TEXT))


class LesForm(_GatedForm):
    GATED = Les.shared_text_fields
    field_order = ["titel", "tekst", "succesfactoren", "verbeteractie"]

    succesfactoren = OrganisatiesField(
        Succesfactor.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Success factors"),
        help_text=_("What this lesson is about."),
    )
    verbeteractie = SafeModelChoiceField(
        Verbeteractie.objects.none(),
        required=False,
        label=_("Improvement action"),
        help_text=_("The action this lesson comes from, if any."),
        empty_label=_("(none)"),
    )

    class Meta:
        model = Les
        fields = ["titel", "tekst", "verbeteractie"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, proeftuin, **kwargs):
        super().__init__(*args, **kwargs)
        tagged = list(self.instance.succesfactoren.all()) if self.instance.pk else []
        # The gemeente's active taxonomy, plus retired factors this lesson already carries.
        self.fields["succesfactoren"].queryset = Succesfactor.objects.filter(
            pk__in=[s.pk for s in tagged]
        ) | Succesfactor.objects.filter(actief=True)
        if self.instance.pk:
            self.fields["succesfactoren"].initial = [s.pk for s in tagged]
        self.fields["verbeteractie"].queryset = (
            Verbeteractie.objects.levend().filter(proeftuin=proeftuin).order_by("titel")
        )


class VerhaalForm(_GatedForm):
    GATED = Verhaal.shared_text_fields

    class Meta:
        model = Verhaal
        fields = ["soort", "titel", "tekst", "wie", "toestemming", "toestemming_hoe"]
        widgets = {
            "soort": forms.RadioSelect,
            "tekst": forms.Textarea(attrs={"rows": 6}),
        }
        help_texts = {
            "toestemming": _(
                "Only a verhaal with consent is shown to the members and printed in the logboek."
            ),
        }


class BorgingForm(VersionedModelForm):
    door = SafeModelChoiceField(
        Organisatie.objects.none(), required=False, label=_("Embedded by"), empty_label=_("(none)")
    )

    class Meta:
        model = Borging
        fields = ["stand", "door", "werkproces", "waarom_niet"]
        widgets = {
            "stand": forms.RadioSelect,
            "waarom_niet": forms.Textarea(attrs={"rows": 3, "maxlength": MAX_TEXT}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["door"].queryset = Organisatie.objects.order_by("naam")
        self.fields["waarom_niet"].max_length = MAX_TEXT
        self.fields["waarom_niet"].validators.append(MaxLengthValidator(MAX_TEXT))
        self.fields["stand"].choices = Borging.Stand.choices


class VervolgafspraakForm(VersionedModelForm):
    organisatie = SafeModelChoiceField(
        Organisatie.objects.none(), required=False, label=_("Organisation"), empty_label=_("(none)")
    )

    class Meta:
        model = Vervolgafspraak
        fields = ["soort", "wat", "wie", "organisatie", "wanneer", "ritme"]
        widgets = {"wanneer": DateInput}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = Organisatie.objects.order_by("naam")
        self.fields["soort"].choices = Vervolgafspraak.Soort.choices
