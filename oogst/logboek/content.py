"""The data of the Logboek Oogst of one proeftuin, read in a fixed number of queries whatever the
number of casussen, meetings, actions or metingen, and the HTML it is printed from.

Casussen appear by number and category only: a casus text may be printed only with its author's
consent, which the app does not record, so never. Inzichten likewise appear as counts (their
texts are read by members who read casus texts, and bestuurders read this document). Verhalen
appear only with the recorded consent of the person quoted."""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils import timezone, translation
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
from oogst.netwerk import comparison as netwerk
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
BESPREEKBAAR = [Casus.Status.INGEDIEND, Casus.Status.BESPROKEN, Casus.Status.GEARCHIVEERD]
DIMENSIES = {
    "dimensie_fysiek": gettext_lazy("physical"),
    "dimensie_psychisch": gettext_lazy("psychological"),
    "dimensie_sociaal": gettext_lazy("social"),
    "dimensie_zingeving": gettext_lazy("meaning and spirituality"),
}
BEREIKT = (Status.AFGEROND, Status.GEBORGD)


def _label(choices, value):
    try:
        return str(choices(value).label)
    except ValueError:
        return value or ""


@dataclass
class Telling:
    label: str
    aantal: int


@dataclass
class CasusKort:
    nummer: int
    datum: datetime.date | None
    ziektebeeld: str
    leeftijd: str
    woonsituatie: str
    dimensies: list
    knelpunten: list
    inzichten: int


@dataclass
class ActieRegel:
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


def _tellingen(counter, labels):
    """(label, n) for each value with a count, most first, then by label."""
    rows = [Telling(labels(value), n) for value, n in counter.items() if n]
    return sorted(rows, key=lambda t: (-t.aantal, t.label))


def _indicator_resultaat(indicator, metingen):
    if not metingen:
        return ""
    laatste = metingen[-1]
    start = indicator.nulmeting if indicator.nulmeting is not None else metingen[0].waarde
    from kern.charts import format_number

    tekst = _("%(naam)s: from %(van)s to %(tot)s %(eenheid)s") % {
        "naam": indicator.naam,
        "van": format_number(start),
        "tot": format_number(laatste.waarde),
        "eenheid": indicator.eenheid,
    }
    if indicator.streefwaarde is not None:
        tekst += " " + _("(target %(streef)s)") % {"streef": format_number(indicator.streefwaarde)}
    return tekst


