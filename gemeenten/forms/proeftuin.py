"""Forms for the proeftuin, the figures of the gemeenteprofiel and the readiness marks."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kern.concurrency import STALE_MESSAGE, VersionedModelForm
from kern.forms import DutchNumberField

from ..models import Fase, Ingredient, Kengetal, Oordeel, Proeftuin


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class ProeftuinForm(VersionedModelForm):
    class Meta:
        model = Proeftuin
        fields = ["naam", "thema", "start", "eind", "trekker"]
        widgets = {"start": DateInput, "eind": DateInput}
        help_texts = {"thema": _("The question the proeftuin works on, in a few words.")}


class KengetalForm(VersionedModelForm):
    """One figure of the gemeenteprofiel, a part of ``ProfielForm`` (prefix: its kind)."""

    # Typed as people copy it from CBS StatLine or a report: 58.700, 58 700 or 58700.
    waarde = DutchNumberField(
        label=_("Value"), whole=True, min_value=0, max_value=Kengetal.MAX_WAARDE
    )

    class Meta:
        model = Kengetal
        fields = ["waarde", "bron", "jaar"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["jaar"].widget.attrs.update({"inputmode": "numeric"})
        self.fields["bron"].help_text = ""  # said once above the form, not at every figure

    def clean_jaar(self):
        jaar = self.cleaned_data["jaar"]
        if jaar is not None and jaar > timezone.localdate().year:
            raise forms.ValidationError(_("The year of a figure cannot lie in the future."))
        return jaar

    def clean(self):
        cleaned = super().clean()
        # Two people entering the same new figure at once: the second sees the first's.
        if not self.instance.pk and Kengetal.objects.filter(soort=self.instance.soort).exists():
            raise forms.ValidationError(STALE_MESSAGE, code="stale")
        return cleaned


class ProfielForm:
    """The whole gemeenteprofiel as one form: a ``KengetalForm`` per figure, posted, checked
    and saved together (``services.profiel_save``), so that one mistake saves nothing and
    shows at its field. A figure not entered yet may stay empty; an entered one may not be
    emptied."""

    def __init__(self, data=None, *, kengetallen, gemeente):
        self.forms = {}
        for soort in Kengetal.Soort:
            instance = kengetallen.get(soort) or Kengetal(gemeente=gemeente, soort=soort)
            self.forms[soort] = KengetalForm(
                data,
                instance=instance,
                prefix=soort.value,
                empty_permitted=instance.pk is None,
                use_required_attribute=False,
            )

    def __iter__(self):
        return iter(self.forms.items())

    def is_valid(self) -> bool:
        valid = [form.is_valid() for form in self.forms.values()]  # every mistake shown at once
        return all(valid)

    @property
    def errors(self) -> bool:
        return any(form.errors for form in self.forms.values())

    def changed(self) -> list[KengetalForm]:
        return [form for form in self.forms.values() if form.has_changed()]


class BeoordelingForm(forms.Form):
    """The facilitator's mark on one ingredient; ``accept`` takes the app's proposal instead."""

    ingredient = forms.ChoiceField(choices=Ingredient.choices, widget=forms.HiddenInput)
    oordeel = forms.ChoiceField(
        label=_("Mark"), choices=[("", _("— choose —")), *Oordeel.choices], required=False
    )
    opmerking = forms.CharField(
        label=_("Remark"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )
    accept = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, voorstel=None, **kwargs):
        self.voorstel = voorstel
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("accept"):
            if self.voorstel is None:
                raise forms.ValidationError(_("There is no proposal for this ingredient."))
            cleaned["oordeel"] = self.voorstel.oordeel
        elif not cleaned.get("oordeel") and "oordeel" not in self.errors:
            self.add_error("oordeel", _("Choose a mark."))
        return cleaned


class FaseTerugForm(forms.Form):
    """Undo the last phase step: the phase seen, and why."""

    van = forms.ChoiceField(choices=Fase.choices, widget=forms.HiddenInput)
    reden = forms.CharField(
        label=_("Why is the step undone?"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Kept in the phase history beside the step it undoes."),
    )
