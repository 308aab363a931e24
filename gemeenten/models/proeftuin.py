"""The proeftuin, its phases and their history, the gemeenteprofiel and the readiness check."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kern.concurrency import VersionedModel
from kern.tenancy import TenantModel, row_url


class Fase(models.TextChoices):
    STARTBIJEENKOMST = "startbijeenkomst", _("Kick-off")
    INVENTARISATIE = "inventarisatie", _("Inventory")
    VERBETEREN = "verbeteren", _("Improving")
    VERANKERING = "verankering", _("Embedding")


class Proeftuin(TenantModel, VersionedModel):
    """One year of learning to work together; a gemeente may run several over the years."""

    shared_text_fields = ("thema",)
    shared_name_fields = ("trekker",)
    text_exempt = {
        "naam": "the proeftuin's name, which names its gemeente by purpose",
    }

    naam = models.CharField(_("name"), max_length=150)
    thema = models.CharField(_("theme"), max_length=200, blank=True)
    fase = models.CharField(
        _("phase"), max_length=20, choices=Fase.choices, default=Fase.STARTBIJEENKOMST
    )
    start = models.DateField(_("start"))
    eind = models.DateField(_("end"))
    trekker = models.CharField(
        _("trekker"),
        max_length=150,
        blank=True,
        help_text=_("The named local lead of the proeftuin, with function and organisation."),
    )

    class Meta:
        verbose_name = _("proeftuin")
        verbose_name_plural = _("proeftuinen")
        ordering = ["-start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(eind__gte=models.F("start")), name="proeftuin_eind_na_start"
            )
        ]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse(
            "gemeenten:proeftuin", kwargs={"gemeente_slug": self.gemeente.slug, "pk": self.pk}
        )

    def clean(self):
        if self.start and self.eind and self.eind < self.start:
            raise ValidationError({"eind": _("The end lies before the start.")})

    @property
    def fase_nummer(self):
        return list(Fase.values).index(self.fase) + 1

    @property
    def volgende_fase(self):
        values = list(Fase.values)
        index = values.index(self.fase)
        return Fase(values[index + 1]) if index + 1 < len(values) else None


class FaseOvergang(TenantModel):
    """A step of the proeftuin into another phase: who, when, and what was still open."""

    proeftuin = models.ForeignKey(
        Proeftuin, on_delete=models.CASCADE, related_name="overgangen", verbose_name=_("proeftuin")
    )
    van = models.CharField(_("from"), max_length=20, choices=Fase.choices, blank=True)
    naar = models.CharField(_("to"), max_length=20, choices=Fase.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    open_punten = models.JSONField(
        _("open checklist items"),
        default=list,
        blank=True,
        help_text=_("The warnings of the checklist at the moment of the step."),
    )

    class Meta:
        verbose_name = _("phase transition")
        verbose_name_plural = _("phase transitions")
        ordering = ["at"]

    def __str__(self):
        return f"{self.get_van_display()} → {self.get_naar_display()}"


class Kengetal(TenantModel, VersionedModel):
    """A figure of the gemeenteprofiel, entered by hand with its source and year."""

    text_exempt = {
        "bron": "the public source of a figure (a body, a publication or a web address)",
    }

    class Soort(models.TextChoices):
        INWONERS = "inwoners", _("Inhabitants")
        PLUS75 = "plus75", _("Inhabitants aged 75 and over")
        OVERLIJDENS = "overlijdens", _("Deaths per year")
        PALLIATIEF = "palliatief", _("People in the palliative phase (estimate)")

    MAX_WAARDE = 2_147_483_647  # the largest a PositiveIntegerField holds on every database

    soort = models.CharField(_("figure"), max_length=20, choices=Soort.choices)
    waarde = models.PositiveIntegerField(_("value"))
    bron = models.CharField(_("source"), max_length=200, help_text=_("For example CBS StatLine."))
    jaar = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1990), MaxValueValidator(2100)]
    )

    class Meta:
        verbose_name = _("figure")
        verbose_name_plural = _("figures")
        ordering = ["soort"]
        constraints = [models.UniqueConstraint(fields=["gemeente", "soort"], name="kengetal_uniek")]

    def __str__(self):
        return f"{self.get_soort_display()}: {self.waarde}"


class Ingredient(models.TextChoices):
    """Agora's '10 ingrediënten voor een succesvolle proeftuin'."""

    VERHALEN = "verhalen", _("Put stories in the sun")
    REDENEN = "redenen", _("Well-founded reasons")
    WORTELS = "wortels", _("Firm roots")
    ZAAIEN = "zaaien", _("What you sow, you harvest")
    TREKKER = "trekker", _("Appoint a trekker")
    TEELTPLAN = "teeltplan", _("Draw up a cultivation plan")
    GROEICONDITIES = "groeicondities", _("Provide the right growing conditions")
    MONITORING = "monitoring", _("Monitoring")
    AANDACHT = "aandacht", _("What you give attention grows")
    DELEN = "delen", _("Share the harvest")


class Oordeel(models.TextChoices):
    IN_ORDE = "in_orde", _("In order")
    AANDACHT = "aandacht", _("Needs attention")
    ONTBREEKT = "ontbreekt", _("Missing")


class Ingredientbeoordeling(TenantModel):
    """The facilitator's mark on one ingredient of one proeftuin."""

    shared_text_fields = ("opmerking",)

    proeftuin = models.ForeignKey(
        Proeftuin,
        on_delete=models.CASCADE,
        related_name="beoordelingen",
        verbose_name=_("proeftuin"),
    )
    ingredient = models.CharField(_("ingredient"), max_length=20, choices=Ingredient.choices)
    oordeel = models.CharField(_("mark"), max_length=10, choices=Oordeel.choices)
    opmerking = models.TextField(_("remark"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("ingredient mark")
        verbose_name_plural = _("ingredient marks")
        constraints = [
            models.UniqueConstraint(
                fields=["proeftuin", "ingredient"], name="ingredientbeoordeling_uniek"
            )
        ]

    def __str__(self):
        return f"{self.get_ingredient_display()}: {self.get_oordeel_display()}"


# Where the anonymisation check of stored texts sends the facilitator (casussen.scan).
Proeftuin.get_edit_url = row_url("gemeenten:proeftuin_edit")
Ingredientbeoordeling.get_edit_url = row_url(
    "gemeenten:proeftuin_ingredienten", pk_from="proeftuin_id"
)
