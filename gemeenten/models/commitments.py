"""Commitments of partners (the bestuurlijk mandaat, people, hours, money, agreements) and who
benefits from them: the material of kosten en baten."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kern.concurrency import VersionedModel
from kern.history import many
from kern.tenancy import TenantModel, row_url, scoped_manager

from .gemeente import Organisatie
from .proeftuin import Proeftuin


def mandaat_upload_to(instance, filename):
    # The stored name never carries the uploader's file name.
    stamp = timezone.now().strftime("%Y%m%d%H%M%S")
    return f"mandaten/{instance.gemeente_id}/{instance.proeftuin_id}-{stamp}.pdf"


class CommitmentQuerySet(models.QuerySet):
    def actief(self):
        return self.exclude(status=Commitment.Status.INGETROKKEN)

    def overdue(self, today=None):
        today = today or timezone.localdate()
        return self.filter(status=Commitment.Status.TOEGEZEGD, verwacht_op__lt=today)


class Commitment(TenantModel, VersionedModel):
    shared_text_fields = ("omschrijving", "reden_ingetrokken", "baat_omschrijving")
    shared_name_fields = ("mandaat_door", "mandaat_functie")

    audited = True  # its changes go into the audit log (kern.writes)

    class Soort(models.TextChoices):
        MANDAAT = "mandaat", _("Administrative mandate")
        CONTACTPERSOON = "contactpersoon", _("Contact person")
        KERNGROEP = "kerngroep", _("Core group membership")
        UREN = "uren", _("Hours")
        GELD = "geld", _("Money")
        IN_NATURA = "in_natura", _("In-kind contribution")
        STRUCTUREEL = "structureel", _("Structural agreement")

    class Status(models.TextChoices):
        TOEGEZEGD = "toegezegd", _("Promised")
        GELEVERD = "geleverd", _("Delivered")
        INGETROKKEN = "ingetrokken", _("Withdrawn")

    proeftuin = models.ForeignKey(
        Proeftuin, on_delete=models.CASCADE, related_name="commitments", verbose_name=_("proeftuin")
    )
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="commitments",
        verbose_name=_("organisation"),
        help_text=_("The partner that commits; empty for the gemeente as a whole."),
    )
    soort = models.CharField(_("kind"), max_length=20, choices=Soort.choices)
    omschrijving = models.TextField(
        _("description"), blank=True, help_text=_("What is promised, in a sentence or two.")
    )
    uren_per_jaar = models.DecimalField(
        _("hours per year"),
        max_digits=8,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    bedrag = models.DecimalField(
        _("amount (euro)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.TOEGEZEGD
    )
    reden_ingetrokken = models.TextField(_("reason for withdrawal"), blank=True)
    toegezegd_op = models.DateField(_("promised on"), default=datetime.date.today)
    verwacht_op = models.DateField(
        _("expected by"), null=True, blank=True, help_text=_("When it should be delivered.")
    )
    geleverd_op = models.DateField(_("delivered on"), null=True, blank=True)
    # The bestuurlijk mandaat: by whom, in which function, with the signed statement.
    mandaat_door = models.CharField(_("mandate given by"), max_length=150, blank=True)
    mandaat_functie = models.CharField(_("function"), max_length=150, blank=True)
    document = models.FileField(
        _("signed statement (PDF)"), upload_to=mandaat_upload_to, blank=True
    )
    baathebbers = models.ManyToManyField(
        Organisatie,
        through="Baat",
        blank=True,
        related_name="baten",
        verbose_name=_("who benefits"),
    )
    baat_omschrijving = models.TextField(_("what the benefit is"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = scoped_manager(CommitmentQuerySet)

    class Meta:
        verbose_name = _("commitment")
        verbose_name_plural = _("commitments")
        ordering = ["-toegezegd_op", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(uren_per_jaar__gte=0) | Q(uren_per_jaar__isnull=True),
                name="commitment_uren_niet_negatief",
            ),
            models.CheckConstraint(
                condition=Q(bedrag__gte=0) | Q(bedrag__isnull=True),
                name="commitment_bedrag_niet_negatief",
            ),
        ]

    def __str__(self):
        wie = self.organisatie or _("the gemeente")
        return f"{self.get_soort_display()} — {wie}"

    def get_absolute_url(self):
        return reverse(
            "gemeenten:commitment",
            kwargs={"gemeente_slug": self.gemeente.slug, "pk": self.pk},
        )

    def clean(self):
        errors = {}
        if self.status == self.Status.INGETROKKEN and not self.reden_ingetrokken.strip():
            errors["reden_ingetrokken"] = _("Say why the commitment was withdrawn.")
        if self.verwacht_op and self.toegezegd_op and self.verwacht_op < self.toegezegd_op:
            errors["verwacht_op"] = _("The expected date lies before the date of the promise.")
        if self.geleverd_op and self.toegezegd_op and self.geleverd_op < self.toegezegd_op:
            errors["geleverd_op"] = _("The delivery date lies before the date of the promise.")
        if self.soort == self.Soort.MANDAAT and not self.mandaat_door.strip():
            errors["mandaat_door"] = _("Say who gave the mandate.")
        if self.soort == self.Soort.UREN and self.uren_per_jaar is None:
            errors["uren_per_jaar"] = _("Fill in the hours per year.")
        if self.soort == self.Soort.GELD and self.bedrag is None:
            errors["bedrag"] = _("Fill in the amount.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_overdue(self):
        return (
            self.status == self.Status.TOEGEZEGD
            and self.verwacht_op is not None
            and self.verwacht_op < timezone.localdate()
        )


Commitment.history_extras = {"baathebbers": many("baathebbers")}


class Baat(TenantModel):
    """One organisation that benefits from one commitment."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="+")
    organisatie = models.ForeignKey(Organisatie, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("benefit")
        verbose_name_plural = _("benefits")
        constraints = [
            models.UniqueConstraint(fields=["commitment", "organisatie"], name="baat_uniek")
        ]

    def __str__(self):
        return f"{self.organisatie} ← {self.commitment}"


# Where the anonymisation check of stored texts sends the facilitator (casussen.scan).
Commitment.get_edit_url = row_url("gemeenten:commitment_edit")
