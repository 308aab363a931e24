"""The proeftuin, its phases and their history, the gemeenteprofiel and the readiness check."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kern.concurrency import VersionedModel
from kern.tenancy import TenantModel, row_url, scoped_manager


class Fase(models.TextChoices):
    STARTBIJEENKOMST = "startbijeenkomst", _("Kick-off")
    INVENTARISATIE = "inventarisatie", _("Inventory")
    VERBETEREN = "verbeteren", _("Improving")
    VERANKERING = "verankering", _("Embedding")


class ProeftuinQuerySet(models.QuerySet):
    def lopend(self):
        """Not archived: the ones every list shows."""
        return self.filter(gearchiveerd_op__isnull=True)

    def gearchiveerd(self):
        return self.filter(gearchiveerd_op__isnull=False)


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
    # Archived by the programme team (finished or a test): read-only (gemeenten.archief) and
    # left out of every list, until restored.
    gearchiveerd_op = models.DateTimeField(_("archived at"), null=True, blank=True)
    # The programme's template as it was when this proeftuin began (succesfactoren, meeting
    # plan, checklist points per phase): a copy, so later edits of the template change nothing
    # here.
    sjabloon = models.JSONField(_("template copy"), default=dict, blank=True, editable=False)
    # The copy is made with the proeftuin, by no one's edit: no change of the history to
    # read or restore.
    history_hidden = ("sjabloon",)

    objects = scoped_manager(ProeftuinQuerySet)

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
    def is_gearchiveerd(self):
        return self.gearchiveerd_op is not None

    @property
    def programma_punten(self) -> list[str]:
        """What the programme's template asks of the current phase (its copy, see sjabloon)."""
        return list(self.sjabloon.get("fase_punten", {}).get(self.fase, []))

    @property
    def fase_nummer(self):
        return list(Fase.values).index(self.fase) + 1

    @property
    def vorige_fase(self):
        values = list(Fase.values)
        index = values.index(self.fase)
        return Fase(values[index - 1]) if index > 0 else None

    @property
    def volgende_fase(self):
        values = list(Fase.values)
        index = values.index(self.fase)
        return Fase(values[index + 1]) if index + 1 < len(values) else None


class FaseOvergang(TenantModel):
    """A step of the proeftuin into another phase: who, when, and what was still open; a step
    back (undoing one) with its reason. The history keeps every step, back ones included."""

    shared_text_fields = ("reden",)

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
    reden = models.TextField(
        _("reason"), blank=True, help_text=_("Why a step was undone (a step back only).")
    )

    class Meta:
        verbose_name = _("phase transition")
        verbose_name_plural = _("phase transitions")
        ordering = ["at"]

    def __str__(self):
        return f"{self.get_van_display()} → {self.get_naar_display()}"

    @property
    def is_terug(self):
        """A step back: into a phase before the one it left."""
        return bool(self.van) and Fase.values.index(self.naar) < Fase.values.index(self.van)


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
