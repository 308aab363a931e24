"""What a proeftuin harvests: the foreword and outlook (Oogst), geleerde lessen, verhalen with
the consent of the people quoted, the borging of each verbeteractie and the vervolgafspraken
that carry the proeftuin over into a lasting learning network.

Each table keeps the name it got when these models were the oogst app's (``oogst_<model>``,
``Meta.db_table``): they moved to this app without touching the database
(migrations/0001_initial.py)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from casussen.anonimisering.soort import Soort
from casussen.models import Succesfactor
from gemeenten.models import Organisatie, Proeftuin
from kern.concurrency import VersionedModel
from kern.history import Extra, many
from kern.tenancy import TenantModel, row_url
from verbeteracties.models import Verbeteractie


class Oogst(TenantModel, VersionedModel):
    """The texts the facilitator writes for the Logboek Oogst of one proeftuin."""

    shared_text_fields = ("voorwoord", "hoe_verder")

    audited = True  # its changes go into the audit log (kern.writes)

    proeftuin = models.OneToOneField(
        Proeftuin, on_delete=models.CASCADE, related_name="oogst", verbose_name=_("proeftuin")
    )
    voorwoord = models.TextField(
        _("foreword"),
        blank=True,
        help_text=_("Opens the Logboek Oogst; written by the facilitator."),
    )
    hoe_verder = models.TextField(
        _("how we go on"),
        blank=True,
        help_text=_("The closing chapter: how the partners stay a learning network."),
    )
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
        db_table = "oogst_oogst"
        verbose_name = _("harvest")
        verbose_name_plural = _("harvests")

    def __str__(self):
        return str(self.proeftuin)


class Les(TenantModel, VersionedModel):
    """A lesson learnt, tagged with the success factors it is about."""

    audited = True  # its changes go into the audit log (kern.writes)

    proeftuin = models.ForeignKey(
        Proeftuin, on_delete=models.CASCADE, related_name="lessen", verbose_name=_("proeftuin")
    )
    titel = models.CharField(_("title"), max_length=200)
    tekst = models.TextField(_("text"))
    succesfactoren = models.ManyToManyField(
        Succesfactor,
        through="LesSuccesfactor",
        blank=True,
        related_name="+",
        verbose_name=_("success factors"),
    )
    verbeteractie = models.ForeignKey(
        Verbeteractie,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("improvement action"),
        help_text=_("The action this lesson comes from, if any."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        db_table = "oogst_les"
        verbose_name = _("lesson learnt")
        verbose_name_plural = _("lessons learnt")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["gemeente", "proeftuin"], name="les_proeftuin_idx")]

    def __str__(self):
        return self.titel


class LesSuccesfactor(TenantModel):
    les = models.ForeignKey(Les, on_delete=models.CASCADE, related_name="+")
    succesfactor = models.ForeignKey(Succesfactor, on_delete=models.CASCADE, related_name="+")

    class Meta:
        db_table = "oogst_lessuccesfactor"
        verbose_name = _("success factor of a lesson")
        verbose_name_plural = _("success factors of lessons")
        constraints = [
            models.UniqueConstraint(fields=["les", "succesfactor"], name="lessucces_uniek")
        ]

    def __str__(self):
        return f"{self.les_id} – {self.succesfactor_id}"


class Verhaal(TenantModel, VersionedModel):
    """A story "in het zonnetje" or a quote. Published (in the logboek, on the oogst page for
    everyone) only with the recorded consent of the person it quotes or is about."""

    text_exempt = {
        "wie": "who is quoted, printed with their recorded consent (name, role, organisation)",
        "toestemming_hoe": "how the consent was recorded: a channel and a date by purpose",
    }

    audited = True  # its changes go into the audit log (kern.writes)

    class Soort(models.TextChoices):
        VERHAAL = "verhaal", _("Story in the spotlight")
        CITAAT = "citaat", _("Quote")

    proeftuin = models.ForeignKey(
        Proeftuin, on_delete=models.CASCADE, related_name="verhalen", verbose_name=_("proeftuin")
    )
    soort = models.CharField(_("kind"), max_length=10, choices=Soort.choices, default="verhaal")
    titel = models.CharField(_("title"), max_length=200, blank=True)
    tekst = models.TextField(_("text"))
    wie = models.CharField(
        _("who"),
        max_length=200,
        help_text=_("As it may be printed, e.g. 'wijkverpleegkundige, Buurtzorg Ulft'."),
    )
    toestemming = models.BooleanField(_("consent given"), default=False)
    toestemming_hoe = models.CharField(
        _("how consent was given"),
        max_length=200,
        blank=True,
        help_text=_("For example: by e-mail on 3 March, or orally at the oogstbijeenkomst."),
    )
    toestemming_op = models.DateField(_("consent on"), null=True, blank=True)
    toestemming_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("consent recorded by"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    class Meta:
        db_table = "oogst_verhaal"
        verbose_name = _("story")
        verbose_name_plural = _("stories")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.titel or self.tekst[:60]

    def clean(self):
        if self.toestemming and not self.toestemming_hoe.strip():
            raise ValidationError({"toestemming_hoe": _("Say how the consent was given.")})

    @property
    def is_publiceerbaar(self):
        return self.toestemming


class Borging(TenantModel, VersionedModel):
    """How a verbeteractie lives on after the proeftuin: by whom, in which work process — or
    not, and why."""

    shared_text_fields = ("werkproces", "waarom_niet")

    audited = True  # its changes go into the audit log (kern.writes)

    class Stand(models.TextChoices):
        GEBORGD = "geborgd", _("Embedded")
        DEELS = "deels", _("Partly embedded")
        NIET = "niet", _("Not embedded")

    verbeteractie = models.OneToOneField(
        Verbeteractie,
        on_delete=models.CASCADE,
        related_name="borging",
        verbose_name=_("improvement action"),
    )
    stand = models.CharField(_("embedded"), max_length=10, choices=Stand.choices)
    door = models.ForeignKey(
        Organisatie,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("embedded by"),
    )
    werkproces = models.CharField(
        _("in which work process"),
        max_length=300,
        blank=True,
        help_text=_("For example: the six-weekly MDO of the huisartsen, the Wmo intake."),
    )
    waarom_niet = models.TextField(_("why not"), blank=True)
    updated_at = models.DateTimeField(_("changed at"), auto_now=True)

    class Meta:
        db_table = "oogst_borging"
        verbose_name = _("embedding")
        verbose_name_plural = _("embeddings")

    def __str__(self):
        return f"{self.verbeteractie} — {self.get_stand_display()}"

    def clean(self):
        errors = {}
        if self.stand in (self.Stand.GEBORGD, self.Stand.DEELS) and not self.werkproces.strip():
            errors["werkproces"] = _("Say in which work process it is embedded.")
        if self.stand in (self.Stand.NIET, self.Stand.DEELS) and not self.waarom_niet.strip():
            errors["waarom_niet"] = _("Say why it is not (fully) embedded.")
        if errors:
            raise ValidationError(errors)


class Vervolgafspraak(TenantModel, VersionedModel):
    """An agreement on what goes on after the proeftuin: what, who, when, and its rhythm."""

    shared_text_fields = ("wat", "ritme")
    shared_name_fields = ("wie",)

    audited = True  # its changes go into the audit log (kern.writes)

    class Soort(models.TextChoices):
        LEREND_NETWERK = "lerend_netwerk", _("Learning network")
        BESTUURLIJK = "bestuurlijk", _("Administrative")
        WERKPROCES = "werkproces", _("Work process")

    proeftuin = models.ForeignKey(
        Proeftuin,
        on_delete=models.CASCADE,
        related_name="vervolgafspraken",
        verbose_name=_("proeftuin"),
    )
    soort = models.CharField(_("kind"), max_length=20, choices=Soort.choices)
    wat = models.CharField(_("what"), max_length=300)
    wie = models.CharField(_("who"), max_length=200)
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    wanneer = models.DateField(_("when"), null=True, blank=True)
    ritme = models.CharField(
        _("rhythm"),
        max_length=100,
        blank=True,
        help_text=_("For meetings that go on, e.g. 'every six weeks'."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        db_table = "oogst_vervolgafspraak"
        verbose_name = _("follow-up agreement")
        verbose_name_plural = _("follow-up agreements")
        ordering = ["soort", "wanneer", "pk"]

    def __str__(self):
        return self.wat


def _marks_show(value, model):
    """Findings of the gate marked as not identifying: their kind and the reason, never the
    text itself, so the history shows who let what through and why."""
    labels = dict(Soort.choices)
    return "; ".join(f"{labels.get(kind, kind)}: {reden}" for kind, reden in value)


# Given when the change is recorded (the marks of that save), not read from the row.
MARKS = Extra(label=_("marked as not identifying"), read=None, show=_marks_show)

Les.history_extras = {"succesfactoren": many("succesfactoren"), "gemarkeerd": MARKS}
Verhaal.history_extras = {"gemarkeerd": MARKS}
# The texts others read, checked by the anonymisation gate in the write path (kern.writes); a
# finding marked as not identifying counts for the save it was marked in.
Les.shared_text_fields = Verhaal.shared_text_fields = ("titel", "tekst")

# Where the anonymisation check of stored texts sends the facilitator (casussen.scan).
Oogst.get_edit_url = lambda oogst: (
    reverse(  # noqa: E731
        "oogst:teksten", kwargs={"gemeente_slug": oogst.gemeente.slug}
    )
    + f"?proeftuin={oogst.proeftuin_id}"
)
Les.get_edit_url = row_url("oogst:les_edit")
Verhaal.get_edit_url = row_url("oogst:verhaal_edit")
Borging.get_edit_url = row_url("oogst:borging_edit", pk_from="verbeteractie_id")
Vervolgafspraak.get_edit_url = row_url("oogst:vervolg_edit")
