"""The network of a proeftuin as its participants see it, before and after: organisations as
nodes, ties between them from the netwerkpeiling, in aggregates only.

A tie between two organisations comes from what the participants of either one said about the
other; its strength is the strongest answer (one wijkverpleegkundige who works structurally
with the Wmo team makes that a structural tie). Participants without an organisation add to the
number of respondents but make no ties. Density is the share of possible pairs with at least
contact."""

import math
from dataclasses import dataclass, field
from itertools import combinations

from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from gemeenten.models import Organisatie

from .models import Kennisniveau, Netwerkpeiling, PeilMoment

Paar = frozenset  # of two organisation ids

# Colours by domain, with the domain also in the legend and the table (never colour alone).
DOMEIN_KLEUR = {"zorg": "#1f6f8b", "sociaal": "#c0622d", "gemeente": "#5b6b2f"}
ANDERE_KLEUR = "#6b6b6b"


@dataclass
class Netwerkbeeld:
    moment: str
    organisaties: list
    respondenten: int
    banden: dict = field(default_factory=dict)  # Paar -> strongest Kennisniveau

    def paren(self, minimaal):
        return {paar for paar, niveau in self.banden.items() if niveau >= minimaal}

    @property
    def structureel(self):
        return self.paren(Kennisniveau.STRUCTUREEL)

    @property
    def contact(self):
        return self.paren(Kennisniveau.CONTACT)

    @property
    def mogelijke_paren(self):
        n = len(self.organisaties)
        return n * (n - 1) // 2

    @property
    def dichtheid(self):
        """The share of possible pairs with at least contact (0..1)."""
        return len(self.contact) / self.mogelijke_paren if self.mogelijke_paren else 0.0

    @property
    def heeft_antwoorden(self):
        return self.respondenten > 0


@dataclass
class Netwerkvergelijking:
    start: Netwerkbeeld
    oogst: Netwerkbeeld
    organisaties: list

    @property
    def nieuwe_structurele_banden(self):
        return self.oogst.structureel - self.start.structureel

    @property
    def nieuwe_banden_zorg_sociaal(self):
        """New structural ties between an organisation in care and one in the social domain, as
        (zorg, sociaal) pairs of organisations, sorted by name."""
        by_id = {o.pk: o for o in self.organisaties}
        found = []
        for paar in self.nieuwe_structurele_banden:
            a, b = (by_id[pk] for pk in paar)
            domeinen = {a.domein, b.domein}
            if domeinen == {"zorg", "sociaal"}:
                found.append((a, b) if a.domein == "zorg" else (b, a))
        return sorted(found, key=lambda pair: (pair[0].naam, pair[1].naam))

    @property
    def svg_start(self):
        return netwerk_svg(self.start, nieuw=set())

    @property
    def svg_oogst(self):
        return netwerk_svg(self.oogst, nieuw=self.nieuwe_structurele_banden)


def _beeld(moment, organisaties, peilingen):
    ids = {o.pk for o in organisaties}
    banden = {}
    for peiling in peilingen:
        if peiling.organisatie_id not in ids:
            continue
        for antwoord in peiling.antwoorden.all():
            anders = antwoord.organisatie_id
            if anders == peiling.organisatie_id or anders not in ids:
                continue
            paar = Paar((peiling.organisatie_id, anders))
            banden[paar] = max(banden.get(paar, 0), antwoord.niveau)
    return Netwerkbeeld(
        moment=moment, organisaties=organisaties, respondenten=len(peilingen), banden=banden
    )


def vergelijking(proeftuin) -> Netwerkvergelijking:
    """The network at the start and at the oogst, in three queries whatever the size."""
    organisaties = list(Organisatie.objects.order_by("domein", "naam"))
    peilingen = list(
        Netwerkpeiling.objects.filter(proeftuin=proeftuin).prefetch_related("antwoorden")
    )
    per_moment = {moment: [] for moment in PeilMoment.values}
    for peiling in peilingen:
        per_moment[peiling.moment].append(peiling)
    return Netwerkvergelijking(
        start=_beeld(PeilMoment.START, organisaties, per_moment[PeilMoment.START]),
        oogst=_beeld(PeilMoment.OOGST, organisaties, per_moment[PeilMoment.OOGST]),
        organisaties=organisaties,
    )


def _posities(organisaties, size):
    """Organisations on a circle, grouped by domain so the bridge between zorg and sociaal domein
    crosses the middle."""
    n = len(organisaties)
    middle = size / 2
    radius = size / 2 - 70
    posities = {}
    for index, organisatie in enumerate(organisaties):
        angle = 2 * math.pi * index / max(n, 1) - math.pi / 2
        posities[organisatie.pk] = (
            middle + radius * math.cos(angle),
            middle + radius * math.sin(angle),
        )
    return posities


def netwerk_svg(beeld: Netwerkbeeld, *, nieuw=frozenset(), size=420) -> str:
    """An inline SVG of one network picture: nodes coloured by domain, structural ties as solid
    lines, contact as thin dashed lines, new structural ties drawn thicker. Safe to embed (every
    text is escaped); meant to sit next to a table with the same figures."""
    posities = _posities(beeld.organisaties, size)
    titel = _("Network %(moment)s: %(ties)d structural ties between %(orgs)d organisations") % {
        "moment": PeilMoment(beeld.moment).label.lower(),
        "ties": len(beeld.structureel),
        "orgs": len(beeld.organisaties),
    }
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" '
        f'class="netwerk" role="img" aria-label="{escape(titel)}"><title>{escape(titel)}</title>'
    ]
    for paar, niveau in sorted(beeld.banden.items(), key=lambda item: sorted(item[0])):
        if niveau < Kennisniveau.CONTACT:
            continue
        a, b = sorted(paar)
        (x1, y1), (x2, y2) = posities[a], posities[b]
        if niveau >= Kennisniveau.STRUCTUREEL:
            width = 3.5 if paar in nieuw else 1.8
            style = f'stroke="#222" stroke-width="{width}"'
            if paar in nieuw:
                style = f'stroke="#b8860b" stroke-width="{width}"'
        else:
            style = 'stroke="#999" stroke-width="0.8" stroke-dasharray="4 3"'
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" {style}/>')
    for organisatie in beeld.organisaties:
        x, y = posities[organisatie.pk]
        kleur = DOMEIN_KLEUR.get(organisatie.domein, ANDERE_KLEUR)
        anchor = "start" if x >= size / 2 else "end"
        dx = 11 if x >= size / 2 else -11
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="8" fill="{kleur}" stroke="#fff" '
            f'stroke-width="1.5"/><text x="{x + dx:.1f}" y="{y + 4:.1f}" font-size="10" '
            f'text-anchor="{anchor}">{escape(organisatie.naam[:28])}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every text above is escaped)


def alle_paren(organisaties):
    """Every pair of organisations, for tables that list ties with their level."""
    return [Paar((a.pk, b.pk)) for a, b in combinations(organisaties, 2)]
