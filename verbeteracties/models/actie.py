"""The verbeteractie: what a proeftuin improves, why, by whom, for whom, and how far it is."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bijeenkomsten.models import Actiepunt, Bijeenkomst
from casussen.models import Casus, Inzicht, KnelpuntCategorie, Succesfactor
from gemeenten.models import Fase, Lidmaatschap, Organisatie, Proeftuin
from kern.concurrency import VersionedModel
from kern.history import Extra, choice_list, many, related_names
from kern.tenancy import TenantModel, row_url, scoped_manager

# The verbeteren phase lasts half a year (DESIGN.md); before it starts, the proeftuin's own
# timetable places it about 130 days after the start (gemeenten.demo_proeftuin.FASE_START).
HALF_JAAR = datetime.timedelta(days=182)
VERBETEREN_NA_START = datetime.timedelta(days=130)


def verbeterperiode(proeftuin: Proeftuin) -> tuple[datetime.date, datetime.date]:
    """The verbeteren half-year of a proeftuin: from the day it entered the phase (or the
    planned day), six months on, never past the proeftuin's end. Reads prefetched
    ``overgangen`` when they are there."""
    start = None
    for overgang in proeftuin.overgangen.all():
        if overgang.naar == Fase.VERBETEREN:
            start = timezone.localdate(overgang.at)
    start = start or proeftuin.start + VERBETEREN_NA_START
    eind = min(start + HALF_JAAR, proeftuin.eind)
    return start, max(eind, start)


class Status(models.TextChoices):
    IDEE = "idee", _("Idea")
    GEPLAND = "gepland", _("Planned")
    LOOPT = "loopt", _("Running")
    AFGEROND = "afgerond", _("Completed")
    GEBORGD = "geborgd", _("Embedded")
    GESTOPT = "gestopt", _("Stopped")


# The steps that make sense without asking: one forward, one back, stopping (with a reason)
# from anything not yet finished, and picking a stopped action up again.
OVERGANGEN = {
    Status.IDEE: {Status.GEPLAND, Status.GESTOPT},
    Status.GEPLAND: {Status.IDEE, Status.LOOPT, Status.GESTOPT},
    Status.LOOPT: {Status.GEPLAND, Status.AFGEROND, Status.GESTOPT},
    Status.AFGEROND: {Status.LOOPT, Status.GEBORGD},
    Status.GEBORGD: {Status.AFGEROND},
    Status.GESTOPT: {Status.IDEE, Status.GEPLAND, Status.LOOPT},
}


class VerbeteractieQuerySet(models.QuerySet):
    def levend(self):
        """Not deleted (a deleted action waits in the bin until someone undoes it)."""
        return self.filter(deleted_at__isnull=True)

    def verwijderd(self):
        return self.filter(deleted_at__isnull=False)

    def voor_overzicht(self):
        """With everything the board, lists, timeline and roll-ups read, in a fixed number of
        queries whatever the number of actions."""
        return self.select_related("eigenaar__user", "eigenaar__organisatie", "proeftuin")
        # prefetches are added by the caller, inside the scope (see verbeteracties.overzicht)


class Verbeteractie(TenantModel, VersionedModel):
    shared_text_fields = (
        "titel",
        "beschrijving",
        "aanleiding",
        "beoogd_effect",
        "gekozen_bij",
        "reden_gestopt",
    )

    audited = True  # its changes go into the audit log (kern.writes)
    proeftuin = models.ForeignKey(
        Proeftuin,
        on_delete=models.CASCADE,
        related_name="verbeteracties",
        verbose_name=_("proeftuin"),
    )
    titel = models.CharField(_("title"), max_length=200)
    beschrijving = models.TextField(_("description"), blank=True)
    aanleiding = models.TextField(
        _("reason"),
        blank=True,
        help_text=_("What in the casussen and meetings led to this action."),
    )
    casussen = models.ManyToManyField(
        Casus,
        through="ActieCasus",
        blank=True,
        related_name="+",
        verbose_name=_("casussen it came from"),
    )
    inzichten = models.ManyToManyField(
        Inzicht,
        through="ActieInzicht",
        blank=True,
        related_name="+",
        verbose_name=_("insights it came from"),
    )
    knelpunt_categorieen = models.JSONField(
        _("bottleneck categories"),
        default=list,
        blank=True,
        help_text=_("The kinds of bottleneck this action answers."),
    )
    succesfactoren = models.ManyToManyField(
        Succesfactor,
        through="ActieSuccesfactor",
        blank=True,
        related_name="+",
        verbose_name=_("success factors"),
    )
    eigenaar = models.ForeignKey(
        Lidmaatschap,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("owner"),
        help_text=_("The member who keeps this action going and posts its progress."),
    )
    start = models.DateField(_("start"))
    eind = models.DateField(_("end"))
    beoogd_effect = models.TextField(_("intended effect"), blank=True)
    gekozen_op = models.DateField(
        _("chosen on"), null=True, blank=True, help_text=_("The meeting where it was chosen.")
    )
    gekozen_bij = models.CharField(_("chosen at"), max_length=200, blank=True)
    bijeenkomst = models.ForeignKey(
        Bijeenkomst,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("meeting where it was chosen"),
    )
    actiepunt = models.ForeignKey(
        Actiepunt,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("action item it came from"),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default="idee")
    reden_gestopt = models.TextField(_("reason for stopping"), blank=True)
    herinnerd_op = models.DateTimeField(
        _("reminded at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The last reminder about missing progress, so each silence gets one."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("proposed by"),
    )
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("deleted by"),
    )

    objects = scoped_manager(VerbeteractieQuerySet)

    class Meta:
        verbose_name = _("improvement action")
        verbose_name_plural = _("improvement actions")
        ordering = ["start", "titel", "pk"]
        # The board, list and timeline: a proeftuin's actions in order (issue 9).
        indexes = [
            models.Index(fields=["gemeente", "proeftuin", "start"], name="verbeteractie_bord_idx")
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(eind__gte=models.F("start")), name="verbeteractie_eind_na_start"
            )
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse(
            "verbeteracties:detail", kwargs={"gemeente_slug": self.gemeente.slug, "pk": self.pk}
        )

    def clean(self):
        errors = {}
        if self.start and self.eind and self.eind < self.start:
            errors["eind"] = _("The end lies before the start.")
        if self.status == Status.GESTOPT and not self.reden_gestopt.strip():
            errors["reden_gestopt"] = _("Say why the action was stopped.")
        if errors:
            raise ValidationError(errors)

    def is_sensible_step(self, status) -> bool:
        return status == self.status or Status(status) in OVERGANGEN[Status(self.status)]

    @property
    def categorie_labels(self):
        return [
            KnelpuntCategorie(c).label
            for c in self.knelpunt_categorieen
            if c in KnelpuntCategorie.values
        ]

    def organisaties(self, rol):
        """The organisations in one role, from prefetched ``betrokkenheden``."""
        return [b.organisatie for b in self.betrokkenheden.all() if b.rol == rol]

    @property
    def betrokken(self):
        return self.organisaties(ActieOrganisatie.Rol.BETROKKEN)

    @property
    def investeerders(self):
        return self.organisaties(ActieOrganisatie.Rol.INVESTEERT)

    @property
    def baathebbers(self):
        return self.organisaties(ActieOrganisatie.Rol.BAAT)

    def na_einde(self, datum: datetime.date) -> bool:
        """A meting on this date lies after the end: allowed (a result is often measured later),
        and marked where metingen are shown."""
        return datum > self.eind

    def meting_datum_error(self, datum: datetime.date) -> str | None:
        """Why a meting cannot carry this date, or None. Before the start a value is no result
        of this action; after the end it is (see `na_einde`)."""
        if datum < self.start:
            return _("This date lies before the start of the action (%(start)s).") % {
                "start": self.start.strftime("%d-%m-%Y")
            }
        return None

    def is_past_end(self, today=None):
        today = today or timezone.localdate()
        return self.status in (Status.IDEE, Status.GEPLAND, Status.LOOPT) and self.eind < today


class ActieSuccesfactor(TenantModel):
    """A success factor an action works on."""

    actie = models.ForeignKey(Verbeteractie, on_delete=models.CASCADE, related_name="+")
    succesfactor = models.ForeignKey(Succesfactor, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("success factor of an action")
        verbose_name_plural = _("success factors of actions")
        constraints = [
            models.UniqueConstraint(fields=["actie", "succesfactor"], name="actiesucces_uniek")
        ]

    def __str__(self):
        return f"{self.actie} — {self.succesfactor}"


class ActieOrganisatie(TenantModel):
    """An organisation involved in an action: taking part, investing, or benefiting (the last
    two are the action's kosten en baten)."""

    class Rol(models.TextChoices):
        BETROKKEN = "betrokken", _("involved")
        INVESTEERT = "investeert", _("invests")
        BAAT = "baat", pgettext_lazy("organisation in an action", "benefits")

    actie = models.ForeignKey(
        Verbeteractie, on_delete=models.CASCADE, related_name="betrokkenheden"
    )
    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="+")
    rol = models.CharField(_("role"), max_length=10, choices=Rol.choices)

    class Meta:
        verbose_name = _("organisation of an action")
        verbose_name_plural = _("organisations of actions")
        ordering = ["organisatie__naam"]
        constraints = [
            models.UniqueConstraint(
                fields=["actie", "organisatie", "rol"], name="actieorganisatie_uniek"
            )
        ]

    def __str__(self):
        return f"{self.organisatie} ({self.get_rol_display()}) — {self.actie}"


