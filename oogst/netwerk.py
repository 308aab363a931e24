"""The network of a proeftuin as its participants see it, before and after: organisations as
nodes, ties between them from the netwerkpeiling, in aggregates only.

A tie between two organisations comes from what the participants of either one said about the
other; its strength is the strongest answer (one wijkverpleegkundige who works structurally
with the Wmo team makes that a structural tie). Participants without an organisation add to the
number of respondents but make no ties. Density is the share of possible pairs with at least
contact.

Which organisations a picture holds: the current partners of the gemeente that the moment's
answers are about (the form asks about every partner, so those are the partners that existed
then); a partner that joined later is no isolated node of the start picture, and a deleted
partner leaves both pictures (its answers go with it). Without answers, a picture holds every
current partner. New ties can only be told once both moments have answers.
"""

import math
from dataclasses import dataclass, field
from itertools import combinations

from django.db import transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from gemeenten.models import Domein, Fase, Organisatie

from .models import Kennisniveau, Netwerkantwoord, Netwerkpeiling, PeilMoment

Paar = frozenset  # of two organisation ids

# Below this many respondents a picture is shown, with a note that it rests on few answers:
# with one or two people a single person's view decides every tie.
MIN_RESPONDENTEN = 3

# Which moment is open in which phase: the start measurement while the partners meet for the
# first times, the oogst measurement from the improvement half-year to the harvest.
OPEN_IN_FASE = {
    Fase.STARTBIJEENKOMST: PeilMoment.START,
    Fase.INVENTARISATIE: PeilMoment.START,
    Fase.VERBETEREN: PeilMoment.OOGST,
    Fase.VERANKERING: PeilMoment.OOGST,
}

# Colours and shapes by domain, with the domain also in the legend and the table (never colour
# alone). Colours have at least 4.5:1 contrast on white.
DOMEIN_KLEUR = {
    "zorg": "#1f6f8b",
    "sociaal": "#b3541e",
    "gemeente": "#4f5f24",
    "financier": "#6a4c93",
}
DOMEIN_VORM = {"zorg": "cirkel", "sociaal": "vierkant", "gemeente": "ruit", "financier": "driehoek"}
ANDERE_KLEUR = "#6b6b6b"
# Zorg on the right, the gemeente below, the social domain on the left, funders on top: the
# ties between zorg and sociaal domein cross the middle of the picture.
DOMEIN_VOLGORDE = ["zorg", "gemeente", "sociaal", "financier"]

LIJN_STRUCTUREEL = "#222222"
LIJN_NIEUW = "#8a6300"
LIJN_CONTACT = "#7a7a7a"


def open_moment(proeftuin):
    """The moment whose peiling is open in the proeftuin's current phase."""
    return OPEN_IN_FASE.get(proeftuin.fase) if proeftuin else None


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
        """Pairs with at least contact (structural ties included)."""
        return self.paren(Kennisniveau.CONTACT)

    @property
    def alleen_contact(self):
        """Pairs with contact but no structural tie."""
        return self.contact - self.structureel

    @property
    def mogelijke_paren(self):
        n = len(self.organisaties)
        return n * (n - 1) // 2

    @property
    def dichtheid(self):
        """The share of possible pairs with at least contact (0..1)."""
        return len(self.contact) / self.mogelijke_paren if self.mogelijke_paren else 0.0

    @property
    def dichtheid_procent(self):
        return round(100 * self.dichtheid)

    @property
    def heeft_antwoorden(self):
        return self.respondenten > 0

    @property
    def weinig_antwoorden(self):
        """Answers, but fewer than MIN_RESPONDENTEN: the picture rests on few people."""
        return 0 < self.respondenten < MIN_RESPONDENTEN

    @property
    def label(self):
        return PeilMoment(self.moment).label


