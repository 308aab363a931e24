"""A bijeenkomst with its agenda, who is invited and answered, who was there, and guests."""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Discipline, Organisatie, Proeftuin
from kern.concurrency import VersionedModel
from kern.tenancy import TenantModel, row_url, scoped_manager

CASUS_DEADLINE_DAYS = 7


class Soort(models.TextChoices):
    STARTBIJEENKOMST = "startbijeenkomst", _("Kick-off meeting")
    INVENTARISATIE = "inventarisatie", _("Inventory meeting")
    WERKBIJEENKOMST = "werkbijeenkomst", _("Working meeting")
    ZESWEEKS = "zesweeks", _("Six-weekly meeting")
    OOGST = "oogst", _("Harvest meeting")
    ANDERS = "anders", _("Other")


class Reeks(TenantModel):
    """A series of meetings, such as the six-weekly overleg: made at once, changed one by one."""

    shared_text_fields = ("titel",)

    titel = models.CharField(_("title"), max_length=200)
    interval_weken = models.PositiveSmallIntegerField(
        _("every … weeks"), default=6, validators=[MinValueValidator(1), MaxValueValidator(52)]
    )

    class Meta:
        verbose_name = _("series")
        verbose_name_plural = _("series")

    def __str__(self):
        return self.titel


class BijeenkomstQuerySet(models.QuerySet):
    def actief(self):
        return self.filter(geannuleerd_at__isnull=True)

    def gehouden(self, now=None):
        return self.actief().filter(eind__lte=now or timezone.now())

    def komend(self, now=None):
        return self.actief().filter(eind__gt=now or timezone.now())


class Bijeenkomst(TenantModel, VersionedModel):
    shared_text_fields = ("titel", "beschrijving")
    text_exempt = {
        "locatie": "the venue: the address of a building by purpose, never a client's",
    }

    proeftuin = models.ForeignKey(
        Proeftuin,
        on_delete=models.CASCADE,
        related_name="bijeenkomsten",
        verbose_name=_("proeftuin"),
    )
    reeks = models.ForeignKey(
        Reeks,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bijeenkomsten",
        verbose_name=_("series"),
    )
    soort = models.CharField(_("kind"), max_length=20, choices=Soort.choices)
    titel = models.CharField(_("title"), max_length=200)
    begin = models.DateTimeField(_("start"))
    eind = models.DateTimeField(_("end"))
    locatie = models.CharField(_("location"), max_length=300, blank=True)
    online_link = models.URLField(_("online link"), max_length=500, blank=True)
    beschrijving = models.TextField(_("description"), blank=True)
    casus_deadline = models.DateTimeField(
        _("deadline for casussen"),
        blank=True,
        help_text=_("Until when professionals can add their casus; by default a week before."),
    )
    geannuleerd_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    # The calendar identity: one UID for the meeting's life, SEQUENCE up with every change sent.
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("planned by"),
    )
    created_at = models.DateTimeField(_("planned at"), auto_now_add=True)

    objects = scoped_manager(BijeenkomstQuerySet)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["begin"]
        # The lists and the calendar: a gemeente's meetings by start (issue 9).
        indexes = [models.Index(fields=["gemeente", "begin"], name="bijeenkomst_begin_idx")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(eind__gt=models.F("begin")), name="bijeenkomst_eind_na_begin"
            ),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse(
            "bijeenkomsten:detail", kwargs={"gemeente_slug": self.gemeente.slug, "pk": self.pk}
        )

    def clean(self):
        errors = {}
        if self.begin and self.eind and self.eind <= self.begin:
            errors["eind"] = _("The end lies before the start.")
        # A new meeting lies ahead, unless the form says it is recorded afterwards.
        afterwards = getattr(self, "achteraf", False)
        if self.begin and self.pk is None and self.begin < timezone.now() and not afterwards:
            errors["begin"] = _(
                "This moment has passed; plan the meeting in the future, or tick that it has "
                "already been held."
            )
        if self.begin and self.casus_deadline and self.casus_deadline > self.begin:
            errors["casus_deadline"] = _("The deadline for casussen lies after the meeting.")
        if not self.locatie.strip() and not self.online_link.strip():
            errors["locatie"] = _("Fill in a location, an online link or both.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.casus_deadline is None and self.begin is not None:
            self.casus_deadline = self.begin - datetime.timedelta(days=CASUS_DEADLINE_DAYS)
        super().save(*args, **kwargs)

    @property
    def is_geannuleerd(self):
        return self.geannuleerd_at is not None

    @property
    def is_voorbij(self):
        return self.eind <= timezone.now()

    @property
    def achteraf_vastgelegd(self):
        """Recorded after it was held (a proeftuin that started before the tool): its attendance
        and verslag are entered afterwards, and nobody is invited to it."""
        return self.created_at is not None and self.created_at >= self.eind

    @property
    def is_begonnen(self):
        return self.begin <= timezone.now()

    @property
    def duur_minuten(self):
        return int((self.eind - self.begin).total_seconds() // 60)

    @property
    def casus_deadline_voorbij(self):
        return self.casus_deadline is not None and self.casus_deadline <= timezone.now()


class Agendapunt(TenantModel):
    """One item of the agenda, in order, with its duration; optionally a casus of the proeftuin."""

    shared_text_fields = ("titel",)

    bijeenkomst = models.ForeignKey(
        Bijeenkomst, on_delete=models.CASCADE, related_name="agendapunten"
    )
    volgorde = models.PositiveIntegerField(_("order"), default=0)
    titel = models.CharField(_("title"), max_length=200)
    duur_minuten = models.PositiveSmallIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(1), MaxValueValidator(600)]
    )
    # The casus discussed under this item. Its title is shown from the casus itself (to those
    # who may read casus text), never copied here, so the casus's retention purge reaches it.
    casus = models.ForeignKey(
        "casussen.Casus",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agendapunten",
        verbose_name=_("casus"),
    )

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["volgorde", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["bijeenkomst", "casus"],
                condition=models.Q(casus__isnull=False),
                name="agendapunt_casus_eenmaal",
            )
        ]

    def __str__(self):
        return self.titel