def verzamel(proeftuin, *, now=None) -> Logboek:
    """Everything the logboek of ``proeftuin`` shows, inside the gemeente's scope."""
    now = now or timezone.now()
    gemeente = proeftuin.gemeente
    oogst = Oogst.objects.filter(proeftuin=proeftuin).first()

    # Partners and kerngroep.
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
    kerngroep_per_org = defaultdict(list)
    for lid in kerngroep:
        kerngroep_per_org[lid.organisatie_id].append(lid)
    commitments = list(
        Commitment.objects.filter(proeftuin=proeftuin)
        .actief()
        .select_related("organisatie")
        .order_by("organisatie__naam", "soort", "pk")
    )
    commitments_per_org = defaultdict(list)
    for commitment in commitments:
        commitments_per_org[commitment.organisatie_id].append(commitment)
    partners = [
        {
            "organisatie": o,
            "domein": _label(Domein, o.domein),
            "kerngroep": kerngroep_per_org.get(o.pk, []),
            "commitments": commitments_per_org.get(o.pk, []),
        }
        for o in sorted(organisaties, key=lambda o: (o.domein, o.naam))
    ]
    kb_rows = kostenbaten.kosten_en_baten(proeftuin)

    # Meetings and attendance.
    bijeenkomsten = aanwezigheid(proeftuin, now)
    per_domein = Counter()
    for row in bijeenkomsten:
        per_domein.update(row.per_domein)
    deelnemers_per_domein = _tellingen(
        per_domein, lambda v: _label(Domein, v) if v else _("unknown")
    )
    for row in bijeenkomsten:
        row.soort_label = _label(BijeenkomstSoort, row.bijeenkomst.soort)

    # Casussen: categories only (never a text field: the values below name none).
    casus_rows = list(
        Casus.objects.zichtbaar()
        .filter(proeftuin=proeftuin, status__in=BESPREEKBAAR)
        .order_by("ingediend_op", "created_at", "pk")
        .values(
            "pk",
            "status",
            "ziektebeeld",
            "leeftijdscategorie",
            "woonsituatie",
            "ingediend_op",
            "created_at",
            *DIMENSIES,
        )
    )
    casus_ids = [c["pk"] for c in casus_rows]
    knelpunten_per_casus = defaultdict(list)
    for casus_id, categorie in Knelpunt.objects.filter(
        casus__proeftuin=proeftuin, casus_id__in=casus_ids
    ).values_list("casus_id", "categorie"):
        knelpunten_per_casus[casus_id].append(categorie)
    inzichten = list(
        Inzicht.objects.zichtbaar()
        .filter(casus__proeftuin=proeftuin, casus_id__in=casus_ids)
        .values_list("pk", "casus_id", "knelpunt_categorieen")
    )
    inzichten_per_casus = Counter(casus_id for _pk, casus_id, _c in inzichten)
    casussen = []
    for nummer, row in enumerate(casus_rows, start=1):
        moment = row["ingediend_op"] or row["created_at"]
        categorieen = sorted(set(knelpunten_per_casus[row["pk"]]))
        casussen.append(
            CasusKort(
                nummer=nummer,
                datum=timezone.localdate(moment) if moment else None,
                ziektebeeld=_label(Ziektebeeld, row["ziektebeeld"]),
                leeftijd=_label(Leeftijdscategorie, row["leeftijdscategorie"]),
                woonsituatie=_label(Woonsituatie, row["woonsituatie"]),
                dimensies=[str(label) for name, label in DIMENSIES.items() if row[name]],
                knelpunten=[_label(KnelpuntCategorie, c) for c in categorieen],
                inzichten=inzichten_per_casus[row["pk"]],
            )
        )
    casus_tellingen = {
        "ziektebeeld": _tellingen(
            Counter(c["ziektebeeld"] for c in casus_rows if c["ziektebeeld"]),
            lambda v: _label(Ziektebeeld, v),
        ),
        "leeftijd": _tellingen(
            Counter(c["leeftijdscategorie"] for c in casus_rows if c["leeftijdscategorie"]),
            lambda v: _label(Leeftijdscategorie, v),
        ),
        "woonsituatie": _tellingen(
            Counter(c["woonsituatie"] for c in casus_rows if c["woonsituatie"]),
            lambda v: _label(Woonsituatie, v),
        ),
        "dimensies": _tellingen(
            Counter(str(label) for c in casus_rows for name, label in DIMENSIES.items() if c[name]),
            str,
        ),
    }
    in_casussen = Counter(
        categorie for categorieen in knelpunten_per_casus.values() for categorie in set(categorieen)
    )
    in_inzichten = Counter(
        categorie for _pk, _c, categorieen in inzichten for categorie in set(categorieen or [])
    )

    # Actions, with what the chain and the run charts need.
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
    actie_ids = [a.pk for a in acties]
    casussen_per_actie = Counter(
        ActieCasus.objects.filter(actie_id__in=actie_ids).values_list("actie_id", flat=True)
    )
    inzichten_per_actie = Counter(
        ActieInzicht.objects.filter(actie_id__in=actie_ids).values_list("actie_id", flat=True)
    )
    actie_regels = []
    for actie in acties:
        updates = list(actie.updates.all())
        indicatoren = []
        for indicator in actie.indicatoren.all():
            indicator.actie = actie
            metingen = list(indicator.metingen.all())
            indicatoren.append(
                (
                    indicator,
                    run_chart(indicator, metingen, updates),
                    _indicator_resultaat(indicator, metingen),
                )
            )
        try:
            borging = actie.borging
        except Borging.DoesNotExist:
            borging = None
        actie_regels.append(
            ActieRegel(
                actie=actie,
                status_label=_label(Status, actie.status),
                eigenaar_organisatie=(
                    actie.eigenaar.organisatie.naam
                    if actie.eigenaar_id and actie.eigenaar.organisatie_id
                    else ""
                ),
                succesfactoren=list(actie.succesfactoren.all()),
                categorieen=[str(c) for c in actie.categorie_labels],
                casussen=casussen_per_actie[actie.pk],
                inzichten=inzichten_per_actie[actie.pk],
                borging=borging,
                indicatoren=indicatoren,
                laatste_update=updates[0] if updates else None,
            )
        )
    per_status = Counter(a.status for a in acties)
    acties_per_status = [
        Telling(str(s.label), per_status[s.value]) for s in Status if per_status[s.value]
    ]

    # Success factors: how many inzichten, which actions and lessons work on each.
    lessen = list(
        Les.objects.filter(proeftuin=proeftuin)
        .prefetch_related(Prefetch("succesfactoren", queryset=Succesfactor.objects.all()))
        .order_by("created_at", "pk")
    )
    per_factor = Counter(
        InzichtSuccesfactor.objects.filter(
            inzicht_id__in=[pk for pk, _c, _k in inzichten]
        ).values_list("succesfactor_id", flat=True)
    )
    acties_per_factor = defaultdict(list)
    for regel in actie_regels:
        for factor in regel.succesfactoren:
            acties_per_factor[factor.pk].append(regel.actie)
    lessen_per_factor = defaultdict(list)
    for les in lessen:
        for factor in les.succesfactoren.all():
            lessen_per_factor[factor.pk].append(les)
    succesfactoren = [
        {
            "factor": factor,
            "inzichten": per_factor.get(factor.pk, 0),
            "acties": acties_per_factor.get(factor.pk, []),
            "lessen": lessen_per_factor.get(factor.pk, []),
        }
        for factor in Succesfactor.objects.order_by("volgorde", "naam")
        if factor.actief or per_factor.get(factor.pk)
    ]
    knelpunten = sorted(
        (
            {
                "label": str(label),
                "casussen": in_casussen.get(v, 0),
                "inzichten": in_inzichten.get(v, 0),
            }
            for v, label in KnelpuntCategorie.choices
        ),
        key=lambda row: (-(row["casussen"] + row["inzichten"]), row["label"]),
    )
    knelpunten = [row for row in knelpunten if row["casussen"] or row["inzichten"]]

    verhalen = list(
        Verhaal.objects.filter(proeftuin=proeftuin, toestemming=True).order_by("created_at", "pk")
    )
    vervolgafspraken = list(
        Vervolgafspraak.objects.filter(proeftuin=proeftuin).select_related("organisatie")
    )
    borgingen = [r for r in actie_regels if r.borging is not None]

    cijfers = {
        "partners": len(organisaties),
        "kerngroep": len(kerngroep),
        "bijeenkomsten": len(bijeenkomsten),
        "aanwezigheid": sum(row.totaal for row in bijeenkomsten),
        "casussen": len(casus_rows),
        "inzichten": len(inzichten),
        "verbeteracties": len(acties),
        "bereikt": sum(1 for a in acties if a.status in BEREIKT),
        "geborgd": sum(1 for r in borgingen if r.borging.stand == Borging.Stand.GEBORGD),
        "indicatoren": sum(len(r.indicatoren) for r in actie_regels),
        "metingen": sum(
            len(list(i.metingen.all())) for r in actie_regels for i, _c, _r in r.indicatoren
        ),
        "lessen": len(lessen),
        "verhalen": len(verhalen),
    }
    vergelijking = netwerk.compare(proeftuin)
    return Logboek(
        proeftuin=proeftuin,
        gemeente=gemeente,
        oogst=oogst,
        gemaakt_op=now,
        cijfers=cijfers,
        partners=partners,
        kerngroep=kerngroep,
        commitments=commitments,
        kosten_baten=kb_rows,
        kosten_totaal=kostenbaten.totaal(kb_rows),
        kosten_per_domein=kostenbaten.per_domein(kb_rows),
        bijeenkomsten=bijeenkomsten,
        aanwezigheid_totaal=cijfers["aanwezigheid"],
        deelnemers_per_domein=deelnemers_per_domein,
        netwerk=vergelijking,
        casussen=casussen,
        casus_tellingen=casus_tellingen,
        knelpunten=knelpunten,
        succesfactoren=succesfactoren,
        acties=actie_regels,
        acties_per_status=acties_per_status,
        lessen=lessen,
        verhalen=verhalen,
        vervolgafspraken=vervolgafspraken,
        borgingen=borgingen,
    )