@dataclass
class Netwerkvergelijking:
    start: Netwerkbeeld
    oogst: Netwerkbeeld
    organisaties: list

    @property
    def beelden(self):
        return [self.start, self.oogst]

    @property
    def can_compare(self):
        return self.start.heeft_antwoorden and self.oogst.heeft_antwoorden

    @property
    def nieuwe_structurele_banden(self):
        """Structural at the oogst and not at the start; empty until both moments have answers
        (without a start measurement nothing can be called new)."""
        if not self.can_compare:
            return set()
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
            if domeinen == {Domein.ZORG, Domein.SOCIAAL}:
                found.append((a, b) if a.domein == Domein.ZORG else (b, a))
        return sorted(found, key=lambda pair: (pair[0].naam, pair[1].naam))

    @property
    def svg_start(self):
        return netwerk_svg(self.start, nieuw=set(), layout=self.organisaties)

    @property
    def svg_oogst(self):
        return netwerk_svg(
            self.oogst, nieuw=self.nieuwe_structurele_banden, layout=self.organisaties
        )


def _beeld(moment, organisaties, peilingen):
    ids = {o.pk for o in organisaties}
    banden = {}
    gevraagd = set()
    for peiling in peilingen:
        if peiling.organisatie_id in ids:
            gevraagd.add(peiling.organisatie_id)
        for antwoord in peiling.antwoorden.all():
            anders = antwoord.organisatie_id
            if anders not in ids:
                continue
            gevraagd.add(anders)
            if peiling.organisatie_id not in ids or anders == peiling.organisatie_id:
                continue
            paar = Paar((peiling.organisatie_id, anders))
            banden[paar] = max(banden.get(paar, 0), antwoord.niveau)
    in_beeld = [o for o in organisaties if o.pk in gevraagd] if gevraagd else list(organisaties)
    return Netwerkbeeld(
        moment=moment, organisaties=in_beeld, respondenten=len(peilingen), banden=banden
    )


def _volgorde(organisatie):
    domein = organisatie.domein
    rang = DOMEIN_VOLGORDE.index(domein) if domein in DOMEIN_VOLGORDE else len(DOMEIN_VOLGORDE)
    return (rang, organisatie.naam.casefold())


def vergelijking(proeftuin) -> Netwerkvergelijking:
    """The network at the start and at the oogst, in three queries whatever the size."""
    organisaties = sorted(Organisatie.objects.only("id", "naam", "domein"), key=_volgorde)
    peilingen = list(
        Netwerkpeiling.objects.filter(proeftuin=proeftuin)
        .only("id", "moment", "organisatie_id", "proeftuin_id")
        .prefetch_related("antwoorden")
    )
    per_moment = {moment: [] for moment in PeilMoment.values}
    for peiling in peilingen:
        per_moment[peiling.moment].append(peiling)
    return Netwerkvergelijking(
        start=_beeld(PeilMoment.START, organisaties, per_moment[PeilMoment.START]),
        oogst=_beeld(PeilMoment.OOGST, organisaties, per_moment[PeilMoment.OOGST]),
        organisaties=organisaties,
    )


def banden_tabel(vergelijking_):
    """Every pair with contact at either moment, with its level at both, for the table and the
    export: (organisation a, organisation b, level at start or None, level at oogst or None,
    new structural tie)."""
    by_id = {o.pk: o for o in vergelijking_.organisaties}
    paren = vergelijking_.start.contact | vergelijking_.oogst.contact
    nieuw = vergelijking_.nieuwe_structurele_banden
    rows = []
    for paar in paren:
        a, b = sorted((by_id[pk] for pk in paar), key=_volgorde)
        rows.append(
            (
                a,
                b,
                vergelijking_.start.banden.get(paar),
                vergelijking_.oogst.banden.get(paar),
                paar in nieuw,
            )
        )
    return sorted(rows, key=lambda row: (_volgorde(row[0]), _volgorde(row[1])))


# --- answering ---------------------------------------------------------------------------------


def eigen_peiling(proeftuin, moment, lidmaatschap):
    """The member's own answers at this moment as {organisation id: level} (empty if none)."""
    peiling = Netwerkpeiling.objects.filter(
        proeftuin=proeftuin, moment=moment, respondent=lidmaatschap
    ).first()
    if peiling is None:
        return None, {}
    return peiling, dict(peiling.antwoorden.values_list("organisatie_id", "niveau"))


