"""Forms for the proeftuin, the figures of the gemeenteprofiel and the readiness marks."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kern.concurrency import STALE_MESSAGE, VersionedModelForm

from ..models import Ingredient, Kengetal, Oordeel, Proeftuin


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
    """One figure of the gemeenteprofiel; each figure has its own form (prefix: its kind)."""

    class Meta:
        model = Kengetal
        fields = ["waarde", "bron", "jaar"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["waarde"].widget.attrs.update({"inputmode": "numeric", "min": 0})
        self.fields["jaar"].widget.attrs.update({"inputmode": "numeric"})

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