class ActieCasus(TenantModel):
    """A casus an action came from."""

    actie = models.ForeignKey(Verbeteractie, on_delete=models.CASCADE, related_name="+")
    casus = models.ForeignKey(Casus, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("casus of an action")
        verbose_name_plural = _("casussen of actions")
        constraints = [models.UniqueConstraint(fields=["actie", "casus"], name="actiecasus_uniek")]

    def __str__(self):
        return f"{self.actie_id} – {self.casus_id}"


class ActieInzicht(TenantModel):
    """An insight an action came from."""

    actie = models.ForeignKey(Verbeteractie, on_delete=models.CASCADE, related_name="+")
    inzicht = models.ForeignKey(Inzicht, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("insight of an action")
        verbose_name_plural = _("insights of actions")
        constraints = [
            models.UniqueConstraint(fields=["actie", "inzicht"], name="actieinzicht_uniek")
        ]

    def __str__(self):
        return f"{self.actie_id} – {self.inzicht_id}"


def _organisaties(rol, label):
    """The organisations of an action in one role, for its history (by key, shown by name)."""

    def read(actie):
        return sorted(actie.betrokkenheden.filter(rol=rol).values_list("organisatie_id", flat=True))

    return Extra(
        label=label, read=read, show=lambda value, model: related_names(Organisatie, value)
    )


Verbeteractie.history_extras = {
    "betrokken": _organisaties(ActieOrganisatie.Rol.BETROKKEN, _("Organisations involved")),
    "investeert": _organisaties(ActieOrganisatie.Rol.INVESTEERT, _("Who invests")),
    "baat": _organisaties(ActieOrganisatie.Rol.BAAT, _("Who benefits")),
    "succesfactoren": many("succesfactoren"),
    # Casussen and inzichten by number only: their titles are casus text.
    "casussen": many("casussen", by_key=True),
    "inzichten": many("inzichten", by_key=True),
    "knelpunt_categorieen": choice_list(KnelpuntCategorie, field_name="knelpunt_categorieen"),
}

# Where the anonymisation check of stored texts sends the facilitator (casussen.scan).
Verbeteractie.get_edit_url = row_url("verbeteracties:edit")
