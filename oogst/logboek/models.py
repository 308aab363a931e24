"""Renders of the Logboek Oogst: every render is a kept version; the facilitator publishes one as
definitief. A combined logboek spans several gemeenten of one facilitator.

A render is a job with a state: queued (possibly not yet handed to the broker when Redis was
down), rendering (claimed by one worker, with a heartbeat), done or failed. At most one job per
proeftuin is open at a time (a partial unique constraint), so two clicks give one job.

Each table keeps the name it got when these models were the oogst app's (``oogst_<model>``,
``Meta.db_table``): they moved to this app without touching the database
(migrations/0001_initial.py)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Proeftuin
from kern.tenancy import TenantModel, scoped_manager


class RenderStatus(models.TextChoices):
    WACHTRIJ = "wachtrij", _("Queued")
    BEZIG = "bezig", _("Rendering")
    KLAAR = "klaar", _("Done")
    MISLUKT = "mislukt", _("Failed")


OPEN_STATUSES = (RenderStatus.WACHTRIJ, RenderStatus.BEZIG)


class RenderJob(models.Model):
    """The state of one render, shared by the logboek of one proeftuin and a combined one."""

    status = models.CharField(
        _("status"), max_length=10, choices=RenderStatus.choices, default=RenderStatus.WACHTRIJ
    )
    voortgang = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    stap = models.CharField(_("step"), max_length=100, blank=True)
    pogingen = models.PositiveSmallIntegerField(_("attempts"), default=0)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requested by"),
    )
    automatisch = models.BooleanField(
        _("scheduled"), default=False, help_text=_("Rendered by itself at the end of the year.")
    )
    aangevraagd_op = models.DateTimeField(_("requested at"), auto_now_add=True)
    in_wachtrij_op = models.DateTimeField(
        _("handed to the queue at"),
        null=True,
        blank=True,
        help_text=_("Empty while the background service could not be reached."),
    )
    gestart_op = models.DateTimeField(_("started at"), null=True, blank=True)
    hartslag_op = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    klaar_op = models.DateTimeField(_("finished at"), null=True, blank=True)
    bestand = models.FileField(_("file"), upload_to="logboek/", blank=True)
    paginas = models.PositiveIntegerField(_("pages"), null=True, blank=True)
    grootte = models.PositiveIntegerField(_("size (bytes)"), null=True, blank=True)
    fout = models.TextField(_("error"), blank=True)

    class Meta:
        abstract = True

    @property
    def is_open(self):
        return self.status in OPEN_STATUSES

    @property
    def is_retry(self):
        """Open again after an attempt that stopped without finishing (its worker died): queued
        once the sweeper took it back, or rendering for a second time or later."""
        if self.status == RenderStatus.WACHTRIJ:
            return self.pogingen >= 1
        return self.status == RenderStatus.BEZIG and self.pogingen > 1


class LogboekVersieQuerySet(models.QuerySet):
    def current(self):
        """The current logboek of each proeftuin: the version published last (publishing one
        unmarks the others, so a proeftuin has at most one)."""
        return self.filter(definitief=True, status=RenderStatus.KLAAR).order_by(
            "-gepubliceerd_op", "-nummer"
        )


class LogboekVersie(TenantModel, RenderJob):
    text_exempt = {
        "stap": "system text: the step of the rendering",
        "fout": "system text: the rendering's error",
    }

    proeftuin = models.ForeignKey(
        Proeftuin,
        on_delete=models.CASCADE,
        related_name="logboekversies",
        verbose_name=_("proeftuin"),
    )
    nummer = models.PositiveIntegerField(_("version"))
    bestand_definitief = models.FileField(
        _("file without the concept mark"),
        upload_to="logboek/",
        blank=True,
        help_text=_("Made with the concept, from the same layout; served once it is published."),
    )
    definitief = models.BooleanField(_("final"), default=False)
    gepubliceerd_op = models.DateTimeField(_("published at"), null=True, blank=True)
    gepubliceerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("published by"),
    )

    objects = scoped_manager(LogboekVersieQuerySet)

    class Meta:
        db_table = "oogst_logboekversie"
        verbose_name = _("logbook version")
        verbose_name_plural = _("logbook versions")
        ordering = ["-nummer"]
        constraints = [
            models.UniqueConstraint(fields=["proeftuin", "nummer"], name="logboekversie_nummer"),
            models.UniqueConstraint(
                fields=["proeftuin"],
                condition=Q(status__in=["wachtrij", "bezig"]),
                name="logboekversie_een_open_job",
            ),
            models.UniqueConstraint(
                fields=["proeftuin"],
                condition=Q(definitief=True),
                name="logboekversie_een_definitief",
            ),
        ]

    def __str__(self):
        return f"{self.proeftuin} — v{self.nummer}"

    @property
    def is_current(self):
        return self.definitief and self.status == RenderStatus.KLAAR

    @property
    def download_file(self):
        """The file a download serves: without the concept mark once published (versions
        rendered before the mark existed have only the one file)."""
        if self.is_current and self.bestand_definitief:
            return self.bestand_definitief
        return self.bestand

    @property
    def was_published(self):
        """Published once and replaced since by a later publication."""
        return self.gepubliceerd_op is not None and not self.definitief


class GecombineerdLogboek(RenderJob):
    """One PDF across several gemeenten of a facilitator: not owned by one tenant, readable only
    by the facilitator who asked for it, and only while they still facilitate every gemeente."""

    proeftuinen = models.JSONField(
        _("proeftuinen"),
        default=list,
        help_text=_("The ids of the proeftuinen, as [gemeente_id, proeftuin_id] pairs."),
    )
    gemeenten = models.ManyToManyField(
        "gemeenten.Gemeente",
        through="GecombineerdLogboekGemeente",
        through_fields=("logboek", "deelnemer"),
        related_name="+",
        verbose_name=_("gemeenten"),
    )
    titel = models.CharField(_("title"), max_length=300)
    inleiding = models.TextField(_("shared introduction"), blank=True)

    class Meta:
        db_table = "oogst_gecombineerdlogboek"
        verbose_name = _("combined logbook")
        verbose_name_plural = _("combined logbooks")
        ordering = ["-aangevraagd_op"]

    def __str__(self):
        return self.titel


class GecombineerdLogboekGemeente(models.Model):
    """A gemeente in a combined logboek. Its key is not called ``gemeente``: every table with a
    ``gemeente_id`` column is a tenant table with row-level security, and this one is not."""

    logboek = models.ForeignKey(GecombineerdLogboek, on_delete=models.CASCADE, related_name="+")
    deelnemer = models.ForeignKey(
        "gemeenten.Gemeente", on_delete=models.CASCADE, related_name="+", verbose_name=_("gemeente")
    )

    class Meta:
        db_table = "oogst_gecombineerdlogboekgemeente"
        verbose_name = _("gemeente in a combined logbook")
        verbose_name_plural = _("gemeenten in combined logbooks")
        constraints = [
            models.UniqueConstraint(fields=["logboek", "deelnemer"], name="gecombineerd_uniek")
        ]

    def __str__(self):
        return f"{self.logboek_id} – {self.deelnemer_id}"
