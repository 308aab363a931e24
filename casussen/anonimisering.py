"""The anonymisation gate's detector: ``detect(text)`` finds what could identify a person.

CONTRACT (used by the casussen forms, the live check and the tests; keep it stable):

- ``detect(text: str) -> list[Finding]``: findings sorted by ``start``, non-overlapping, with
  character offsets into ``text`` (``text[f.start:f.end] == f.text``).
- ``Finding`` is a NamedTuple ``(start, end, kind, text)``; ``kind`` is a ``Soort`` value.
- ``Soort`` (TextChoices): the kinds of identifying detail, with a Dutch label.
- ``replacement(kind) -> str``: the placeholder that replaces a finding (``[naam]``,
  ``[datum]`` …), itself never a finding.

TEMPORARY: this first version has only a few regular expressions; deduce and the full own rules
replace it (DESIGN.md, "Anonymisation gate").
"""

import re
from typing import NamedTuple

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


_REPLACEMENTS = {
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
}


class Finding(NamedTuple):
    start: int
    end: int
    kind: str
    text: str


def replacement(kind) -> str:
    return _REPLACEMENTS[Soort(kind)]


_RULES = [
    (Soort.EMAIL, re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    (Soort.TELEFOON, re.compile(r"(?<!\d)(?:\+31|0)[\s-]?(?:\d[\s-]?){9}(?!\d)")),
    (Soort.DATUM, re.compile(r"\b\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b")),
    (Soort.BSN, re.compile(r"(?<!\d)\d{9}(?!\d)")),
]


def detect(text: str) -> list[Finding]:
    findings = []
    taken = []
    for kind, pattern in _RULES:
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(start < t_end and t_start < end for t_start, t_end in taken):
                continue
            taken.append((start, end))
            findings.append(Finding(start, end, str(kind), match.group()))
    return sorted(findings)