class Inbreng(TenantModel):
    """A professional brings their submitted casus to a meeting, before its casus deadline: the
    register from which the facilitator puts casussen on the agenda in one click."""

    bijeenkomst = models.ForeignKey(
        Bijeenkomst, on_delete=models.CASCADE, related_name="inbreng", verbose_name=_("meeting")
    )
    casus = models.ForeignKey(
        "casussen.Casus",
        on_delete=models.CASCADE,
        related_name="inbreng",
        verbose_name=_("casus"),
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("brought in by"),
    )
    at = models.DateTimeField(_("brought in at"), auto_now_add=True)

    class Meta:
        verbose_name = _("casus brought in")
        verbose_name_plural = _("casussen brought in")
        ordering = ["at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["bijeenkomst", "casus"], name="inbreng_uniek")
        ]

    def __str__(self):
        return f"{self.casus_id} → {self.bijeenkomst}"


class Antwoord(models.TextChoices):
    JA = "ja", _("Yes")
    MISSCHIEN = "misschien", _("Maybe")
    NEE = "nee", _("No")


class DeelnameQuerySet(models.QuerySet):
    def komt_mogelijk(self):
        return self.exclude(antwoord=Antwoord.NEE)


class Deelname(TenantModel):
    """One member and one meeting: invited (and the mail sent), the answer, and presence."""

    text_exempt = {
        "mail_fout": "system text: the mail server's answer to an invitation",
    }
    # Answers and presence change all the time before a meeting and only the meeting page and
    # the figures read them: their own part of the data (kern.data_version), so an RSVP leaves
    # the pages that only name a meeting cached.
    data_part = "deelnames"

    bijeenkomst = models.ForeignKey(Bijeenkomst, on_delete=models.CASCADE, related_name="deelnames")
    lidmaatschap = models.ForeignKey(
        "gemeenten.Lidmaatschap",
        on_delete=models.CASCADE,
        related_name="bijeenkomst_deelnames",
        verbose_name=_("member"),
    )
    uitgenodigd_at = models.DateTimeField(_("invited at"), null=True, blank=True)
    mail_sequence = models.IntegerField(_("calendar sequence sent"), null=True, blank=True)
    mail_sent_at = models.DateTimeField(_("mail sent at"), null=True, blank=True)
    mail_fout = models.CharField(_("mail error"), max_length=300, blank=True)
    antwoord = models.CharField(_("answer"), max_length=10, choices=Antwoord.choices, blank=True)
    antwoord_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    aanwezig = models.BooleanField(_("present"), default=False)

    objects = scoped_manager(DeelnameQuerySet)

    class Meta:
        verbose_name = _("participation")
        verbose_name_plural = _("participations")
        constraints = [
            models.UniqueConstraint(fields=["bijeenkomst", "lidmaatschap"], name="deelname_uniek")
        ]

    def __str__(self):
        return f"{self.lidmaatschap.user} — {self.bijeenkomst}"


class Gast(TenantModel):
    """Someone without an account who was at a meeting."""

    shared_name_fields = ("naam",)
    text_exempt = {
        "organisatie_naam": "an organisation's own name, named by purpose",
    }

    bijeenkomst = models.ForeignKey(Bijeenkomst, on_delete=models.CASCADE, related_name="gasten")
    naam = models.CharField(_("name"), max_length=150)
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("partner organisation"),
    )
    organisatie_naam = models.CharField(
        _("other organisation"),
        max_length=150,
        blank=True,
        help_text=_("When the guest's organisation is not a partner."),
    )
    discipline = models.CharField(
        _("discipline"), max_length=30, choices=Discipline.choices, blank=True
    )

    class Meta:
        verbose_name = _("guest")
        verbose_name_plural = _("guests")
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    @property
    def organisatie_display(self):
        return str(self.organisatie) if self.organisatie_id else self.organisatie_naam


# Where the anonymisation check of stored texts sends the facilitator (casussen.scan).
Bijeenkomst.get_edit_url = row_url("bijeenkomsten:edit")
Gast.get_edit_url = row_url("bijeenkomsten:aanwezigheid", pk_from="bijeenkomst_id")
