"""Reads for the overview pages: actions with what the board, lists, timeline, attention list
and roll-ups show, in a constant number of queries whatever the number of actions."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import CharField, Count, F, Max, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone
from django.utils.translation import gettext as _

from casussen.models import KnelpuntCategorie, Succesfactor

from .models import ActieOrganisatie, Licht, Status, Verbeteractie, Voortgang

ACTIEF = (Status.IDEE, Status.GEPLAND, Status.LOOPT)


def stil_sinds():
    """The date before which a running action without an update counts as silent."""
    weeks = settings.VERBETERACTIE_STIL_WEKEN
    return timezone.localdate() - datetime.timedelta(weeks=weeks)


def acties(filters=None):
    """Living actions with their owner, success factors, organisations, last update and
    number of indicators; ``filters`` a dict from the filter form."""
    queryset = (
        Verbeteractie.objects.levend()
        .select_related("eigenaar__user", "eigenaar__organisatie", "proeftuin")
        .prefetch_related(
            Prefetch("succesfactoren", queryset=Succesfactor.objects.order_by("volgorde", "naam")),
            Prefetch(
                "betrokkenheden",
                queryset=ActieOrganisatie.objects.select_related("organisatie"),
            ),
        )
        .annotate(
            laatste_update=Max("updates__datum"),
            laatste_licht=_laatste_licht(),
            aantal_indicatoren=Count("indicatoren", distinct=True),
        )
        # Explicit: a query with aggregates leaves Meta.ordering out (GROUP BY).
        .order_by(*Verbeteractie._meta.ordering)
    )
    return _rows(queryset, filters or {})


# What a card on the board shows; the board reads nothing else (issue 9).
KAART_VELDEN = ("pk", "titel", "status", "version", "reden_gestopt", "eigenaar_id")


def kaarten(filters=None, queryset=None):
    """Living actions with only what a card on the board shows: title, status, the owner's
    name and organisation as values, the last traffic light."""
    filters = filters or {}
    velden = KAART_VELDEN + (("knelpunt_categorieen",) if filters.get("categorie") else ())
    queryset = (
        (queryset if queryset is not None else Verbeteractie.objects.all())
        .levend()
        .only(*velden)
        .annotate(
            eigenaar_naam=Coalesce(
                NullIf("eigenaar__user__name", Value("")),
                "eigenaar__user__email",
                output_field=CharField(),
            ),
            eigenaar_organisatie=F("eigenaar__organisatie__naam"),
            laatste_licht=_laatste_licht(),
        )
    )
    return _rows(queryset, filters)


def kaart(pk):
    """One card, as the board shows it (after a status change from the board)."""
    return kaarten(queryset=Verbeteractie.objects.filter(pk=pk))[0]


def _laatste_licht():
    laatste = Voortgang.objects.filter(actie=OuterRef("pk")).order_by("-datum", "-pk")
    return Subquery(laatste.values("licht")[:1])


def _rows(queryset, filters):
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    if filters.get("succesfactor"):
        queryset = queryset.filter(succesfactoren=filters["succesfactor"])
    if filters.get("organisatie"):
        queryset = queryset.filter(betrokkenheden__organisatie=filters["organisatie"]).distinct()
    if filters.get("eigenaar"):
        queryset = queryset.filter(eigenaar=filters["eigenaar"])
    if filters.get("proeftuin"):
        queryset = queryset.filter(proeftuin=filters["proeftuin"])
    rows = list(queryset)
    for actie in rows:
        actie.laatste_licht_label = Licht(actie.laatste_licht).label if actie.laatste_licht else ""
    if filters.get("categorie"):
        rows = [a for a in rows if filters["categorie"] in a.knelpunt_categorieen]
    return rows


def board(rows):
    """(status, label, actions) for every status, in the order of the status machine."""
    by_status = defaultdict(list)
    for actie in rows:
        by_status[actie.status].append(actie)
    return [(s, s.label, by_status[s.value]) for s in Status]


def per_organisatie(rows):
    """(owner organisation name, actions), by name; actions without one at the end."""
    groups = defaultdict(list)
    for actie in rows:
        organisatie = actie.eigenaar.organisatie if actie.eigenaar_id else None
        groups[organisatie.naam if organisatie else ""].append(actie)
    named = sorted((k, v) for k, v in groups.items() if k)
    rest = [(_("No owner organisation"), groups[""])] if groups.get("") else []
    return named + rest


def per_succesfactor(rows):
    groups = defaultdict(list)
    factoren = {}
    for actie in rows:
        for s in actie.succesfactoren.all():
            groups[s.pk].append(actie)
            factoren[s.pk] = s
        if not actie.succesfactoren.all():
            groups[None].append(actie)
    ordered = sorted(factoren.values(), key=lambda s: (s.volgorde, s.naam))
    result = [(s.naam, groups[s.pk]) for s in ordered]
    if groups.get(None):
        result.append((_("No success factor"), groups[None]))
    return result


@dataclass
class Aandacht:
    actie: Verbeteractie
    redenen: list = field(default_factory=list)


def aandacht(rows, today=None):
    """Actions that need attention, each with its reasons."""
    today = today or timezone.localdate()
    grens = stil_sinds()
    result = []
    for actie in rows:
        redenen = []
        if actie.status == Status.LOOPT and (
            actie.laatste_update is None or actie.laatste_update < grens
        ):
            redenen.append(
                _("no update for %(n)s weeks") % {"n": settings.VERBETERACTIE_STIL_WEKEN}
            )
        if actie.is_past_end(today):
            redenen.append(_("past its end date"))
        if actie.status in (Status.GEPLAND, Status.LOOPT) and not actie.aantal_indicatoren:
            redenen.append(_("no indicator"))
        if redenen:
            result.append(Aandacht(actie, redenen))
    return result


@dataclass
class Rollup:
    label: str
    totaal: int = 0
    per_status: dict = field(default_factory=dict)
    per_licht: dict = field(default_factory=dict)

    @property
    def klaar(self):
        return self.per_status.get(Status.AFGEROND, 0) + self.per_status.get(Status.GEBORGD, 0)

    @property
    def procent_klaar(self):
        return round(100 * self.klaar / self.totaal) if self.totaal else 0

    def add(self, actie):
        self.totaal += 1
        self.per_status[actie.status] = self.per_status.get(actie.status, 0) + 1
        if actie.laatste_licht:
            self.per_licht[actie.laatste_licht] = self.per_licht.get(actie.laatste_licht, 0) + 1

    def status_counts(self):
        return [self.per_status.get(s.value, 0) for s in Status]


def rollup_succesfactor(rows):
    groups = {}
    for actie in rows:
        for s in actie.succesfactoren.all():
            groups.setdefault((s.volgorde, s.naam), Rollup(s.naam)).add(actie)
    return [groups[k] for k in sorted(groups)]


def rollup_categorie(rows):
    groups = {c: Rollup(str(c.label)) for c in KnelpuntCategorie}
    for actie in rows:
        for c in actie.knelpunt_categorieen:
            if c in groups:
                groups[c].add(actie)
    return [r for r in groups.values() if r.totaal]


def tijdlijn(rows, periode):
    """Bars of the actions over a period (start, end) as SVG coordinates."""
    start, eind = periode
    if rows:
        start = min([start] + [a.start for a in rows])
        eind = max([eind] + [a.eind for a in rows])
    span = max((eind - start).days, 1)
    label_width, chart_width, row_height = 240, 560, 26

    def x(day):
        return round(label_width + chart_width * (day - start).days / span, 1)

    bars = []
    for i, actie in enumerate(rows):
        bars.append(
            {
                "actie": actie,
                "x": x(actie.start),
                "width": max(x(actie.eind) - x(actie.start), 2),
                "y": 30 + i * row_height,
                "text_y": 30 + i * row_height + 15,
            }
        )
    today = timezone.localdate()
    months = []
    month = start.replace(day=1)
    while month <= eind:
        if month >= start:
            months.append({"x": x(month), "label": month})
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return {
        "bars": bars,
        "months": months,
        "width": label_width + chart_width + 20,
        "height": 40 + len(rows) * row_height,
        "label_width": label_width,
        "today_x": x(today) if start <= today <= eind else None,
        "start": start,
        "eind": eind,
    }