@transaction.atomic
def peiling_opslaan(*, proeftuin, moment, lidmaatschap, antwoorden: dict) -> Netwerkpeiling:
    """Store (or replace) one member's answers at one moment: {organisation id: level}. The
    respondent's organisation is their membership's organisation at the time of answering."""
    peiling, _created = Netwerkpeiling.objects.update_or_create(
        gemeente_id=proeftuin.gemeente_id,
        proeftuin=proeftuin,
        moment=moment,
        respondent=lidmaatschap,
        defaults={"organisatie_id": lidmaatschap.organisatie_id},
    )
    peiling.antwoorden.all().delete()
    Netwerkantwoord.objects.bulk_create(
        Netwerkantwoord(
            gemeente_id=proeftuin.gemeente_id, peiling=peiling, organisatie_id=pk, niveau=niveau
        )
        for pk, niveau in antwoorden.items()
        if pk != lidmaatschap.organisatie_id
    )
    return peiling


# --- the picture -------------------------------------------------------------------------------

BREEDTE, HOOGTE = 600, 400
STRAAL_X, STRAAL_Y = 150, 155  # an ellipse: the labels need room left and right
KNOOP = 8


def _posities(organisaties):
    """Organisations on an ellipse, grouped by domain (see DOMEIN_VOLGORDE)."""
    n = len(organisaties)
    posities = {}
    for index, organisatie in enumerate(organisaties):
        angle = 2 * math.pi * index / max(n, 1) - math.pi / 2 + (math.pi / n if n > 1 else 0)
        posities[organisatie.pk] = (
            BREEDTE / 2 + STRAAL_X * math.cos(angle),
            HOOGTE / 2 + STRAAL_Y * math.sin(angle),
        )
    return posities


def _regels(naam, breedte=18):
    """A name in at most three lines of about ``breedte`` characters."""
    words, lines = naam.split(), [""]
    for word in words:
        if lines[-1] and len(lines[-1]) + 1 + len(word) > breedte:
            if len(lines) == 3:
                lines[-1] = lines[-1][: breedte - 1] + "…"
                break
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}".strip()
    return lines


def _vorm(domein, x, y, kleur):
    r = KNOOP
    vorm = DOMEIN_VORM.get(domein, "cirkel")
    rand = 'stroke="#fff" stroke-width="1.5"'
    if vorm == "vierkant":
        return (
            f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r}" height="{2 * r}" '
            f'fill="{kleur}" {rand}/>'
        )
    if vorm == "ruit":
        d = r * 1.3
        punten = f"{x:.1f},{y - d:.1f} {x + d:.1f},{y:.1f} {x:.1f},{y + d:.1f} {x - d:.1f},{y:.1f}"
        return f'<polygon points="{punten}" fill="{kleur}" {rand}/>'
    if vorm == "driehoek":
        d = r * 1.25
        punten = f"{x:.1f},{y - d:.1f} {x + d:.1f},{y + d * 0.8:.1f} {x - d:.1f},{y + d * 0.8:.1f}"
        return f'<polygon points="{punten}" fill="{kleur}" {rand}/>'
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" fill="{kleur}" {rand}/>'


