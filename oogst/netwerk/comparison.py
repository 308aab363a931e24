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

from .drawing import DOMAIN_ORDER, network_svg
from .models import Kennisniveau, Netwerkpeiling, PeilMoment

Pair = frozenset  # of two organisation ids

# Below this many respondents a picture is shown, with a note that it rests on few answers:
# with one or two people a single person's view decides every tie.
MIN_RESPONDENTS = 3

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
class NetworkPicture:
    moment: str
    organisaties: list
    respondenten: int
    ties: dict = field(default_factory=dict)  # Pair -> strongest Kennisniveau

    def pairs(self, minimum):
        return {pair for pair, level in self.ties.items() if level >= minimum}

    @property
    def structureel(self):
        return self.pairs(Kennisniveau.STRUCTUREEL)

    @property
    def contact(self):
        """Pairs with at least contact (structural ties included)."""
        return self.pairs(Kennisniveau.CONTACT)

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
        """Answers, but fewer than MIN_RESPONDENTS: the picture rests on few people."""
        return 0 < self.respondenten < MIN_RESPONDENTS

    @property
    def label(self):
        return PeilMoment(self.moment).label


@dataclass
class NetworkComparison:
    start: NetworkPicture
    oogst: NetworkPicture
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
        for pair in self.nieuwe_structurele_banden:
            a, b = (by_id[pk] for pk in pair)
            domains = {a.domein, b.domein}
            if domains == {Domein.ZORG, Domein.SOCIAAL}:
                found.append((a, b) if a.domein == Domein.ZORG else (b, a))
        return sorted(found, key=lambda pair: (pair[0].naam, pair[1].naam))

    @property
    def svg_start(self):
        return network_svg(self.start, new=set(), layout=self.organisaties)

    @property
    def svg_oogst(self):
        return network_svg(self.oogst, new=self.nieuwe_structurele_banden, layout=self.organisaties)


def _picture(moment, organisaties, peilingen):
    ids = {o.pk for o in organisaties}
    ties = {}
    asked = set()
    for peiling in peilingen:
        if peiling.organisatie_id in ids:
            asked.add(peiling.organisatie_id)
        for antwoord in peiling.antwoorden.all():
            other = antwoord.organisatie_id
            if other not in ids:
                continue
            asked.add(other)
            if peiling.organisatie_id not in ids or other == peiling.organisatie_id:
                continue
            pair = Pair((peiling.organisatie_id, other))
            ties[pair] = max(ties.get(pair, 0), antwoord.niveau)
    shown = [o for o in organisaties if o.pk in asked] if asked else list(organisaties)
    return NetworkPicture(moment=moment, organisaties=shown, respondenten=len(peilingen), ties=ties)


def _sort_key(organisatie):
    domain = organisatie.domein
    rank = DOMAIN_ORDER.index(domain) if domain in DOMAIN_ORDER else len(DOMAIN_ORDER)
    return (rank, organisatie.naam.casefold())


def compare(proeftuin) -> NetworkComparison:
    """The network at the start and at the oogst, in three queries whatever the size."""
    organisaties = sorted(Organisatie.objects.only("id", "naam", "domein"), key=_sort_key)
    peilingen = list(
        Netwerkpeiling.objects.filter(proeftuin=proeftuin)
        .only("id", "moment", "organisatie_id", "proeftuin_id")
        .prefetch_related("antwoorden")
    )
    per_moment = {moment: [] for moment in PeilMoment.values}
    for peiling in peilingen:
        per_moment[peiling.moment].append(peiling)
    return NetworkComparison(
        start=_picture(PeilMoment.START, organisaties, per_moment[PeilMoment.START]),
        oogst=_picture(PeilMoment.OOGST, organisaties, per_moment[PeilMoment.OOGST]),
        organisaties=organisaties,
    )


def ties_table(compared):
    """Every pair with contact at either moment, with its level at both, for the table and the
    export: (organisation a, organisation b, level at start or None, level at oogst or None,
    new structural tie)."""
    by_id = {o.pk: o for o in compared.organisaties}
    pairs = compared.start.contact | compared.oogst.contact
    new = compared.nieuwe_structurele_banden
    rows = []
    for pair in pairs:
        a, b = sorted((by_id[pk] for pk in pair), key=_sort_key)
        rows.append(
            (
                a,
                b,
                compared.start.ties.get(pair),
                compared.oogst.ties.get(pair),
                pair in new,
            )
        )
    return sorted(rows, key=lambda row: (_sort_key(row[0]), _sort_key(row[1])))
