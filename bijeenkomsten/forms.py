"""Forms of the bijeenkomsten app. Times are entered and shown in Europe/Amsterdam (the active
time zone); a time that does not exist or occurs twice on a DST day is refused by the field."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from casussen.models import Casus
from gemeenten.forms.commitments import OrganisatiesField
from gemeenten.models import Lidmaatschap, Organisatie, Proeftuin
from kern.concurrency import VersionedModelForm
from kern.select import Select, ValuesModelChoiceField

from .models import Actiepunt, Agendapunt, Antwoord, Bijeenkomst, Gast, Reactie, Soort, Verslag

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
YEARS = (2000, 2100)


class LedenField(OrganisatiesField):
    """Several members by id; an id beyond the database's integers is refused like any other
    unknown one (the check is the partners' field's, which works for any model)."""


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format=DATETIME_FORMAT, **kwargs)


class BijeenkomstForm(VersionedModelForm):
    online_link = forms.URLField(
        label=_("online link"), max_length=500, required=False, assume_scheme="https"
    )
    herhalen = forms.IntegerField(
        label=_("Repeat every six weeks, this many more times"),
        min_value=0,
        max_value=12,
        required=False,
        help_text=_("For the six-weekly meeting: plans a series in one go."),
    )
    achteraf = forms.BooleanField(
        label=_("This meeting has already been held: record it afterwards"),
        required=False,
        help_text=_(
            "For a proeftuin that started before this tool: the meeting is marked as recorded "
            "afterwards, nobody is invited, and you add who was there and the minutes."
        ),
    )

    class Meta:
        model = Bijeenkomst
        fields = [
            "proeftuin",
            "soort",
            "titel",
            "begin",
            "eind",
            "locatie",
            "online_link",
            "beschrijving",
            "casus_deadline",
        ]
        field_classes = {"proeftuin": SafeModelChoiceField}
        widgets = {
            "begin": DateTimeInput(),
            "eind": DateTimeInput(),
            "casus_deadline": DateTimeInput(),
            "beschrijving": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proeftuin"].queryset = Proeftuin.objects.order_by("-start")
        self.fields["proeftuin"].empty_label = None  # the newest is chosen
        self.fields["casus_deadline"].required = False
        for name in ("begin", "eind", "casus_deadline"):
            self.fields[name].input_formats = [DATETIME_FORMAT, "%Y-%m-%d %H:%M"]
        if self.instance.pk:
            del self.fields["herhalen"]
            del self.fields["proeftuin"]
            del self.fields["achteraf"]

    def clean_titel(self):
        return " ".join(self.cleaned_data["titel"].split())

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("achteraf"):
            # Read by the model's clean(), which runs after this one.
            self.instance.achteraf = True
            eind = cleaned.get("eind")
            if eind is not None and eind > timezone.now():
                self.add_error("eind", _("A meeting recorded afterwards has already ended."))
            if cleaned.get("herhalen"):
                self.add_error("herhalen", _("A meeting recorded afterwards is not repeated."))
        return cleaned

    def _clean_moment(self, name):
        value = self.cleaned_data.get(name)
        if value is not None and not (YEARS[0] <= value.year <= YEARS[1]):
            raise forms.ValidationError(
                _("Choose a moment between the years %(first)d and %(last)d."),
                code="out_of_range",
                params={"first": YEARS[0], "last": YEARS[1]},
            )
        return value

    def clean_begin(self):
        return self._clean_moment("begin")

    def clean_eind(self):
        return self._clean_moment("eind")

    def clean_casus_deadline(self):
        return self._clean_moment("casus_deadline")


class AgendapuntForm(forms.ModelForm):
    """An agenda item: a title, or a submitted casus of the proeftuin (then the title may stay
    empty and becomes the casus's number)."""

    class Meta:
        model = Agendapunt
        fields = ["titel", "casus", "duur_minuten"]
        # The casus options from one list of values (issue 9), with a select written out.
        field_classes = {"casus": ValuesModelChoiceField}
        widgets = {"casus": Select}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bijeenkomst = self.instance.bijeenkomst
        self.fields["titel"].required = False
        self.fields["casus"].queryset = (
            Casus.objects.ingediend().zichtbaar().filter(proeftuin=bijeenkomst.proeftuin_id)
        )
        self.fields["casus"].empty_label = _("(no casus)")
        self.fields["casus"].label_columns = ("pk", "titel")
        self.fields["casus"].label_from_values = lambda pk, titel: f"#{pk} {titel}"

    def clean_titel(self):
        return " ".join(self.cleaned_data["titel"].split())

    def clean(self):
        from .services import casus_titel

        cleaned = super().clean()
        titel, casus = cleaned.get("titel"), cleaned.get("casus")
        bijeenkomst = self.instance.bijeenkomst
        if casus is not None:
            if bijeenkomst.agendapunten.filter(casus=casus).exists():
                self.add_error("casus", _("This casus is already on the agenda."))
            if not titel:
                titel = cleaned["titel"] = casus_titel(casus)
        if not titel and "titel" not in self.errors:
            self.add_error("titel", _("Fill in a title or choose a casus."))
        elif titel and bijeenkomst.agendapunten.filter(titel__iexact=titel).exists():
            self.add_error(
                "titel",
                forms.ValidationError(
                    _("%(titel)s is already on the agenda."), code="unique", params={"titel": titel}
                ),
            )
        return cleaned


class InbrengForm(forms.Form):
    """One's own submitted casussen of the proeftuin, to bring to a meeting."""

    casus = ValuesModelChoiceField(
        queryset=Casus.objects.none(), label_columns=("titel",), label=_("Your submitted casus")
    )

    def __init__(self, *args, bijeenkomst, user, **kwargs):
        # The meeting page also holds the agenda form with its own casus field: ids of our own.
        kwargs.setdefault("auto_id", "id_inbreng_%s")
        super().__init__(*args, **kwargs)
        self.fields["casus"].queryset = (
            Casus.objects.ingediend()
            .zichtbaar()
            .filter(proeftuin=bijeenkomst.proeftuin_id, auteur=user)
            .exclude(inbreng__bijeenkomst=bijeenkomst)
        )


class UitnodigenForm(forms.Form):
    leden = LedenField(
        queryset=Lidmaatschap.objects.none(),
        label=_("Who"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one member.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leden"].queryset = Lidmaatschap.objects.select_related("user", "organisatie")
        self.fields["leden"].label_from_instance = lambda m: (
            f"{m.user} — {m.get_role_display()}"
            + (f", {m.organisatie}" if m.organisatie_id else "")
        )


class AanmeldenForm(forms.Form):
    antwoord = forms.ChoiceField(choices=Antwoord.choices)


class AanwezigheidForm(forms.Form):
    aanwezig = LedenField(
        queryset=Lidmaatschap.objects.none(),
        label=_("Present"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["aanwezig"].queryset = Lidmaatschap.objects.select_related(
            "user", "organisatie"
        )
        self.fields["aanwezig"].label_from_instance = lambda m: (
            f"{m.user}" + (f" — {m.organisatie}" if m.organisatie_id else "")
        )


class GastForm(forms.ModelForm):
    class Meta:
        model = Gast
        fields = ["naam", "organisatie", "organisatie_naam", "discipline"]
        field_classes = {"organisatie": SafeModelChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = Organisatie.objects.all()
        self.fields["organisatie"].empty_label = _("(not a partner)")

    def clean_naam(self):
        return " ".join(self.cleaned_data["naam"].split())


class VerslagForm(VersionedModelForm):
    class Meta:
        model = Verslag
        fields = ["tekst", "reacties_tot"]
        widgets = {
            "tekst": forms.Textarea(attrs={"rows": 14}),
            "reacties_tot": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }


class ReactieForm(forms.ModelForm):
    class Meta:
        model = Reactie
        fields = ["soort", "tekst"]
        widgets = {"tekst": forms.Textarea(attrs={"rows": 3})}


class BesluitForm(forms.Form):
    besluit = forms.ChoiceField(
        choices=[
            (Reactie.Besluit.AANVAARD, Reactie.Besluit.AANVAARD.label),
            (Reactie.Besluit.AFGEWEZEN, Reactie.Besluit.AFGEWEZEN.label),
        ]
    )


class ActiepuntForm(forms.ModelForm):
    class Meta:
        model = Actiepunt
        fields = ["omschrijving", "eigenaar", "deadline"]
        field_classes = {"eigenaar": SafeModelChoiceField}
        widgets = {"deadline": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["eigenaar"].queryset = Lidmaatschap.objects.select_related("user")
        self.fields["eigenaar"].label_from_instance = lambda m: str(m.user)
        self.fields["eigenaar"].empty_label = _("(nobody yet)")


class GedaanForm(forms.Form):
    gedaan = forms.BooleanField(required=False)


__all__ = ["Soort"]
