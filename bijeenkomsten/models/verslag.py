"""The verslag of a meeting (concept, remarks of attendees, definitief, versions kept) and its
actiepunten."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from kern.concurrency import VersionedModel
from kern.tenancy import TenantModel, row_url

from .bijeenkomst import Bijeenkomst


class Verslag(TenantModel, VersionedModel):
    shared_text_fields = ("tekst",)

    # Every text of the verslag is kept as a VerslagVersie: no second copy in the history.
    keeps_own_history = True

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Draft")
        DEFINITIEF = "definitief", _("Final")

    bijeenkomst = models.OneToOneField(
        Bijeenkomst, on_delete=models.CASCADE, related_name="verslag", verbose_name=_("meeting")
    )
    tekst = models.TextField(_("text"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.CONCEPT
    )
    reacties_tot = models.DateField(
        _("remarks until"),
        null=True,
        blank=True,
        help_text=_("Attendees can propose changes and add remarks until this day."),
    )
    definitief_at = models.DateTimeField(_("final since"), null=True, blank=True)

    class Meta:
        verbose_name = _("minutes")
        verbose_name_plural = _("minutes")

    def __str__(self):
        return str(self.bijeenkomst)

    @property
    def is_definitief(self):
        return self.status == self.Status.DEFINITIEF

    @property
    def open_voor_reacties(self):
        return (
            not self.is_definitief
            and self.reacties_tot is not None
            and timezone.localdate() <= self.reacties_tot
        )


class VerslagVersie(TenantModel):
    """Every text the verslag has had, numbered; the last one of a final verslag is final."""

    shared_text_fields = ("tekst",)

    verslag = models.ForeignKey(Verslag, on_delete=models.CASCADE, related_name="versies")
    nummer = models.PositiveIntegerField(_("version"))
    tekst = models.TextField(_("text"))
    definitief = models.BooleanField(_("final"), default=False)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("version of the minutes")
        verbose_name_plural = _("versions of the minutes")
        ordering = ["-nummer"]
        constraints = [
            models.UniqueConstraint(fields=["verslag", "nummer"], name="verslagversie_uniek")
        ]

    def __str__(self):
        return f"{self.verslag} v{self.nummer}"


class Reactie(TenantModel):
    """An attendee's proposed change or remark on a concept verslag; the facilitator decides."""

    shared_text_fields = ("tekst",)

    class Soort(models.TextChoices):
        WIJZIGING = "wijziging", _("Proposed change")
        OPMERKING = "opmerking", _("Remark")

    class Besluit(models.TextChoices):
        OPEN = "open", _("Open")
        AANVAARD = "aanvaard", _("Accepted")
        AFGEWEZEN = "afgewezen", _("Declined")

    verslag = models.ForeignKey(Verslag, on_delete=models.CASCADE, related_name="reacties")
    soort = models.CharField(_("kind"), max_length=12, choices=Soort.choices)
    tekst = models.TextField(_("text"))
    besluit = models.CharField(
        _("decision"), max_length=10, choices=Besluit.choices, default=Besluit.OPEN
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    besloten_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = pgettext_lazy("on a verslag", "remark")
        verbose_name_plural = _("remarks")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_soort_display()} ({self.get_besluit_display()})"


class Actiepunt(TenantModel):
    """Something a member takes on at a meeting: owner, deadline, done.

    The verbeteracties app may turn an actiepunt into a verbeteractie: it points to the
    actiepunt it came from (``Verbeteractie.actiepunt``); this app does not import it.
    """

    shared_text_fields = ("omschrijving",)

    bijeenkomst = models.ForeignKey(
        Bijeenkomst, on_delete=models.CASCADE, related_name="actiepunten"
    )
    omschrijving = models.CharField(_("what"), max_length=300)
    eigenaar = models.ForeignKey(
        "gemeenten.Lidmaatschap",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="actiepunten",
        verbose_name=_("owner"),
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    gedaan_at = models.DateTimeField(_("done at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("action item")
        verbose_name_plural = _("action items")
        ordering = ["gedaan_at", "deadline", "pk"]

    def __str__(self):
        return self.omschrijving

    @property
    def is_gedaan(self):
        return self.gedaan_at is not None

    @property
    def is_te_laat(self):
        return (
            not self.is_gedaan
            and self.deadline is not None
            and self.deadline < timezone.localdate()
        )


# Where the anonymisation check of stored texts sends the facilitator (casussen.scan).
Verslag.get_absolute_url = row_url("bijeenkomsten:verslag", pk_from="bijeenkomst_id")
Actiepunt.get_edit_url = row_url("bijeenkomsten:actiepunten", pk_from="bijeenkomst_id")
