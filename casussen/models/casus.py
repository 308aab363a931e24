"""The casus: an anonymised case from daily practice, its knelpunten and its workflow.

Knelpunten are rows of their own (``Knelpunt``: casus, categorie, toelichting) rather than a
list on the casus, so that each keeps its link to the casus it came from and an inzicht, and
later a verbeteractie, can point at it: casus → knelpunt → inzicht → verbeteractie.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kern.concurrency import VersionedModel
from kern.history import Extra
from kern.tenancy import TenantModel, row_url, scoped_manager

from .taxonomie import KnelpuntCategorie


class Leeftijdscategorie(models.TextChoices):
    TOT_18 = "tot_18", _("under 18")
    VAN_18_TOT_50 = "18_49", _("18 to 49")
    VAN_50_TOT_65 = "50_64", _("50 to 64")
    VAN_65_TOT_75 = "65_74", _("65 to 74")
    VAN_75_TOT_85 = "75_84", _("75 to 84")
    VANAF_85 = "85_plus", _("85 and over")


class Ziektebeeld(models.TextChoices):
    KANKER = "kanker", _("Cancer")
    COPD = "copd", _("COPD")
    HARTFALEN = "hartfalen", _("Heart failure")
    PARKINSON = "parkinson", _("Parkinson's disease")
    DEMENTIE = "dementie", _("Dementia")
    KWETSBARE_OUDERDOM = "kwetsbare_ouderdom", _("Frailty of old age")
    ANDERS = "anders", _("Other")


class Woonsituatie(models.TextChoices):
    ALLEEN = "alleen", _("Lives alone")
    MET_PARTNER = "met_partner", _("Lives with partner")
    MET_FAMILIE = "met_familie", _("Lives with family")
    ZORGINSTELLING = "zorginstelling", _("Lives in a care home or nursing home")
    ANDERS = "anders", _("Other")


class CasusQuerySet(models.QuerySet):
    def zichtbaar(self):
        """Not (soft) deleted."""
        return self.filter(deleted_at__isnull=True)

    def verwijderd(self):
        return self.filter(deleted_at__isnull=False)

    def concept(self):
        return self.filter(status=Casus.Status.CONCEPT)

    def ingediend(self):
        return self.filter(status=Casus.Status.INGEDIEND)

    def besproken(self):
        return self.filter(status=Casus.Status.BESPROKEN)

    def gearchiveerd(self):
        return self.filter(status=Casus.Status.GEARCHIVEERD)

    def voor_bespreking(self):
        """Submitted or already discussed: what a bijeenkomst or the overview works with."""
        return self.filter(status__in=[Casus.Status.INGEDIEND, Casus.Status.BESPROKEN])


class Casus(TenantModel, VersionedModel):
    """A case as professionals bring it to an inventarisatie-bijeenkomst, without identifying
    details (every free-text field passes the anonymisation gate before it is stored)."""

    audited = True  # its changes go into the audit log (kern.writes)

    class Status(models.TextChoices):
        CONCEPT = "concept", _("Draft")
        INGEDIEND = "ingediend", _("Submitted")
        BESPROKEN = "besproken", _("Discussed")
        GEARCHIVEERD = "gearchiveerd", _("Archived")

    # The free-text fields: the gate checks all of them, the retention purge empties them.
    TEXT_FIELDS = (
        "titel",
        "ziektebeeld_anders",
        "naasten",
        "disciplines",
        "verloop",
        "wat_hielp",
        "vragen",
        "anders_beter",
        "opmerking_facilitator",
    )
    shared_text_fields = TEXT_FIELDS

    proeftuin = models.ForeignKey(
        "gemeenten.Proeftuin",
        on_delete=models.CASCADE,
        related_name="casussen",
        verbose_name=_("proeftuin"),
    )
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("author"),
        editable=False,
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=Status.choices,
        default=Status.CONCEPT,
        editable=False,
    )
    titel = models.CharField(
        _("title"), max_length=200, help_text=_("A short title without names or places.")
    )
    # The person, in categories only.
    leeftijdscategorie = models.CharField(
        _("age group"), max_length=10, choices=Leeftijdscategorie.choices, blank=True
    )
    ziektebeeld = models.CharField(
        _("condition"), max_length=20, choices=Ziektebeeld.choices, blank=True
    )
    ziektebeeld_anders = models.CharField(
        _("other condition"), max_length=200, blank=True, help_text=_("If 'other'.")
    )
    woonsituatie = models.CharField(
        _("living situation"), max_length=20, choices=Woonsituatie.choices, blank=True
    )
    naasten = models.TextField(
        _("loved ones and informal care"),
        blank=True,
        help_text=_("Who is around the person, and who gives informal care (roles, not names)."),
    )
    # The dimensions of the palliative approach that were at stake.
    dimensie_fysiek = models.BooleanField(_("physical"), default=False)
    dimensie_psychisch = models.BooleanField(_("psychological"), default=False)
    dimensie_sociaal = models.BooleanField(_("social"), default=False)
    dimensie_zingeving = models.BooleanField(_("meaning and spirituality"), default=False)
    disciplines = models.TextField(
        _("disciplines involved"),
        blank=True,
        help_text=_("For example GP, district nurse, Wmo consultant, spiritual carer."),
    )
    verloop = models.TextField(_("course of events"), blank=True)
    wat_hielp = models.TextField(_("what helped"), blank=True)
    vragen = models.TextField(_("questions for the meeting"), blank=True)
    anders_beter = models.TextField(
        _("what could have been done differently, earlier or better"), blank=True
    )
    opmerking_facilitator = models.TextField(
        _("remark of the facilitator"),
        blank=True,
        editable=False,
        help_text=_("Why the casus was returned to its author."),
    )

    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    ingediend_op = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    besproken_op = models.DateTimeField(_("discussed at"), null=True, blank=True, editable=False)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, editable=False)
    deleted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("deleted by"),
        editable=False,
    )
    teksten_gewist_op = models.DateTimeField(
        _("texts purged at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The retention period passed: texts were emptied, categories kept."),
    )
    # The findings marked as not identifying in its form (knelpunten and inzichten included).
    gemarkeerde_vondsten = GenericRelation("GemarkeerdeVondst")

    objects = scoped_manager(CasusQuerySet)

    class Meta:
        verbose_name = _("casus")
        verbose_name_plural = _("casussen")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["gemeente", "proeftuin", "status"]),
            # The list: a proeftuin's casussen newest first, a page at a time (issue 9).
            models.Index(fields=["gemeente", "proeftuin", "-created_at"], name="casus_lijst_idx"),
        ]

    def __str__(self):
        return self.titel

    def get_absolute_url(self):
        return reverse(
            "casussen:detail", kwargs={"gemeente_slug": self.gemeente.slug, "pk": self.pk}
        )

    @property
    def is_verwijderd(self):
        return self.deleted_at is not None

    @property
    def dimensies(self):
        """The labels of the dimensions that were at stake."""
        return [
            self._meta.get_field(name).verbose_name
            for name in (
                "dimensie_fysiek",
                "dimensie_psychisch",
                "dimensie_sociaal",
                "dimensie_zingeving",
            )
            if getattr(self, name)
        ]

    def texts(self):
        """The free-text fields with their values (what the gate checks)."""
        return {name: getattr(self, name) for name in self.TEXT_FIELDS}


class Knelpunt(TenantModel):
    """A bottleneck met in one casus: a category plus the author's words."""

    shared_text_fields = ("toelichting",)

    def gate_marks(self) -> set[str]:
        """A knelpunt is written in its casus's form: the casus's marks count."""
        return GemarkeerdeVondst.objects.keys_of(self.casus)

    casus = models.ForeignKey(
        Casus, on_delete=models.CASCADE, related_name="knelpunten", verbose_name=_("casus")
    )
    categorie = models.CharField(_("category"), max_length=30, choices=KnelpuntCategorie.choices)
    toelichting = models.TextField(_("explanation"), blank=True)

    class Meta:
        verbose_name = _("bottleneck")
        verbose_name_plural = _("bottlenecks")
        ordering = ["pk"]

    def __str__(self):
        return str(self.get_categorie_display())


