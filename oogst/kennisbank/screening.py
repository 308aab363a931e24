"""The check before anything is published to the shared Kennisbank: nothing in it may identify
the gemeente's people.

Two walls: the anonymisation detector of the casussen (``casussen.anonimisering.detect``) over
every text, and the names the gemeente itself knows (its members, kerngroep, contact persons and
meeting guests), which the detector may not recognise as names."""

import re
from dataclasses import dataclass

from bijeenkomsten.models import Gast
from casussen import anonimisering
from casussen.anonimisering import Finding, Soort, detect
from gemeenten.models import Kerngroeplid, Lidmaatschap, Organisatie

# The texts checked and copied; longer texts are refused by the form (the detector's cost
# grows with the length, and casussen.gate skips what is longer).
TEKSTVELDEN = ("titel", "samenvatting", "tekst", "resultaat")
MAX_TEKST = 8000
CONTEXT = 40


@dataclass(frozen=True)
class Vondst:
    veld: str
    label: str
    finding: Finding
    voor: str
    na: str

    @property
    def tekst(self):
        return self.finding.text

    @property
    def soort_label(self):
        try:
            return Soort(self.finding.kind).label
        except ValueError:
            return self.finding.kind

    @property
    def vervanging(self):
        return anonimisering.replacement(self.finding.kind)


def namen_van_mensen() -> list[str]:
    """The names of people the gemeente in scope knows, longest first (so "Anna de Vries" is
    found before "Anna")."""
    namen = set(Lidmaatschap.objects.exclude(user__name="").values_list("user__name", flat=True))
    namen |= set(Kerngroeplid.objects.exclude(naam="").values_list("naam", flat=True))
    namen |= set(
        Organisatie.objects.exclude(contactpersoon_naam="").values_list(
            "contactpersoon_naam", flat=True
        )
    )
    namen |= set(Gast.objects.exclude(naam="").values_list("naam", flat=True))
    namen = {" ".join(n.split()) for n in namen if len(n.strip()) >= 3}
    return sorted(namen, key=len, reverse=True)


def _naam_vondsten(text, namen, taken):
    found = []
    for naam in namen:
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(part) for part in naam.split()) + r"(?!\w)"
        for m in re.finditer(pattern, text, flags=re.IGNORECASE):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            taken.append(m.span())
            found.append(Finding(m.start(), m.end(), str(Soort.NAAM), m.group()))
    return found


def findings(text: str, namen=(), *, detector=True) -> list[Finding]:
    """The detector's findings plus the known names of people, without overlaps, in order.
    Without ``detector`` only the names (for the source line, which names the gemeente)."""
    if not text or not text.strip():
        return []
    found = detect(text) if detector else []
    taken = [(f.start, f.end) for f in found]
    found += _naam_vondsten(text, namen, taken)
    return sorted(found)


def _context(text, start, end):
    voor = text[max(0, start - CONTEXT) : start]
    na = text[end : end + CONTEXT]
    if start > CONTEXT and " " in voor:
        voor = "…" + voor[voor.index(" ") + 1 :]
    if end + CONTEXT < len(text) and " " in na:
        na = na[: na.rindex(" ")] + "…"
    return voor, na


def controleer(teksten: dict, namen=(), *, alleen_namen=()) -> list[Vondst]:
    """``teksten`` maps field name to (label, text): every finding that stops publication.
    Fields in ``alleen_namen`` are checked for the known names only."""
    vondsten = []
    for veld, (label, text) in teksten.items():
        for f in findings(text[:MAX_TEKST], namen, detector=veld not in alleen_namen):
            voor, na = _context(text, f.start, f.end)
            vondsten.append(Vondst(veld, label, f, voor, na))
    return vondsten


def vervang_alles(text: str, namen=(), *, detector=True) -> str:
    """``text`` with every finding replaced by its placeholder."""
    if not text or len(text) > MAX_TEKST:
        return text
    return anonimisering.replace_all(text, findings(text, namen, detector=detector))
