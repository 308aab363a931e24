"""The kinds of identifying detail and the placeholder that replaces each."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Soort(models.TextChoices):
    NAAM = "naam", _("name")
    ADRES = "adres", _("address")
    POSTCODE = "postcode", _("postcode")
    PLAATS = "plaats", _("place")
    INSTELLING = "instelling", _("institution")
    DATUM = "datum", _("date")
    LEEFTIJD = "leeftijd", _("age")
    BSN = "bsn", _("citizen service number")
    TELEFOON = "telefoon", _("phone number")
    EMAIL = "email", _("e-mail address")
    PATIENTNUMMER = "patientnummer", _("patient or client number")
    URL = "url", _("web address")
    ROL = "rol", _("role that names one person")


REPLACEMENTS = {
    Soort.NAAM: "[naam]",
    Soort.ADRES: "[adres]",
    Soort.POSTCODE: "[postcode]",
    Soort.PLAATS: "[plaats]",
    Soort.INSTELLING: "[instelling]",
    Soort.DATUM: "[datum]",
    Soort.LEEFTIJD: "[leeftijd]",
    Soort.BSN: "[bsn]",
    Soort.TELEFOON: "[telefoonnummer]",
    Soort.EMAIL: "[e-mailadres]",
    Soort.PATIENTNUMMER: "[nummer]",
    Soort.URL: "[website]",
    Soort.ROL: "[rol]",
}
