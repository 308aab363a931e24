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

from dataclasses import dataclass, field

from gemeenten.models import Domein, Fase, Organisatie

from .drawing import DOMEIN_VOLGORDE, netwerk_svg
from .models import Kennisniveau, Netwerkpeiling, PeilMoment

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