def netwerk_svg(beeld: Netwerkbeeld, *, nieuw=frozenset(), layout=None) -> str:
    """An inline SVG of one network picture: nodes coloured and shaped by domain, structural
    ties as solid lines, contact as thin dashed lines, new structural ties thicker and in gold.
    ``layout`` (all organisations of the comparison) keeps every organisation in the same place
    in both pictures. Safe to embed (every text is escaped); meant to sit next to a legend and a
    table with the same figures. Uses presentation attributes only (no inline style: CSP)."""
    posities = _posities(layout if layout is not None else beeld.organisaties)
    titel = _("Network %(moment)s: %(ties)d structural ties between %(orgs)d organisations") % {
        "moment": PeilMoment(beeld.moment).label.lower(),
        "ties": len(beeld.structureel),
        "orgs": len(beeld.organisaties),
    }
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {BREEDTE} {HOOGTE}" '
        f'class="netwerk" role="img" aria-label="{escape(titel)}"><title>{escape(titel)}</title>'
    ]
    in_beeld = {o.pk for o in beeld.organisaties}
    for paar, niveau in sorted(beeld.banden.items(), key=lambda item: sorted(item[0])):
        if niveau < Kennisniveau.CONTACT:
            continue
        a, b = sorted(paar)
        (x1, y1), (x2, y2) = posities[a], posities[b]
        if niveau >= Kennisniveau.STRUCTUREEL and paar in nieuw:
            style = f'stroke="{LIJN_NIEUW}" stroke-width="4"'
        elif niveau >= Kennisniveau.STRUCTUREEL:
            style = f'stroke="{LIJN_STRUCTUREEL}" stroke-width="2"'
        else:
            style = f'stroke="{LIJN_CONTACT}" stroke-width="1" stroke-dasharray="5 4"'
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" {style}/>')
    for organisatie in beeld.organisaties:
        if organisatie.pk not in in_beeld or organisatie.pk not in posities:
            continue
        x, y = posities[organisatie.pk]
        kleur = DOMEIN_KLEUR.get(organisatie.domein, ANDERE_KLEUR)
        parts.append(_vorm(organisatie.domein, x, y, kleur))
        rechts = x >= BREEDTE / 2 + 1
        midden = abs(x - BREEDTE / 2) < 1
        anchor = "middle" if midden else ("start" if rechts else "end")
        dx = 0 if midden else (13 if rechts else -13)
        lines = _regels(organisatie.naam)
        top = y + 4 - 7 * (len(lines) - 1)
        if midden:
            top = y - 16 - 14 * (len(lines) - 1) if y < HOOGTE / 2 else y + 26
        tspans = "".join(
            f'<tspan x="{x + dx:.1f}" y="{top + 14 * i:.1f}">{escape(line)}</tspan>'
            for i, line in enumerate(lines)
        )
        parts.append(
            f'<text font-size="13" font-family="sans-serif" fill="#1a1a1a" '
            f'text-anchor="{anchor}">{tspans}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (every text above is escaped)


def legenda():
    """The legend of the pictures, for the templates: each domain with its colour and shape,
    each kind of line with its look, all in words too."""
    vormen = {
        "cirkel": _("circle"),
        "vierkant": _("square"),
        "ruit": _("diamond"),
        "driehoek": _("triangle"),
    }
    return {
        "domeinen": [
            {
                "domein": d,
                "kleur": DOMEIN_KLEUR[d],
                "svg": mark_safe(_vorm(d, 10, 10, DOMEIN_KLEUR[d])),  # noqa: S308 (no text)
                "label": Domein(d).label,
                "vorm": vormen[DOMEIN_VORM[d]],
            }
            for d in DOMEIN_VOLGORDE
        ],
        "lijnen": [
            {
                "svg": mark_safe(_lijn(LIJN_STRUCTUREEL, 2)),  # noqa: S308 (no text)
                "label": _("work together structurally (solid line)"),
            },
            {
                "svg": mark_safe(_lijn(LIJN_CONTACT, 1, dash=True)),  # noqa: S308 (no text)
                "label": _("have contact (thin dashed line)"),
            },
            {
                "svg": mark_safe(_lijn(LIJN_NIEUW, 4)),  # noqa: S308 (no text)
                "label": _("new structural tie since the start (thick gold line)"),
            },
        ],
    }


def _lijn(kleur, breedte, dash=False):
    streep = ' stroke-dasharray="5 4"' if dash else ""
    return (
        f'<line x1="0" y1="10" x2="36" y2="10" stroke="{kleur}" stroke-width="{breedte}"{streep}/>'
    )


def alle_paren(organisaties):
    """Every pair of organisations, for tables that list ties with their level."""
    return [Paar((a.pk, b.pk)) for a, b in combinations(organisaties, 2)]
