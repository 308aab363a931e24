"""The shared vocabulary of the inventarisatie: knelpunt categories (fixed) and succesfactoren
(a taxonomy per gemeente, seeded from DESIGN.md, editable by facilitators). Verbeteracties and
the oogst use the same two."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kern.tenancy import TenantModel, row_url


class KnelpuntCategorie(models.TextChoices):
    WET_EN_REGELGEVING = "wet_en_regelgeving", _("Laws and regulations")
    FINANCIERING = "financiering", _("Funding")
    INFORMATIE_UITWISSELING = "informatie_uitwisseling", _("Exchange of information")
    ELKAAR_NIET_KENNEN = "elkaar_niet_kennen", _("Not knowing each other")
    ROLVERDELING = "rolverdeling", _("Division of roles")
    NAASTEN_LAAT_BETROKKEN = "naasten_laat_betrokken", _("Loved ones involved late")
    SIGNALEN_NIET_OPGEPAKT = "signalen_niet_opgepakt", _("Signals not picked up")
    ANDERS = "anders", _("Other")


# The known success factors of the proeftuinen (DESIGN.md), seeded into every gemeente.
SUCCESFACTOREN = [
    _("Knowing each other"),
    _("GPs know the added value of spiritual carers"),
    _("Good exchange of information"),
    _("Involving meaningful loved ones early"),
    _("Social workers know where to go with signals and requests for help"),
    _("Cooperation and trust between district nursing and Wmo consultants"),
]


class Succesfactor(TenantModel):
    shared_text_fields = ("naam", "omschrijving")

    naam = models.CharField(_("name"), max_length=150)
    omschrijving = models.TextField(_("description"), blank=True)
    volgorde = models.PositiveSmallIntegerField(_("order"), default=0)
    actief = models.BooleanField(
        _("in use"), default=True, help_text=_("Retired factors stay on what was tagged with them.")
    )

    class Meta:
        verbose_name = _("success factor")
        verbose_name_plural = _("success factors")
        ordering = ["volgorde", "naam"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "naam"], name="succesfactor_uniek")
        ]

    def __str__(self):
        return self.naam


# Where the anonymisation check of stored texts sends the facilitator (casussen.scan).
Succesfactor.get_edit_url = row_url("casussen:succesfactor_edit")
