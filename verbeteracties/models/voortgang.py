"""Progress of an action: dated updates with a status light, indicators and their metingen."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kern.concurrency import VersionedModel
from kern.tenancy import TenantModel, row_url

from .actie import Verbeteractie


class Licht(models.TextChoices):
    OP_KOERS = "op_koers", _("On track")
    AANDACHT = "aandacht", pgettext_lazy("status light", "Needs attention")
    ACHTER = "achter", _("Behind")


class Voortgang(TenantModel):
    """One dated update of an action by its owner."""

    shared_text_fields = ("tekst",)

    audited = True  # its changes go into the audit log (kern.writes)

    actie = models.ForeignKey(
        Verbeteractie, on_delete=models.CASCADE, related_name="updates", verbose_name=_("action")
    )
    datum = models.DateField(_("date"), default=timezone.localdate)
    licht = models.CharField(_("status light"), max_length=10, choices=Licht.choices)
    tekst = models.TextField(_("what happened"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("posted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["-datum", "-pk"]

    def __str__(self):
        return f"{self.actie}: {self.get_licht_display()} ({self.datum})"


class Indicator(TenantModel, VersionedModel):
    """Something measurable that shows whether the action works."""

    shared_text_fields = ("naam", "eenheid")

    audited = True  # its changes go into the audit log (kern.writes)

    actie = models.ForeignKey(
        Verbeteractie,
        on_delete=models.CASCADE,
        related_name="indicatoren",
        verbose_name=_("action"),
    )
    naam = models.CharField(_("name"), max_length=200)
    eenheid = models.CharField(
        _("unit"), max_length=50, help_text=_("For example: casussen, verwijzingen, mantelzorgers.")
    )
    nulmeting = models.DecimalField(
        _("baseline"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    streefwaarde = models.DecimalField(
        _("target"), max_digits=12, decimal_places=2, null=True, blank=True
    )

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.naam} ({self.eenheid})"


MAX_WAARDE = Decimal("9999999999.99")


class Meting(TenantModel):
    """One measured value of an indicator on a date."""

    shared_text_fields = ("toelichting",)

    audited = True  # its changes go into the audit log (kern.writes)

    indicator = models.ForeignKey(
        Indicator, on_delete=models.CASCADE, related_name="metingen", verbose_name=_("indicator")
    )
    datum = models.DateField(_("date"))
    waarde = models.DecimalField(_("value"), max_digits=12, decimal_places=2)
    toelichting = models.CharField(_("note"), max_length=300, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        ordering = ["datum", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "datum"], name="meting_een_per_dag")
        ]

    def __str__(self):
        return f"{self.indicator.naam} {self.datum}: {self.waarde}"

    @property
    def na_einde(self) -> bool:
        return self.indicator.actie.na_einde(self.datum)

    def clean(self):
        actie = self.indicator.actie
        if self.datum and (error := actie.meting_datum_error(self.datum)):
            raise ValidationError({"datum": error})


# Where the anonymisation check of stored texts sends the facilitator (casussen.scan).
Indicator.get_edit_url = row_url("verbeteracties:indicator_edit")