class GemarkeerdeVondstQuerySet(models.QuerySet):
    def of(self, obj):
        """The marks recorded for one row (of any gated model)."""
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
        )

    def keys_of(self, obj) -> set[str]:
        """``kind:hash`` of each finding marked as not identifying in ``obj``."""
        if obj is None or obj.pk is None:
            return set()
        return {f"{soort}:{h}" for soort, h in self.of(obj).values_list("soort", "vondst_hash")}


class GemarkeerdeVondst(TenantModel):
    """A finding of the gate that a person marked as not identifying, for one row of any model
    with shared texts (a casus, a verbeteractie, a voortgang …): the one store of such marks.

    The finding's text itself may well identify someone, so only a keyed hash of it is kept
    (with its kind): enough to not flag it again in this row, nothing to read back.
    """

    shared_text_fields = ("reden",)
    text_exempt = {
        "soort": "the finding's kind, a code of anonimisering.Soort",
        "vondst_hash": "a keyed hash of the finding, no text",
    }

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("kind of row")
    )
    object_id = models.PositiveBigIntegerField(_("row"))
    obj = GenericForeignKey("content_type", "object_id")
    soort = models.CharField(_("kind"), max_length=40)
    vondst_hash = models.CharField(_("hash of the finding"), max_length=64)
    reden = models.CharField(_("reason"), max_length=200)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)

    objects = scoped_manager(GemarkeerdeVondstQuerySet)

    class Meta:
        verbose_name = _("finding marked as not identifying")
        verbose_name_plural = _("findings marked as not identifying")
        ordering = ["-at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "soort", "vondst_hash"],
                name="gemarkeerde_vondst_uniek",
            )
        ]

    def __str__(self):
        return f"{self.soort}: {self.reden}"

    @property
    def soort_label(self):
        from ..anonimisering import Soort

        try:
            return Soort(self.soort).label
        except ValueError:
            return self.soort


def _knelpunten_read(casus):
    return [[k.categorie, k.toelichting] for k in casus.knelpunten.order_by("pk")]


def _knelpunten_show(value, model):
    """One line each, "category — explanation"."""
    labels = dict(KnelpuntCategorie.choices)
    return "\n".join(
        f"{labels.get(categorie, categorie)} — {toelichting}".rstrip(" —")
        for categorie, toelichting in value
    )


def _knelpunten_restore(casus, value):
    casus.knelpunten.all().delete()
    for categorie, toelichting in value:
        if categorie in KnelpuntCategorie.values:
            Knelpunt.objects.create(
                gemeente_id=casus.gemeente_id,
                casus=casus,
                categorie=categorie,
                toelichting=toelichting,
            )


def _teksten_show(value, model):
    return _("purged after the retention period") if value == "gewist" else ""


# The knelpunten are rows of their own; a casus's history keeps them with the casus. "teksten"
# is written by the retention purge alone.
Casus.history_extras = {
    "teksten": Extra(label=_("Texts"), read=None, show=_teksten_show),
    "knelpunten": Extra(
        label=_("Bottlenecks"),
        read=_knelpunten_read,
        show=_knelpunten_show,
        restore=_knelpunten_restore,
    ),
}

# Where the anonymisation check of stored texts sends the facilitator (casussen.scan).
Casus.get_edit_url = row_url("casussen:edit")
