"""The programme's template of a proeftuin: what every new proeftuin starts with. One row, kept
by the programme team; each proeftuin gets a copy (``sjabloon.copy_into``), so an edit here never
changes a proeftuin that is already running. Not a tenant row: it belongs to no gemeente."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Sjabloon(models.Model):
    # [{"naam": ..., "omschrijving": ...}]: the succesfactoren every new gemeente starts with.
    succesfactoren = models.JSONField(_("success factors"), default=list)
    # [{"soort", "titel", "week", "duur_minuten", "herhalen", "interval_weken"}]: the proposed
    # meetings, "week" counted from the proeftuin's start.
    bijeenkomsten = models.JSONField(_("meeting plan"), default=list)
    # {fase: [point, ...]}: what the programme asks of each phase, beside the app's own checks.
    fase_punten = models.JSONField(_("checklist points per phase"), default=dict)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )

    class Meta:
        verbose_name = _("proeftuin template")
        verbose_name_plural = _("proeftuin templates")

    def __str__(self):
        return str(self._meta.verbose_name)

    def content(self) -> dict:
        return {
            "succesfactoren": self.succesfactoren,
            "bijeenkomsten": self.bijeenkomsten,
            "fase_punten": self.fase_punten,
        }
