"""Publishing to the shared Kennisbank: a reviewed copy of a les or verbeteractie, detached from
the gemeente's data, with nothing in it that identifies the gemeente's people.

Two walls before an entry is stored: the anonymisation detector of the casussen
(``casussen.anonimisering.detect``) over every text, and the names the gemeente itself knows
(its members, kerngroep, contact persons and meeting guests), which the detector may not
recognise as names. Owners and authors are never copied; succesfactoren and knelpunt
categories become plain labels."""

import re
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bijeenkomsten.models import Gast
from casussen import anonimisering
from casussen.anonimisering import Finding, Soort, detect
from gemeenten.models import Kerngroeplid, Lidmaatschap, Organisatie

from .models import Borging, KennisbankItem

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


def bron_voor(proeftuin) -> str:
    start, eind = proeftuin.start.year, proeftuin.eind.year
    return _("Proeftuin %(gemeente)s, %(jaar)s") % {
        "gemeente": proeftuin.gemeente.naam,
        "jaar": start if start == eind else f"{start}–{eind}",
    }


def concept_uit_les(les) -> dict:
    """What the publish form starts with for a les: its texts, never its author."""
    eerste_alinea = les.tekst.strip().split("\n\n")[0]
    return {
        "soort": KennisbankItem.Soort.LES,
        "titel": les.titel,
        "samenvatting": eerste_alinea[:500],
        "tekst": les.tekst,
        "resultaat": "",
        "bron": bron_voor(les.proeftuin),
        "succesfactoren": [s.naam for s in les.succesfactoren.all()],
        "knelpunt_categorieen": (
            [str(c) for c in les.verbeteractie.categorie_labels] if les.verbeteractie else []
        ),
    }


def concept_uit_actie(actie) -> dict:
    """What the publish form starts with for a verbeteractie: what, why and to what effect,
    never its owner or the casussen it came from."""
    tekst = "\n\n".join(t.strip() for t in (actie.beschrijving, actie.aanleiding) if t.strip())
    resultaat = actie.get_status_display()
    borging = Borging.objects.filter(verbeteractie=actie).first()
    if borging is not None and borging.werkproces:
        resultaat = f"{resultaat}: {borging.werkproces}"
    if actie.beoogd_effect.strip():
        resultaat = f"{resultaat}\n\n{_('Intended effect')}: {actie.beoogd_effect.strip()}"
    return {
        "soort": KennisbankItem.Soort.VERBETERACTIE,
        "titel": actie.titel,
        "samenvatting": (actie.beoogd_effect or actie.beschrijving).strip()[:500],
        "tekst": tekst,
        "resultaat": resultaat,
        "bron": bron_voor(actie.proeftuin),
        "succesfactoren": [s.naam for s in actie.succesfactoren.all()],
        "knelpunt_categorieen": [str(c) for c in actie.categorie_labels],
    }


@transaction.atomic
def publiceer(*, soort, data: dict, succesfactoren, knelpunt_categorieen, by) -> KennisbankItem:
    """Store the reviewed copy (the caller has checked that nothing identifying is left)."""
    return KennisbankItem.objects.create(
        soort=soort,
        titel=data["titel"],
        samenvatting=data["samenvatting"],
        tekst=data.get("tekst", ""),
        resultaat=data.get("resultaat", ""),
        bron=data["bron"],
        succesfactoren=[str(s) for s in succesfactoren],
        knelpunt_categorieen=[str(c) for c in knelpunt_categorieen],
        gepubliceerd_door=by,
    )


def intrekken(*, item: KennisbankItem) -> None:
    item.ingetrokken_op = timezone.now()
    item.save(update_fields=["ingetrokken_op"])


def zichtbaar():
    return KennisbankItem.objects.filter(ingetrokken_op__isnull=True)


def zoek(*, q="", succesfactor="", categorie="", soort=""):
    """Entries matching the words of ``q`` (each in title, summary, text or result) and the
    label filters. Label filters run in Python: a JSON list lookup is not portable to SQLite,
    and the Kennisbank is small."""
    from django.db.models import Q

    items = zichtbaar()
    if soort in KennisbankItem.Soort.values:
        items = items.filter(soort=soort)
    for word in q.split()[:10]:
        items = items.filter(
            Q(titel__icontains=word)
            | Q(samenvatting__icontains=word)
            | Q(tekst__icontains=word)
            | Q(resultaat__icontains=word)
            | Q(bron__icontains=word)
        )
    items = list(items)
    if succesfactor:
        items = [i for i in items if succesfactor in i.succesfactoren]
    if categorie:
        items = [i for i in items if categorie in i.knelpunt_categorieen]
    return items


def labels():
    """Every succesfactor and category label in use, for the filters."""
    factoren, categorieen = set(), set()
    for s, c in zichtbaar().values_list("succesfactoren", "knelpunt_categorieen"):
        factoren.update(s or [])
        categorieen.update(c or [])
    return sorted(factoren, key=str.casefold), sorted(categorieen, key=str.casefold)
