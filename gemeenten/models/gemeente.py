"""Gemeente (the tenant) and its partner organisations with their kerngroep."""

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kern.concurrency import VersionedModel
from kern.tenancy import TenantModel, row_url


class Provincie(models.TextChoices):
    DRENTHE = "drenthe", "Drenthe"
    FLEVOLAND = "flevoland", "Flevoland"
    FRIESLAND = "friesland", "Fryslân"
    GELDERLAND = "gelderland", "Gelderland"
    GRONINGEN = "groningen", "Groningen"
    LIMBURG = "limburg", "Limburg"
    NOORD_BRABANT = "noord_brabant", "Noord-Brabant"
    NOORD_HOLLAND = "noord_holland", "Noord-Holland"
    OVERIJSSEL = "overijssel", "Overijssel"
    UTRECHT = "utrecht", "Utrecht"
    ZEELAND = "zeeland", "Zeeland"
    ZUID_HOLLAND = "zuid_holland", "Zuid-Holland"


# CBS's code of a gemeente: GM and four digits (GM0363 is Amsterdam).
gemeentecode_validator = RegexValidator(
    r"^GM[0-9]{4}\Z", _("A CBS gemeentecode is GM followed by four digits, such as GM0363.")
)


class Gemeente(models.Model):
    naam = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(
        _("short name in addresses"), max_length=60, unique=True, help_text=_("Used in /g/<slug>/.")
    )
    # Empty for gemeenten made before the programme team's pages (the demo's generator).
    gemeentecode = models.CharField(
        _("CBS gemeentecode"),
        max_length=6,
        unique=True,
        null=True,
        blank=True,
        validators=[gemeentecode_validator],
        help_text=_("GM and four digits, as CBS numbers the gemeenten (GM0363 is Amsterdam)."),
        error_messages={"unique": _("A gemeente with this CBS gemeentecode already exists.")},
    )
    provincie = models.CharField(
        _("province"), max_length=20, choices=Provincie.choices, blank=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("gemeente")
        verbose_name_plural = _("gemeenten")
        ordering = ["naam"]

    def __str__(self):
        return self.naam

    def get_absolute_url(self):
        return reverse("gemeenten:detail", kwargs={"gemeente_slug": self.slug})


class Domein(models.TextChoices):
    ZORG = "zorg", _("Care")
    SOCIAAL = "sociaal", _("Social domain")
    GEMEENTE = "gemeente", _("Municipality")
    FINANCIER = "financier", _("Funder")


class Organisatie(TenantModel, VersionedModel):
    """A partner organisation taking part in the gemeente's proeftuin."""

    shared_name_fields = ("contactpersoon_naam",)
    text_exempt = {
        "naam": "the partner organisation's own name, named by purpose",
    }

    class Soort(models.TextChoices):
        HUISARTSENPRAKTIJK = "huisartsenpraktijk", _("GP practice")
        WIJKVERPLEGING = "wijkverpleging", _("District nursing / home care")
        GEMEENTE_WMO = "gemeente_wmo", _("Municipality / Wmo")
        WELZIJN = "welzijn", _("Welfare / social work")
        GEESTELIJKE_VERZORGING = "geestelijke_verzorging", _("Spiritual care")
        MANTELZORG = "mantelzorg", _("Informal carer support")
        HOSPICE = "hospice", _("Hospice / VPT")
        ZIEKENHUIS = "ziekenhuis", _("Hospital")
        ZORGVERZEKERAAR = "zorgverzekeraar", _("Health insurer")
        VRIJWILLIGERS = "vrijwilligers", _("Volunteer organisation")
        ANDERS = "anders", _("Other")

    naam = models.CharField(_("name"), max_length=150)
    soort = models.CharField(_("kind"), max_length=30, choices=Soort.choices)
    domein = models.CharField(_("domain"), max_length=20, choices=Domein.choices)
    contactpersoon = models.ForeignKey(
        "gemeenten.Lidmaatschap",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("contact person (member)"),
        help_text=_("A member of this gemeente, or fill in a name below."),
    )
    contactpersoon_naam = models.CharField(
        _("contact person (name)"),
        max_length=150,
        blank=True,
        help_text=_("For a contact person without an account."),
    )
    contactpersoon_email = models.EmailField(_("contact person's e-mail"), blank=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["naam"]
        constraints = [
            models.UniqueConstraint(fields=["gemeente", "naam"], name="organisatie_naam_uniek")
        ]

    def __str__(self):
        return self.naam

    @property
    def contactpersoon_display(self):
        if self.contactpersoon_id:
            return str(self.contactpersoon.user)
        return self.contactpersoon_naam

    @property
    def has_contactpersoon(self):
        return bool(self.contactpersoon_id or self.contactpersoon_naam)


class Kerngroeplid(TenantModel):
    """Someone an organisation sends to the kerngroep: a member, or a named person."""

    shared_text_fields = ("functie",)
    shared_name_fields = ("naam",)

    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.CASCADE,
        related_name="kerngroepleden",
        verbose_name=_("organisation"),
    )
    lidmaatschap = models.ForeignKey(
        "gemeenten.Lidmaatschap",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("member"),
    )
    naam = models.CharField(
        _("name"), max_length=150, blank=True, help_text=_("For someone without an account.")
    )
    functie = models.CharField(_("function"), max_length=150, blank=True)

    class Meta:
        verbose_name = _("core group member")
        verbose_name_plural = _("core group members")
        ordering = ["naam"]

    def __str__(self):
        return str(self.lidmaatschap.user) if self.lidmaatschap_id else self.naam

    def clean(self):
        if not self.lidmaatschap_id and not self.naam.strip():
            raise ValidationError(_("Choose a member or fill in a name."))


# Where the anonymisation check of stored texts sends the facilitator (casussen.scan).
Organisatie.get_edit_url = row_url("gemeenten:partner_edit")
