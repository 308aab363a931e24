"""Forms for partner organisations, their contact person and their kerngroep."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from kern.concurrency import VersionedModelForm

from ..models import Kerngroeplid, Lidmaatschap, Organisatie


class OrganisatieForm(VersionedModelForm):
    class Meta:
        model = Organisatie
        fields = [
            "naam",
            "soort",
            "domein",
            "contactpersoon",
            "contactpersoon_naam",
            "contactpersoon_email",
        ]
        field_classes = {"contactpersoon": SafeModelChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["contactpersoon"].queryset = Lidmaatschap.objects.select_related("user")
        self.fields["contactpersoon"].empty_label = _("(none)")
        self.fields["contactpersoon_email"].widget.attrs["autocomplete"] = "off"

    def clean_naam(self):
        naam = " ".join(self.cleaned_data["naam"].split())
        # The gemeente is not a form field, so the model's unique constraint is not checked here;
        # the scope limits this query to the gemeente the form is for.
        others = Organisatie.objects.filter(naam__iexact=naam).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(
                _("There already is a partner called %(naam)s in this gemeente."),
                code="unique",
                params={"naam": naam},
            )
        return naam

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("contactpersoon") and cleaned.get("contactpersoon_naam", "").strip():
            self.add_error(
                "contactpersoon_naam",
                _("Choose a member or fill in a name, not both."),
            )
        return cleaned


class KerngroeplidForm(forms.ModelForm):
    class Meta:
        model = Kerngroeplid
        fields = ["lidmaatschap", "naam", "functie"]
        field_classes = {"lidmaatschap": SafeModelChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lidmaatschap"].queryset = Lidmaatschap.objects.select_related("user")
        self.fields["lidmaatschap"].empty_label = _("(someone without an account)")

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("lidmaatschap") and not cleaned.get("naam", "").strip():
            self.add_error("naam", _("Choose a member or fill in a name."))
        return cleaned

    def _post_clean(self):
        # The model's clean says the same without naming a field: say it once, at the name.
        if self.has_error("naam"):
            return
        super()._post_clean()
