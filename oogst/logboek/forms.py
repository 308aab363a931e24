"""The form of the combined Logboek Oogst: which proeftuinen, and a shared introduction."""

from django import forms
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Proeftuin


class ProeftuinChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.gemeente.naam} — {obj.naam} ({obj.start:%Y})"


class CombinedForm(forms.Form):
    proeftuinen = ProeftuinChoiceField(
        label=_("Proeftuinen"),
        queryset=Proeftuin.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose at least two, of gemeenten where you are the facilitator."),
    )
    inleiding = forms.CharField(
        label=_("Shared introduction"),
        required=False,
        max_length=20000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Opens the combined logboek, before the comparison and the parts."),
    )

    def __init__(self, *args, gemeente_ids, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proeftuinen"].queryset = (
            Proeftuin.objects.filter(gemeente_id__in=gemeente_ids)
            .select_related("gemeente")
            .order_by("gemeente__naam", "-start")
        )

    def clean_proeftuinen(self):
        proeftuinen = self.cleaned_data["proeftuinen"]
        if len(proeftuinen) < 2:
            raise forms.ValidationError(_("Choose at least two proeftuinen."))
        return proeftuinen
