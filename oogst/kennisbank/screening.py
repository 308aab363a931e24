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
TEXT_FIELDS = ("titel", "samenvatting", "tekst", "resultaat")
MAX_TEXT = 8000
CONTEXT = 40


@dataclass(frozen=True)
class FieldFinding:
    """A finding in one field of the publish form, with the words around it."""

    field: str
    label: str
    finding: Finding
    before: str
    after: str

    @property
    def text(self):
        return self.finding.text

    @property
    def kind_label(self):
        try:
            return Soort(self.finding.kind).label
        except ValueError:
            return self.finding.kind


def names_of_people() -> list[str]:
    """The names of people the gemeente in scope knows, longest first (so "Anna de Vries" is
    found before "Anna")."""
    names = set(Lidmaatschap.objects.exclude(user__name="").values_list("user__name", flat=True))
    names |= set(Kerngroeplid.objects.exclude(naam="").values_list("naam", flat=True))
    names |= set(
        Organisatie.objects.exclude(contactpersoon_naam="").values_list(
            "contactpersoon_naam", flat=True
        )
    )
    names |= set(Gast.objects.exclude(naam="").values_list("naam", flat=True))
    names = {" ".join(n.split()) for n in names if len(n.strip()) >= 3}
    return sorted(names, key=len, reverse=True)


def _name_findings(text, names, taken):
    found = []
    for name in names:
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(part) for part in name.split()) + r"(?!\w)"
        for m in re.finditer(pattern, text, flags=re.IGNORECASE):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            taken.append(m.span())
            found.append(Finding(m.start(), m.end(), str(Soort.NAAM), m.group()))
    return found


def findings(text: str, names=(), *, detector=True) -> list[Finding]:
    """The detector's findings plus the known names of people, without overlaps, in order.
    Without ``detector`` only the names (for the source line, which names the gemeente)."""
    if not text or not text.strip():
        return []
    found = detect(text) if detector else []
    taken = [(f.start, f.end) for f in found]
    found += _name_findings(text, names, taken)
    return sorted(found)


def _context(text, start, end):
    before = text[max(0, start - CONTEXT) : start]
    after = text[end : end + CONTEXT]
    if start > CONTEXT and " " in before:
        before = "…" + before[before.index(" ") + 1 :]
    if end + CONTEXT < len(text) and " " in after:
        after = after[: after.rindex(" ")] + "…"
    return before, after


def check(texts: dict, names=(), *, names_only=()) -> list[FieldFinding]:
    """``teksten`` maps field name to (label, text): every finding that stops publication.
    Fields in ``names_only`` are checked for the known names only."""
    found = []
    for field, (label, text) in texts.items():
        for f in findings(text[:MAX_TEXT], names, detector=field not in names_only):
            before, after = _context(text, f.start, f.end)
            found.append(FieldFinding(field, label, f, before, after))
    return found


def replace_all(text: str, names=(), *, detector=True) -> str:
    """``text`` with every finding replaced by its placeholder."""
    if not text or len(text) > MAX_TEXT:
        return text
    return anonimisering.replace_all(text, findings(text, names, detector=detector))
