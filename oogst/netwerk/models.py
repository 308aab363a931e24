"""Netwerkpeiling "elkaar kennen": at the start and at the oogst each participant says, for each
partner organisation, how well they know and work with it. Shown as aggregates only.

Each table keeps the name it got when these models were the oogst app's (``oogst_<model>``,
``Meta.db_table``): they moved to this app without touching the database
(migrations/0001_initial.py)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from gemeenten.models import Lidmaatschap, Organisatie, Proeftuin
from kern.tenancy import TenantModel


class PeilMoment(models.TextChoices):
    START = "start", _("At the start")
    OOGST = "oogst", _("At the harvest")


class Kennisniveau(models.IntegerChoices):
    KEN_IK_NIET = 0, _("I don't know them")
    VAN_NAAM = 1, _("I know them by name")
    CONTACT = 2, _("I have contact")
    STRUCTUREEL = 3, _("We work together structurally")


class Netwerkpeiling(TenantModel):
    """One participant's answers at one moment. The respondent is kept only to allow one
    answer per person and moment and to let them change it; pages show aggregates."""

    proeftuin = models.ForeignKey(
        Proeftuin,
        on_delete=models.CASCADE,
        related_name="netwerkpeilingen",
        verbose_name=_("proeftuin"),
    )
    moment = models.CharField(_("moment"), max_length=10, choices=PeilMoment.choices)
    respondent = models.ForeignKey(
        Lidmaatschap,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("respondent"),
    )
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("respondent's organisation"),
        help_text=_("The organisation the respondent answered for, at the time."),
    )
    answered_at = models.DateTimeField(_("answered at"), auto_now=True)

    class Meta:
        db_table = "oogst_netwerkpeiling"
        verbose_name = _("network survey")
        verbose_name_plural = _("network surveys")
        constraints = [
            models.UniqueConstraint(
                fields=["proeftuin", "moment", "respondent"], name="netwerkpeiling_uniek"
            )
        ]
        indexes = [
            models.Index(fields=["gemeente", "proeftuin", "moment"], name="peiling_moment_idx")
        ]

    def __str__(self):
        return f"{self.proeftuin} — {self.get_moment_display()}"


class Netwerkantwoord(TenantModel):
    peiling = models.ForeignKey(Netwerkpeiling, on_delete=models.CASCADE, related_name="antwoorden")
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.CASCADE, related_name="+", verbose_name=_("organisation")
    )
    niveau = models.PositiveSmallIntegerField(_("how well"), choices=Kennisniveau.choices)

    class Meta:
        db_table = "oogst_netwerkantwoord"
        verbose_name = _("network answer")
        verbose_name_plural = _("network answers")
        constraints = [
            models.UniqueConstraint(fields=["peiling", "organisatie"], name="netwerkantwoord_uniek")
        ]

    def __str__(self):
        return f"{self.organisatie_id}: {self.niveau}"
