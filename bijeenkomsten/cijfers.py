"""Attendance figures of a proeftuin: per meeting, per domain and per discipline over time, and
the hours each organisation invested by attending (attendance × duration) next to the hours it
committed (commitments of kind hours)."""

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.utils.translation import gettext as _

from gemeenten.models import Commitment, Discipline, Domein

from .models import Bijeenkomst

ONBEKEND = ""


@dataclass
class Aanwezigheid:
    bijeenkomst: Bijeenkomst
    totaal: int = 0
    leden: int = 0
    gasten: int = 0
    per_domein: Counter = field(default_factory=Counter)
    per_discipline: Counter = field(default_factory=Counter)
    per_organisatie: Counter = field(default_factory=Counter)  # organisation name → people


def aanwezigheid(proeftuin, now=None) -> list[Aanwezigheid]:
    """One row per meeting held (not cancelled), oldest first."""
    bijeenkomsten = (
        Bijeenkomst.objects.gehouden(now)
        .filter(proeftuin=proeftuin)
        .order_by("begin")
        .prefetch_related("deelnames__lidmaatschap__organisatie", "gasten__organisatie")
    )
    rows = []
    for b in bijeenkomsten:
        row = Aanwezigheid(bijeenkomst=b)
        for d in b.deelnames.all():
            if not d.aanwezig:
                continue
            _count(row, d.lidmaatschap.organisatie, "", d.lidmaatschap.discipline)
            row.leden += 1
        for g in b.gasten.all():
            _count(row, g.organisatie, g.organisatie_naam, g.discipline)
            row.gasten += 1
        row.totaal = row.leden + row.gasten
        rows.append(row)
    return rows


def _count(row, organisatie, organisatie_naam, discipline):
    row.per_domein[organisatie.domein if organisatie else ONBEKEND] += 1
    row.per_discipline[discipline or ONBEKEND] += 1
    naam = str(organisatie) if organisatie else organisatie_naam.strip()
    row.per_organisatie[naam or ONBEKEND] += 1


@dataclass
class Uren:
    organisatie: str
    geinvesteerd: Decimal
    toegezegd: Decimal


def uren_per_organisatie(proeftuin, rows=None) -> list[Uren]:
    """Hours attended (people × meeting length) next to hours per year committed."""
    rows = aanwezigheid(proeftuin) if rows is None else rows
    invested = Counter()
    for row in rows:
        hours = Decimal(row.bijeenkomst.duur_minuten) / 60
        for naam, people in row.per_organisatie.items():
            invested[naam] += hours * people
    committed = dict(
        Commitment.objects.actief()
        .filter(proeftuin=proeftuin, soort=Commitment.Soort.UREN, organisatie__isnull=False)
        .values_list("organisatie__naam")
        .annotate(uren=Sum("uren_per_jaar"))
    )
    names = sorted(set(invested) | set(committed), key=lambda n: (n == ONBEKEND, n))
    return [
        Uren(
            organisatie=naam or _("No organisation"),
            geinvesteerd=invested.get(naam, Decimal(0)).quantize(Decimal("0.1")),
            toegezegd=Decimal(committed.get(naam) or 0),
        )
        for naam in names
    ]


def domein_label(value):
    return Domein(value).label if value else _("Unknown")


def discipline_label(value):
    return Discipline(value).label if value else _("Unknown")
