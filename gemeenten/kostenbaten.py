"""Kosten en baten: what each partner invests in a proeftuin and how often it benefits.

``kosten_en_baten(proeftuin)`` is read by the kosten-en-baten page and by the dashboard; it
makes three queries whatever the number of partners or commitments.
"""

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Sum
from django.utils.translation import gettext as _

from .models import Baat, Commitment, Domein, Organisatie, Proeftuin

ZERO = Decimal("0")


@dataclass(frozen=True)
class KostenBatenRij:
    """One row: an organisation, or the gemeente as a whole (``organisatie`` None)."""

    organisatie: Organisatie | None
    naam: str
    domein: str  # a Domein value ("zorg", "sociaal", "gemeente", "financier")
    uren: Decimal  # hours per year committed
    euro: Decimal  # money and the value of in-kind contributions, in euro
    toezeggingen: int  # commitments it made
    baten: int  # commitments it benefits from

    @property
    def domein_label(self):
        return Domein(self.domein).label


def kosten_en_baten(proeftuin: Proeftuin) -> list[KostenBatenRij]:
    """One row per partner of the proeftuin's gemeente, by name, plus a first row for the
    gemeente as a whole when it has commitments of its own (those without an organisation).

    Counts the commitments that still stand (promised or delivered); withdrawn ones are left
    out. Hours are the ``uren_per_jaar`` of every commitment, euro its ``bedrag`` (money, or
    the value given to an in-kind contribution).
    """
    invested = {
        row["organisatie"]: row
        for row in Commitment.objects.filter(proeftuin=proeftuin)
        .actief()
        .order_by()
        .values("organisatie")
        .annotate(uren=Sum("uren_per_jaar"), euro=Sum("bedrag"), n=Count("pk"))
    }
    baten = defaultdict(int)
    for row in (
        Baat.objects.filter(commitment__proeftuin=proeftuin)
        .exclude(commitment__status=Commitment.Status.INGETROKKEN)
        .order_by()
        .values("organisatie")
        .annotate(n=Count("commitment", distinct=True))
    ):
        baten[row["organisatie"]] = row["n"]

    def row_for(organisatie, naam, domein, key):
        data = invested.get(key, {})
        return KostenBatenRij(
            organisatie=organisatie,
            naam=naam,
            domein=domein,
            uren=data.get("uren") or ZERO,
            euro=data.get("euro") or ZERO,
            toezeggingen=data.get("n", 0),
            baten=baten[key] if key is not None else 0,
        )

    rows = []
    if None in invested:
        rows.append(row_for(None, _("The gemeente as a whole"), Domein.GEMEENTE, None))
    # The proeftuin's partners are its gemeente's (this also holds in a scope over several).
    for organisatie in Organisatie.objects.filter(gemeente_id=proeftuin.gemeente_id).order_by(
        "naam"
    ):
        rows.append(row_for(organisatie, organisatie.naam, organisatie.domein, organisatie.pk))
    return rows


@dataclass(frozen=True)
class Totaal:
    uren: Decimal
    euro: Decimal
    toezeggingen: int
    baten: int


def totaal(rows: list[KostenBatenRij]) -> Totaal:
    """The sum of some rows (all of them, or one domain's)."""
    return Totaal(
        uren=sum((r.uren for r in rows), ZERO),
        euro=sum((r.euro for r in rows), ZERO),
        toezeggingen=sum(r.toezeggingen for r in rows),
        baten=sum(r.baten for r in rows),
    )


def per_domein(rows: list[KostenBatenRij]) -> list[tuple[str, Totaal]]:
    """(domain label, totals) for each domain that has partners, in the order of Domein."""
    by_domein = defaultdict(list)
    for row in rows:
        by_domein[row.domein].append(row)
    return [(d.label, totaal(by_domein[d.value])) for d in Domein if d.value in by_domein]


__all__ = ["KostenBatenRij", "Totaal", "kosten_en_baten", "per_domein", "totaal"]
