"""Forms of the verbeteracties app: the action, its status, progress, indicators, metingen."""

import datetime

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django_scopes.forms import SafeModelChoiceField

from bijeenkomsten.models import Actiepunt, Bijeenkomst
from casussen.models import Casus, Inzicht, KnelpuntCategorie, Succesfactor
from gemeenten.forms.commitments import DateInput, OrganisatiesField
from gemeenten.models import Lidmaatschap, Organisatie, Proeftuin
from kern.concurrency import VersionedModelForm

from .models import MAX_WAARDE, Indicator, Licht, Status, Verbeteractie, verbeterperiode


class DecimalCommaField(forms.DecimalField):
    """A number as Dutch people type it: 12,5 as well as 12.5."""

    default_error_messages = {"invalid": _("Enter a number, such as 12 or 12,5.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 12)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str) and "," in value and "." not in value:
            value = value.replace(",", ".")
        return super().to_python(value)

    def validate(self, value):
        super().validate(value)
        if value is not None and abs(value) > MAX_WAARDE:
            raise forms.ValidationError(_("This number is too large."), code="too_large")


class VerbeteractieForm(VersionedModelForm):
    knelpunt_categorieen = forms.MultipleChoiceField(
        label=_("Bottleneck categories"),
        choices=KnelpuntCategorie.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The kinds of bottleneck this action answers."),
    )
    casussen = OrganisatiesField(
        Casus.objects.none(),
        required=False,
        label=_("Casussen it came from"),
        widget=forms.CheckboxSelectMultiple,
    )
    inzichten = OrganisatiesField(
        Inzicht.objects.none(),
        required=False,
        label=_("Insights it came from"),
        widget=forms.CheckboxSelectMultiple,
    )
    succesfactoren = OrganisatiesField(
        Succesfactor.objects.none(),
        required=False,
        label=_("Success factors it works on"),
        widget=forms.CheckboxSelectMultiple,
    )
    betrokken = OrganisatiesField(
        Organisatie.objects.none(),
        required=False,
        label=_("Organisations involved"),
        widget=forms.CheckboxSelectMultiple,
    )
    investeerders = OrganisatiesField(
        Organisatie.objects.none(),
        required=False,
        label=_("Who invests"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The partners that put time or money in; this feeds kosten en baten."),
    )
    baathebbers = OrganisatiesField(
        Organisatie.objects.none(),
        required=False,
        label=_("Who benefits"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The partners that gain from it; this feeds kosten en baten."),
    )

    class Meta:
        model = Verbeteractie
        fields = [
            "proeftuin",
            "titel",
            "beschrijving",
            "aanleiding",
            "eigenaar",
            "start",
            "eind",
            "beoogd_effect",
            "bijeenkomst",
            "gekozen_op",
            "gekozen_bij",
            "actiepunt",
        ]
        field_classes = {
            "proeftuin": SafeModelChoiceField,
            "eigenaar": SafeModelChoiceField,
            "bijeenkomst": SafeModelChoiceField,
            "actiepunt": SafeModelChoiceField,
        }
        labels = {
            "bijeenkomst": _("Meeting where it was chosen"),
            "gekozen_op": _("Date it was chosen"),
            "gekozen_bij": _("Where it was chosen"),
        }
        help_texts = {
            "bijeenkomst": _("The proeftuin's meeting where the group chose this action."),
            "gekozen_op": _("Only for a meeting that is not in the list above."),
            "gekozen_bij": _("Only for a meeting that is not in the list above."),
        }
        widgets = {
            "actiepunt": forms.HiddenInput,
            "start": DateInput,
            "eind": DateInput,
            "gekozen_op": DateInput,
            "beschrijving": forms.Textarea(attrs={"rows": 4}),
            "aanleiding": forms.Textarea(attrs={"rows": 3}),
            "beoogd_effect": forms.Textarea(attrs={"rows": 3}),
        }

    ORGANISATIE_ROLLEN = {
        "betrokken": "betrokken",
        "investeerders": "investeert",
        "baathebbers": "baat",
    }

    def __init__(
        self, *args, proeftuin=None, eigenaar=None, inzicht=None, actiepunt=None, **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.fields["casussen"].queryset = Casus.objects.zichtbaar().order_by("-pk")
        self.fields["inzichten"].queryset = Inzicht.objects.zichtbaar().order_by("-pk")
        proeftuinen = Proeftuin.objects.prefetch_related("overgangen")
        self.fields["proeftuin"].queryset = proeftuinen
        if len(proeftuinen) == 1:
            self.fields["proeftuin"].widget = forms.HiddenInput()
        self.fields["eigenaar"].queryset = Lidmaatschap.objects.select_related(
            "user", "organisatie"
        ).order_by("user__name")
        self.fields["eigenaar"].label_from_instance = lambda m: (
            f"{m.user}" + (f" ({m.organisatie})" if m.organisatie_id else "")
        )
        # The gemeente's meetings, newest first; a cancelled one only when it is already chosen.
        self.fields["bijeenkomst"].queryset = Bijeenkomst.objects.filter(
            Q(geannuleerd_at__isnull=True) | Q(pk=self.instance.bijeenkomst_id)
        ).order_by("-begin", "pk")
        self.fields["bijeenkomst"].label_from_instance = _meeting_label
        self.fields["bijeenkomst"].empty_label = _("— not chosen at a meeting in this list —")
        self.fields["actiepunt"].queryset = Actiepunt.objects.all()
        self.fields["succesfactoren"].queryset = Succesfactor.objects.filter(actief=True)
        for name in ("betrokken", "investeerders", "baathebbers"):
            self.fields[name].queryset = Organisatie.objects.order_by("naam")
        if self.instance.pk:
            if self.instance.bijeenkomst_id:
                # The date follows the linked meeting; the free fields are for other meetings.
                self.initial["gekozen_op"] = None
            self.initial["knelpunt_categorieen"] = self.instance.knelpunt_categorieen
            self.initial["succesfactoren"] = list(self.instance.succesfactoren.all())
            self.initial["casussen"] = list(self.instance.casussen.all())
            self.initial["inzichten"] = list(self.instance.inzichten.all())
            for name, rol in self.ORGANISATIE_ROLLEN.items():
                self.initial[name] = [
                    b.organisatie_id for b in self.instance.betrokkenheden.all() if b.rol == rol
                ]
        else:
            if proeftuin is not None:
                # A new instance gives empty initial values: these replace them.
                start, eind = verbeterperiode(proeftuin)
                self.initial.update({"proeftuin": proeftuin.pk, "start": start, "eind": eind})
            if eigenaar is not None:
                self.initial["eigenaar"] = eigenaar.pk
            if inzicht is not None:
                # Proposed from an inzicht: its casus, tags and words as the starting point.
                self.initial.update(
                    {
                        "inzichten": [inzicht.pk],
                        "casussen": [inzicht.casus_id],
                        "knelpunt_categorieen": list(inzicht.knelpunt_categorieen),
                        "succesfactoren": [s.pk for s in inzicht.succesfactoren.all()],
                        "aanleiding": inzicht.titel,
                    }
                )
            if actiepunt is not None:
                periode = (self.initial.get("start"), self.initial.get("eind"))
                self.initial.update(actiepunt_initial(actiepunt, *periode))

    def clean(self):
        cleaned = super().clean()
        start, eind = cleaned.get("start"), cleaned.get("eind")
        if start and eind and eind < start:
            self.add_error("eind", _("The end lies before the start."))
        bijeenkomst, proeftuin = cleaned.get("bijeenkomst"), cleaned.get("proeftuin")
        if bijeenkomst is not None:
            if proeftuin is not None and bijeenkomst.proeftuin_id != proeftuin.pk:
                self.add_error("bijeenkomst", _("This meeting belongs to another proeftuin."))
            elif cleaned.get("gekozen_bij"):
                self.add_error(
                    "gekozen_bij",
                    _(
                        "You chose a meeting from the list: leave this empty, or choose "
                        "no meeting from the list."
                    ),
                )
            else:
                # The linked meeting is the record; its date is the day it was chosen.
                cleaned["gekozen_op"] = timezone.localdate(bijeenkomst.begin)
        return cleaned

    def organisaties(self):
        return {rol: list(self.cleaned_data[name]) for name, rol in self.ORGANISATIE_ROLLEN.items()}

    def save(self, commit=True):
        self.instance.knelpunt_categorieen = self.cleaned_data["knelpunt_categorieen"]
        return super().save(commit=commit)


def _meeting_label(bijeenkomst):
    label = f"{date_format(timezone.localdate(bijeenkomst.begin), 'j F Y')} — {bijeenkomst.titel}"
    if bijeenkomst.is_geannuleerd:
        label = f"{label} ({_('cancelled')})"
    return label


def actiepunt_initial(actiepunt, start: datetime.date | None, eind: datetime.date | None) -> dict:
    """A proposal made from an actiepunt: its words as the title, its owner, its meeting; it
    starts no earlier than that meeting and leaves room until after the actiepunt's deadline."""
    initial = {
        "actiepunt": actiepunt.pk,
        "titel": actiepunt.omschrijving[:200],
        "bijeenkomst": actiepunt.bijeenkomst_id,
        "proeftuin": actiepunt.bijeenkomst.proeftuin_id,
    }
    if actiepunt.eigenaar_id:
        initial["eigenaar"] = actiepunt.eigenaar_id
    gekozen = timezone.localdate(actiepunt.bijeenkomst.begin)
    if start is not None and gekozen > start:
        start = initial["start"] = gekozen
    if actiepunt.deadline and (eind is None or eind <= actiepunt.deadline):
        # An action runs at least a month past the deadline of the point it grew from.
        eind = initial["eind"] = actiepunt.deadline + datetime.timedelta(days=30)
    if start is not None and eind is not None and eind < start:
        initial["eind"] = start
    return initial


class StatusForm(forms.Form):
    """Move an action on; a step outside the usual order comes back to be confirmed."""

    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)
    reden_gestopt = forms.CharField(
        label=_("Reason for stopping"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Only when you stop the action."),
    )
    bevestigd = forms.BooleanField(required=False, widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, actie, **kwargs):
        kwargs.setdefault(
            "initial",
            {
                "status": actie.status,
                "reden_gestopt": actie.reden_gestopt,
                "version": actie.version,
            },
        )
        kwargs.setdefault("auto_id", f"status-{actie.pk}-%s")
        super().__init__(*args, **kwargs)


class VoortgangForm(forms.Form):
    datum = forms.DateField(label=_("Date"), widget=DateInput)
    licht = forms.ChoiceField(
        label=_("How is it going?"), choices=Licht.choices, widget=forms.RadioSelect
    )
    tekst = forms.CharField(
        label=_("What happened"), max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, actie, **kwargs):
        super().__init__(*args, **kwargs)
        self.actie = actie

    def clean_datum(self):
        from django.utils import timezone

        datum = self.cleaned_data["datum"]
        if datum > timezone.localdate():
            raise forms.ValidationError(_("An update cannot be dated in the future."))
        return datum


class IndicatorForm(VersionedModelForm):
    nulmeting = DecimalCommaField(label=_("Baseline"), required=False)
    streefwaarde = DecimalCommaField(label=_("Target"), required=False)

    class Meta:
        model = Indicator
        fields = ["naam", "eenheid", "nulmeting", "streefwaarde"]


class MetingForm(forms.Form):
    datum = forms.DateField(label=_("Date"), widget=DateInput)
    waarde = DecimalCommaField(label=_("Value"))
    eenheid = forms.CharField(
        label=_("Unit"),
        max_length=50,
        required=False,
        help_text=_("Leave as it is: a value in another unit cannot be compared."),
    )
    toelichting = forms.CharField(label=_("Note"), max_length=300, required=False)

    def __init__(self, *args, indicator, **kwargs):
        kwargs.setdefault("auto_id", f"meting-{indicator.pk}-%s")
        super().__init__(*args, **kwargs)
        self.indicator = indicator
        self.fields["eenheid"].initial = indicator.eenheid

    def clean_eenheid(self):
        eenheid = self.cleaned_data["eenheid"].strip()
        if eenheid and eenheid.casefold() != self.indicator.eenheid.casefold():
            raise forms.ValidationError(
                _("This indicator is counted in %(eenheid)s, not in %(ander)s.")
                % {"eenheid": self.indicator.eenheid, "ander": eenheid}
            )
        return eenheid

    def clean_datum(self):
        datum = self.cleaned_data["datum"]
        actie = self.indicator.actie
        if error := actie.meting_datum_error(datum):
            raise forms.ValidationError(error)
        return datum


class UploadForm(forms.Form):
    bestand = forms.FileField(
        label=_("CSV file"),
        help_text=_("The same columns as the export of metingen; semicolons or commas."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )
