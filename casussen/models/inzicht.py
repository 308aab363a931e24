"""Inzichten: what the discussion of a casus taught, tagged for the overview."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kern.concurrency import VersionedModel
from kern.history import choice_list, many
from kern.tenancy import TenantModel, row_url, scoped_manager

from .casus import Casus, GemarkeerdeVondst, Knelpunt
from .taxonomie import KnelpuntCategorie, Succesfactor


class InzichtQuerySet(models.QuerySet):
    def zichtbaar(self):
        """Not (soft) deleted, of a casus that is not (soft) deleted."""
        return self.filter(deleted_at__isnull=True, casus__deleted_at__isnull=True)


class Inzicht(TenantModel, VersionedModel):
    """What helped, who could have done what, earlier or better: recorded by the facilitator
    for one casus, tagged with succesfactoren and knelpunt categories.

    ``knelpunt_categorieen`` is a list of ``KnelpuntCategorie`` values (tags, counted in
    Python for the overview); ``knelpunten`` optionally points at the casus's own knelpunten
    this inzicht is about, for the chain casus → knelpunt → inzicht → verbeteractie. Both
    many-to-manys run through tenant rows: set them with
    ``through_defaults={"gemeente": inzicht.gemeente}``.
    """

    audited = True  # its changes go into the audit log (kern.writes)

    TEXT_FIELDS = ("titel", "toelichting")
    shared_text_fields = TEXT_FIELDS

    def gate_marks(self) -> set[str]:
        """An inzicht is written beside its casus: the casus's marks count, and its own."""
        return GemarkeerdeVondst.objects.keys_of(self.casus) | GemarkeerdeVondst.objects.keys_of(
            self
        )

    casus = models.ForeignKey(
        Casus, on_delete=models.CASCADE, related_name="inzichten", verbose_name=_("casus")
    )
    titel = models.CharField(_("insight"), max_length=200)
    toelichting = models.TextField(
        _("explanation"),
        blank=True,
        help_text=_("What helped, who could have done what, earlier or better."),
    )
    succesfactoren = models.ManyToManyField(
        Succesfactor,
        through="InzichtSuccesfactor",
        blank=True,
        related_name="inzichten",
        verbose_name=_("success factors"),
    )
    knelpunt_categorieen = models.JSONField(
        _("bottleneck categories"),
        default=list,
        blank=True,
        help_text=_("Values of KnelpuntCategorie."),
    )
    knelpunten = models.ManyToManyField(
        Knelpunt,
        through="InzichtKnelpunt",
        blank=True,
        related_name="inzichten",
        verbose_name=_("bottlenecks of the casus"),
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
        editable=False,
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, editable=False)

    objects = scoped_manager(InzichtQuerySet)

    class Meta:
        verbose_name = _("insight")
        verbose_name_plural = _("insights")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.titel

    def get_knelpunt_categorieen_display(self):
        labels = dict(KnelpuntCategorie.choices)
        return [labels.get(value, value) for value in self.knelpunt_categorieen]


Inzicht.history_extras = {
    "succesfactoren": many("succesfactoren"),
    "knelpunt_categorieen": choice_list(KnelpuntCategorie, field_name="knelpunt_categorieen"),
}


class InzichtSuccesfactor(TenantModel):
    inzicht = models.ForeignKey(Inzicht, on_delete=models.CASCADE, related_name="+")
    succesfactor = models.ForeignKey(Succesfactor, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("success factor of an insight")
        verbose_name_plural = _("success factors of insights")
        constraints = [
            models.UniqueConstraint(
                fields=["inzicht", "succesfactor"], name="inzicht_succesfactor_uniek"
            )
        ]

    def __str__(self):
        return f"{self.inzicht_id} – {self.succesfactor_id}"


class InzichtKnelpunt(TenantModel):
    inzicht = models.ForeignKey(Inzicht, on_delete=models.CASCADE, related_name="+")
    knelpunt = models.ForeignKey(Knelpunt, on_delete=models.CASCADE, related_name="+")

    class Meta:
        verbose_name = _("bottleneck of an insight")
        verbose_name_plural = _("bottlenecks of insights")
        constraints = [
            models.UniqueConstraint(fields=["inzicht", "knelpunt"], name="inzicht_knelpunt_uniek")
        ]

    def __str__(self):
        return f"{self.inzicht_id} – {self.knelpunt_id}"


# Where the anonymisation check of stored texts sends the facilitator (casussen.scan).
Inzicht.get_edit_url = row_url("casussen:inzicht_edit")