def html(logboek: Logboek, *, versie=None) -> str:
    """The printable HTML of one logboek (rendered in Dutch, whoever asked)."""
    from django.conf import settings

    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(
            "oogst/logboek/pdf/logboek.html",
            {
                "logboek": logboek,
                "hoofdstukken": hoofdstukken(logboek),
                "versie": versie,
                "kort": False,
            },
        )


# The chapters in print order: (key, title). A chapter with nothing to show is left out.
HOOFDSTUKKEN = [
    ("voorwoord", gettext_lazy("Foreword")),
    ("cijfers", gettext_lazy("The proeftuin in numbers")),
    ("partners", gettext_lazy("Partners and core group")),
    ("bijeenkomsten", gettext_lazy("The meetings")),
    ("netwerk", gettext_lazy("The network before and after")),
    ("casussen", gettext_lazy("The casussen in short")),
    ("knelpunten", gettext_lazy("Bottlenecks and success factors")),
    ("verbeteracties", gettext_lazy("Improvement actions")),
    ("resultaten", gettext_lazy("Indicators and results")),
    ("investeringen", gettext_lazy("Commitments, investments and benefits")),
    ("lessen", gettext_lazy("Lessons learnt")),
    ("verhalen", gettext_lazy("Stories")),
    ("verder", gettext_lazy("How we go on")),
]


def hoofdstukken(logboek: Logboek, *, prefix="", kort=False):
    """The chapters this logboek has, numbered, with their anchor ids."""
    present = {
        "voorwoord": bool(logboek.voorwoord.strip()),
        "netwerk": logboek.netwerk.start.heeft_antwoorden or logboek.netwerk.oogst.heeft_antwoorden,
        "resultaten": bool(logboek.cijfers["indicatoren"]),
        "lessen": bool(logboek.lessen),
        "verhalen": bool(logboek.verhalen),
    }
    chapters = []
    for key, titel in HOOFDSTUKKEN:
        if not present.get(key, True):
            continue
        chapters.append(
            {
                "key": key,
                "titel": str(titel),
                "id": f"{prefix}{key}",
                "nummer": len(chapters) + 1,
                "template": f"oogst/logboek/pdf/h_{key}.html",
            }
        )
    return chapters
