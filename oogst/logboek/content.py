"""What the Logboek Oogst of one proeftuin shows, read in a fixed number of queries whatever the
number of casussen, meetings, actions or metingen: collect() composes one step per chapter
(document.py prints it).

Casussen appear by number and category only: a casus text may be printed only with its author's
consent, which the app does not record, so never. Inzichten likewise appear as counts (their
texts are read by members who read casus texts, and bestuurders read this document). Verhalen
appear only with the recorded consent of the person quoted."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bijeenkomsten.cijfers import aanwezigheid
from bijeenkomsten.models import Soort as BijeenkomstSoort
from casussen.models import (
    Casus,
    Inzicht,
    InzichtSuccesfactor,
    Knelpunt,
    KnelpuntCategorie,
    Succesfactor,
)
from casussen.models.casus import Leeftijdscategorie, Woonsituatie, Ziektebeeld
from gemeenten import kostenbaten
from gemeenten.models import Commitment, Domein, Kerngroeplid, Organisatie
from oogst.inhoud.models import Borging, Les, Oogst, Verhaal, Vervolgafspraak
from oogst.netwerk import comparison
from verbeteracties.models import (
    ActieCasus,
    ActieInzicht,
    ActieOrganisatie,
    Indicator,
    Meting,
    Status,
    Verbeteractie,
    Voortgang,
)
from verbeteracties.runchart import run_chart

# What the logboek counts as the proeftuin's casussen: brought in, not drafts, not deleted.
BROUGHT_IN = [Casus.Status.INGEDIEND, Casus.Status.BESPROKEN, Casus.Status.GEARCHIVEERD]
DIMENSIONS = {
    "dimensie_fysiek": gettext_lazy("physical"),
    "dimensie_psychisch": gettext_lazy("psychological"),
    "dimensie_sociaal": gettext_lazy("social"),
    "dimensie_zingeving": gettext_lazy("meaning and spirituality"),
}
ACHIEVED = (Status.AFGEROND, Status.GEBORGD)


def _label(choices, value):
    try:
        return str(choices(value).label)
    except ValueError:
        return value or ""


@dataclass
class Tally:
    label: str
    aantal: int


@dataclass
class CasusSummary:
    nummer: int
    datum: datetime.date | None
    ziektebeeld: str
    leeftijd: str
    woonsituatie: str
    dimensies: list
    knelpunten: list
    inzichten: int


@dataclass
class ActieRow:
    actie: Verbeteractie
    status_label: str
    eigenaar_organisatie: str
    succesfactoren: list
    categorieen: list
    casussen: int
    inzichten: int
    borging: Borging | None
    indicatoren: list  # (indicator, run chart html, resultaat sentence)
    laatste_update: Voortgang | None

    @property
    def resultaat(self):
        parts = [r for _i, _c, r in self.indicatoren if r]
        return "; ".join(parts)


@dataclass
class Logboek:
    proeftuin: object
    gemeente: object
    oogst: Oogst | None
    gemaakt_op: datetime.datetime
    cijfers: dict
    partners: list
    kerngroep: list
    commitments: list
    kosten_baten: list
    kosten_totaal: object
    kosten_per_domein: list
    bijeenkomsten: list
    aanwezigheid_totaal: int
    deelnemers_per_domein: list
    netwerk: object
    casussen: list
    casus_tellingen: dict
    knelpunten: list
    succesfactoren: list
    acties: list
    acties_per_status: list
    lessen: list
    verhalen: list
    vervolgafspraken: list
    borgingen: list
    extra: dict = field(default_factory=dict)

    @property
    def titel(self):
        return _("Logboek Oogst %(gemeente)s") % {"gemeente": self.gemeente.naam}

    @property
    def voorwoord(self):
        return self.oogst.voorwoord if self.oogst else ""

    @property
    def hoe_verder(self):
        return self.oogst.hoe_verder if self.oogst else ""


def _tallies(counter, labels):
    """(label, n) for each value with a count, most first, then by label."""
    rows = [Tally(labels(value), n) for value, n in counter.items() if n]
    return sorted(rows, key=lambda t: (-t.aantal, t.label))


def _indicator_result(indicator, metingen):
    if not metingen:
        return ""
    last = metingen[-1]
    start = indicator.nulmeting if indicator.nulmeting is not None else metingen[0].waarde
    from kern.charts import format_number

    text = _("%(naam)s: from %(van)s to %(tot)s %(eenheid)s") % {
        "naam": indicator.naam,
        "van": format_number(start),
        "tot": format_number(last.waarde),
        "eenheid": indicator.eenheid,
    }
    if indicator.streefwaarde is not None:
        text += " " + _("(target %(streef)s)") % {"streef": format_number(indicator.streefwaarde)}
    return text


def collect(proeftuin, *, now=None) -> Logboek:
    """Everything the logboek of ``proeftuin`` shows, inside the gemeente's scope: one step per
    chapter (or two chapters that read the same rows), each in a fixed number of queries."""
    now = now or timezone.now()
    partners = _partners(proeftuin)
    meetings = _meetings(proeftuin, now)
    casussen = _casussen(proeftuin)
    acties = _acties(proeftuin)
    lessen = _lessen(proeftuin)
    verhalen = _verhalen(proeftuin)
    costs = kostenbaten.kosten_en_baten(proeftuin)
    borgingen = [row for row in acties.rows if row.borging is not None]
    figures = _figures(partners, meetings, casussen, acties, borgingen, lessen, verhalen)
    return Logboek(
        proeftuin=proeftuin,
        gemeente=proeftuin.gemeente,
        oogst=Oogst.objects.filter(proeftuin=proeftuin).first(),
        gemaakt_op=now,
        cijfers=figures,
        partners=partners.rows,
        kerngroep=partners.kerngroep,
        commitments=partners.commitments,
        kosten_baten=costs,
        kosten_totaal=kostenbaten.totaal(costs),
        kosten_per_domein=kostenbaten.per_domein(costs),
        bijeenkomsten=meetings.rows,
        aanwezigheid_totaal=figures["aanwezigheid"],
        deelnemers_per_domein=meetings.per_domain,
        netwerk=comparison.compare(proeftuin),
        casussen=casussen.short,
        casus_tellingen=casussen.tallies,
        knelpunten=_knelpunten(casussen),
        succesfactoren=_succesfactoren(casussen, acties, lessen),
        acties=acties.rows,
        acties_per_status=acties.per_status,
        lessen=lessen,
        verhalen=verhalen,
        vervolgafspraken=_vervolgafspraken(proeftuin),
        borgingen=borgingen,
    )


# --- the steps ---------------------------------------------------------------------------------


@dataclass
class _Partners:
    organisaties: list
    kerngroep: list
    commitments: list
    rows: list  # per organisation: its domain, kerngroep members and commitments


def _partners(proeftuin) -> _Partners:
    """The partners with their kerngroep members and active commitments (chapters "partners"
    and "investeringen")."""
    organisaties = list(
        Organisatie.objects.filter(gemeente_id=proeftuin.gemeente_id).select_related(
            "contactpersoon__user"
        )
    )
    kerngroep = list(
        Kerngroeplid.objects.filter(organisatie__gemeente_id=proeftuin.gemeente_id)
        .select_related("organisatie", "lidmaatschap__user")
        .order_by("organisatie__naam", "naam", "pk")
    )
    commitments = list(
        Commitment.objects.filter(proeftuin=proeftuin)
        .actief()
        .select_related("organisatie")
        .order_by("organisatie__naam", "soort", "pk")
    )
    kerngroep_of = defaultdict(list)
    for lid in kerngroep:
        kerngroep_of[lid.organisatie_id].append(lid)
    commitments_of = defaultdict(list)
    for commitment in commitments:
        commitments_of[commitment.organisatie_id].append(commitment)
    rows = [
        {
            "organisatie": o,
            "domein": _label(Domein, o.domein),
            "kerngroep": kerngroep_of.get(o.pk, []),
            "commitments": commitments_of.get(o.pk, []),
        }
        for o in sorted(organisaties, key=lambda o: (o.domein, o.naam))
    ]
    return _Partners(organisaties, kerngroep, commitments, rows)


@dataclass
class _Meetings:
    rows: list  # bijeenkomsten.cijfers.aanwezigheid, each with its kind's label
    per_domain: list[Tally]  # participants by domain, over every meeting


def _meetings(proeftuin, now) -> _Meetings:
    """The meetings with their attendance (chapter "bijeenkomsten")."""
    rows = aanwezigheid(proeftuin, now)
    per_domain = Counter()
    for row in rows:
        per_domain.update(row.per_domein)
        row.soort_label = _label(BijeenkomstSoort, row.bijeenkomst.soort)
    return _Meetings(
        rows=rows,
        per_domain=_tallies(per_domain, lambda v: _label(Domein, v) if v else _("unknown")),
    )


@dataclass
class _Casussen:
    count: int
    short: list[CasusSummary]
    tallies: dict  # by ziektebeeld, leeftijd, woonsituatie and dimensies
    knelpunten_per_casus: dict  # casus id -> knelpunt categories
    inzichten: list  # (pk, casus id, knelpunt categories) of each inzicht


def _casussen(proeftuin) -> _Casussen:
    """The casussen by number and category, never a text field: the values below name none
    (chapter "casussen"), with their knelpunten and inzichten."""
    rows = list(
        Casus.objects.zichtbaar()
        .filter(proeftuin=proeftuin, status__in=BROUGHT_IN)
        .order_by("ingediend_op", "created_at", "pk")
        .values(
            "pk",
            "status",
            "ziektebeeld",
            "leeftijdscategorie",
            "woonsituatie",
            "ingediend_op",
            "created_at",
            *DIMENSIONS,
        )
    )
    ids = [row["pk"] for row in rows]
    knelpunten_per_casus = defaultdict(list)
    for casus_id, categorie in Knelpunt.objects.filter(
        casus__proeftuin=proeftuin, casus_id__in=ids
    ).values_list("casus_id", "categorie"):
        knelpunten_per_casus[casus_id].append(categorie)
    inzichten = list(
        Inzicht.objects.zichtbaar()
        .filter(casus__proeftuin=proeftuin, casus_id__in=ids)
        .values_list("pk", "casus_id", "knelpunt_categorieen")
    )
    inzichten_per_casus = Counter(casus_id for _pk, casus_id, _c in inzichten)
    short = []
    for nummer, row in enumerate(rows, start=1):
        moment = row["ingediend_op"] or row["created_at"]
        categorieen = sorted(set(knelpunten_per_casus[row["pk"]]))
        short.append(
            CasusSummary(
                nummer=nummer,
                datum=timezone.localdate(moment) if moment else None,
                ziektebeeld=_label(Ziektebeeld, row["ziektebeeld"]),
                leeftijd=_label(Leeftijdscategorie, row["leeftijdscategorie"]),
                woonsituatie=_label(Woonsituatie, row["woonsituatie"]),
                dimensies=[str(label) for name, label in DIMENSIONS.items() if row[name]],
                knelpunten=[_label(KnelpuntCategorie, c) for c in categorieen],
                inzichten=inzichten_per_casus[row["pk"]],
            )
        )
    return _Casussen(
        count=len(rows),
        short=short,
        tallies=_casus_tallies(rows),
        knelpunten_per_casus=knelpunten_per_casus,
        inzichten=inzichten,
    )


def _casus_tallies(rows):
    """How many casussen of each ziektebeeld, age group, living situation and dimension."""

    def tally(column, choices):
        counts = Counter(row[column] for row in rows if row[column])
        return _tallies(counts, lambda v: _label(choices, v))

    return {
        "ziektebeeld": tally("ziektebeeld", Ziektebeeld),
        "leeftijd": tally("leeftijdscategorie", Leeftijdscategorie),
        "woonsituatie": tally("woonsituatie", Woonsituatie),
        "dimensies": _tallies(
            Counter(str(label) for row in rows for name, label in DIMENSIONS.items() if row[name]),
            str,
        ),
    }


def _knelpunten(casussen: _Casussen) -> list:
    """Each knelpunt category with how many casussen and inzichten name it, most first (chapter
    "knelpunten")."""
    in_casussen = Counter(
        categorie
        for categorieen in casussen.knelpunten_per_casus.values()
        for categorie in set(categorieen)
    )
    in_inzichten = Counter(
        categorie
        for _pk, _c, categorieen in casussen.inzichten
        for categorie in set(categorieen or [])
    )
    rows = sorted(
        (
            {
                "label": str(label),
                "casussen": in_casussen.get(value, 0),
                "inzichten": in_inzichten.get(value, 0),
            }
            for value, label in KnelpuntCategorie.choices
        ),
        key=lambda row: (-(row["casussen"] + row["inzichten"]), row["label"]),
    )
    return [row for row in rows if row["casussen"] or row["inzichten"]]


@dataclass
class _Acties:
    rows: list[ActieRow]
    per_status: list[Tally]

    @property
    def achieved(self):
        return sum(1 for row in self.rows if row.actie.status in ACHIEVED)


def _acties(proeftuin) -> _Acties:
    """The living verbeteracties with what the chain and the run charts need (chapters
    "verbeteracties" and "resultaten")."""
    acties = list(
        Verbeteractie.objects.levend()
        .filter(proeftuin=proeftuin)
        .select_related("eigenaar__organisatie", "borging__door")
        .prefetch_related(
            Prefetch("succesfactoren", queryset=Succesfactor.objects.order_by("volgorde", "naam")),
            Prefetch(
                "betrokkenheden", queryset=ActieOrganisatie.objects.select_related("organisatie")
            ),
            Prefetch(
                "indicatoren",
                queryset=Indicator.objects.prefetch_related(
                    Prefetch("metingen", queryset=Meting.objects.order_by("datum", "pk"))
                ),
            ),
            Prefetch("updates", queryset=Voortgang.objects.order_by("-datum", "-pk")),
        )
    )
    ids = [a.pk for a in acties]
    casussen_per_actie = Counter(
        ActieCasus.objects.filter(actie_id__in=ids).values_list("actie_id", flat=True)
    )
    inzichten_per_actie = Counter(
        ActieInzicht.objects.filter(actie_id__in=ids).values_list("actie_id", flat=True)
    )
    rows = [
        _actie_row(actie, casussen_per_actie[actie.pk], inzichten_per_actie[actie.pk])
        for actie in acties
    ]
    per_status = Counter(a.status for a in acties)
    return _Acties(
        rows=rows,
        per_status=[
            Tally(str(s.label), per_status[s.value]) for s in Status if per_status[s.value]
        ],
    )


def _actie_row(actie, casussen, inzichten) -> ActieRow:
    """One verbeteractie as the logboek shows it, from the rows _acties() loaded."""
    updates = list(actie.updates.all())
    indicatoren = []
    for indicator in actie.indicatoren.all():
        indicator.actie = actie
        metingen = list(indicator.metingen.all())
        indicatoren.append(
            (
                indicator,
                run_chart(indicator, metingen, updates),
                _indicator_result(indicator, metingen),
            )
        )
    try:
        borging = actie.borging
    except Borging.DoesNotExist:
        borging = None
    return ActieRow(
        actie=actie,
        status_label=_label(Status, actie.status),
        eigenaar_organisatie=(
            actie.eigenaar.organisatie.naam
            if actie.eigenaar_id and actie.eigenaar.organisatie_id
            else ""
        ),
        succesfactoren=list(actie.succesfactoren.all()),
        categorieen=[str(c) for c in actie.categorie_labels],
        casussen=casussen,
        inzichten=inzichten,
        borging=borging,
        indicatoren=indicatoren,
        laatste_update=updates[0] if updates else None,
    )


def _lessen(proeftuin) -> list:
    """The lessen with their succesfactoren (chapter "lessen")."""
    return list(
        Les.objects.filter(proeftuin=proeftuin)
        .prefetch_related(Prefetch("succesfactoren", queryset=Succesfactor.objects.all()))
        .order_by("created_at", "pk")
    )


def _verhalen(proeftuin) -> list:
    """The verhalen with the recorded consent of the person quoted (chapter "verhalen")."""
    return list(
        Verhaal.objects.filter(proeftuin=proeftuin, toestemming=True).order_by("created_at", "pk")
    )


def _vervolgafspraken(proeftuin) -> list:
    """What the partners agreed to do next (chapter "verder")."""
    return list(Vervolgafspraak.objects.filter(proeftuin=proeftuin).select_related("organisatie"))


def _succesfactoren(casussen: _Casussen, acties: _Acties, lessen) -> list:
    """Each succesfactor with how many inzichten, which actions and which lessen work on it
    (chapter "knelpunten"); a retired factor only while inzichten still name it."""
    per_factor = Counter(
        InzichtSuccesfactor.objects.filter(
            inzicht_id__in=[pk for pk, _c, _k in casussen.inzichten]
        ).values_list("succesfactor_id", flat=True)
    )
    acties_per_factor = defaultdict(list)
    for row in acties.rows:
        for factor in row.succesfactoren:
            acties_per_factor[factor.pk].append(row.actie)
    lessen_per_factor = defaultdict(list)
    for les in lessen:
        for factor in les.succesfactoren.all():
            lessen_per_factor[factor.pk].append(les)
    return [
        {
            "factor": factor,
            "inzichten": per_factor.get(factor.pk, 0),
            "acties": acties_per_factor.get(factor.pk, []),
            "lessen": lessen_per_factor.get(factor.pk, []),
        }
        for factor in Succesfactor.objects.order_by("volgorde", "naam")
        if factor.actief or per_factor.get(factor.pk)
    ]


def _figures(partners, meetings, casussen, acties, borgingen, lessen, verhalen) -> dict:
    """The proeftuin in numbers (chapter "cijfers"; the combined logboek compares them)."""
    return {
        "partners": len(partners.organisaties),
        "kerngroep": len(partners.kerngroep),
        "bijeenkomsten": len(meetings.rows),
        "aanwezigheid": sum(row.totaal for row in meetings.rows),
        "casussen": casussen.count,
        "inzichten": len(casussen.inzichten),
        "verbeteracties": len(acties.rows),
        "bereikt": acties.achieved,
        "geborgd": sum(1 for row in borgingen if row.borging.stand == Borging.Stand.GEBORGD),
        "indicatoren": sum(len(row.indicatoren) for row in acties.rows),
        "metingen": sum(
            len(list(i.metingen.all())) for row in acties.rows for i, _c, _r in row.indicatoren
        ),
        "lessen": len(lessen),
        "verhalen": len(verhalen),
    }
