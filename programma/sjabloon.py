"""The proeftuin template: its default content (what the demo and the apps seed today) and the
copy a new proeftuin gets of it.

What the template holds as data is what differs between proeftuinen: the succesfactoren a
gemeente starts with, the proposed meeting plan and the programme's points per phase. The
phases themselves, the checks the app makes of each phase (``gemeenten.checklist``), the
knelpunt categories and Agora's ten ingredients are the same for every proeftuin, so the
landelijk beeld can compare them; the template page shows them as its fixed part."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override

from bijeenkomsten.models import Bijeenkomst
from bijeenkomsten.models import Soort as BijeenkomstSoort
from bijeenkomsten.services import bijeenkomst_plan
from casussen.models import Succesfactor
from casussen.models.taxonomie import SUCCESFACTOREN
from gemeenten.models import Fase, Proeftuin
from kern import writes
from kern.models import User

from .models import Sjabloon

# The proposed meetings of a proeftuin year, in weeks from its start (the phases of the demo:
# inventarisatie from week 6, verbeteren from week 19, verankering from week 46).
DEFAULT_BIJEENKOMSTEN = [
    (BijeenkomstSoort.STARTBIJEENKOMST, _("Kick-off meeting"), 2, 180, 0),
    (BijeenkomstSoort.INVENTARISATIE, _("Inventory meeting 1"), 6, 150, 0),
    (BijeenkomstSoort.INVENTARISATIE, _("Inventory meeting 2"), 10, 150, 0),
    (BijeenkomstSoort.ZESWEEKS, _("Six-weekly core group meeting"), 16, 90, 4),
    (BijeenkomstSoort.OOGST, _("Harvest meeting"), 48, 150, 0),
]
INTERVAL_WEKEN = 6

# What each phase normally produces (DESIGN.md, after the description of Agora and Movisie).
DEFAULT_FASE_PUNTEN = {
    Fase.STARTBIJEENKOMST: [
        _("Executives give the mandate"),
        _("Every partner names a contact person and a core group member"),
        _("One casus explores the question and its urgency"),
    ],
    Fase.INVENTARISATIE: [
        _("Two meetings discuss anonymised casussen from daily practice"),
        _("The knelpunten are named and it is chosen what to work on"),
    ],
    Fase.VERBETEREN: [
        _("Improvement actions are tied to existing local networks"),
        _("Progress and impact are monitored"),
    ],
    Fase.VERANKERING: [
        _("The harvest is celebrated with the executives"),
        _("Agreements on staying a learning network"),
        _("The Logboek Oogst is published"),
    ],
}

# A proposed meeting starts at this local time; the facilitator moves it as she plans.
START_TIME = datetime.time(14, 0)
MAX_HERHALEN = 12


def default_content() -> dict:
    """The template as the apps seed a proeftuin today, in Dutch (the template is data)."""
    with override("nl"):
        return {
            "succesfactoren": [{"naam": str(n), "omschrijving": ""} for n in SUCCESFACTOREN],
            "bijeenkomsten": [
                {
                    "soort": str(soort),
                    "titel": str(titel),
                    "week": week,
                    "duur_minuten": duur,
                    "herhalen": herhalen,
                    "interval_weken": INTERVAL_WEKEN,
                }
                for soort, titel, week, duur, herhalen in DEFAULT_BIJEENKOMSTEN
            ],
            "fase_punten": {
                str(fase): [str(p) for p in punten] for fase, punten in DEFAULT_FASE_PUNTEN.items()
            },
        }


def current() -> Sjabloon:
    """The one template, made with the default content the first time it is asked for."""
    sjabloon = Sjabloon.objects.order_by("pk").first()
    if sjabloon is None:
        sjabloon = Sjabloon.objects.create(**default_content())
    return sjabloon


def planned_dates(start: datetime.date, bijeenkomsten: list[dict]) -> list[dict]:
    """Each proposed meeting with its first moment (``begin``), from the proeftuin's start."""
    tz = timezone.get_default_timezone()
    rows = []
    for item in sorted(bijeenkomsten, key=lambda b: b["week"]):
        day = start + datetime.timedelta(weeks=item["week"])
        begin = timezone.make_aware(datetime.datetime.combine(day, START_TIME), tz)
        rows.append({**item, "begin": begin})
    return rows


@transaction.atomic
def copy_into(proeftuin: Proeftuin, *, by: User, sjabloon: Sjabloon | None = None) -> list:
    """Give ``proeftuin`` (saved, in its gemeente's scope) its own copy of the template: the
    content on the proeftuin, the succesfactoren of its gemeente, the proposed meetings planned
    (those whose date has not passed). Returns the meetings planned."""
    content = (sjabloon or current()).content()
    proeftuin.sjabloon = content
    writes.save(proeftuin, by=by)
    ran_before = Proeftuin.objects.filter(gemeente_id=proeftuin.gemeente_id).exclude(
        pk=proeftuin.pk
    )
    _copy_succesfactoren(proeftuin.gemeente, content["succesfactoren"], by, ran_before.exists())
    return _plan_bijeenkomsten(proeftuin, content["bijeenkomsten"], by)


def on_begin(proeftuin: Proeftuin, *, by: User) -> None:
    """Every new proeftuin, whoever makes it (the programme team, or a facilitator who picks
    its start date in the gemeente), starts from the template
    (``gemeenten.services.proeftuin.register_begin``)."""
    copy_into(proeftuin, by=by)


def _copy_succesfactoren(gemeente, factoren, by, ran_before):
    """The gemeente's succesfactoren become the template's: a new gemeente was seeded with the
    known ones (casussen.signals), of which the ones the template left out go; in a gemeente
    that ran a proeftuin before they are retired, so what was tagged with them keeps its tag."""
    wanted = {f["naam"]: (n, f.get("omschrijving", "")) for n, f in enumerate(factoren, start=1)}
    for factor in Succesfactor.objects.filter(gemeente=gemeente).exclude(naam__in=wanted):
        if not ran_before:
            writes.delete(factor, by=by)
        elif factor.actief:
            factor.actief = False
            writes.save(factor, by=by)
    existing = {f.naam: f for f in Succesfactor.objects.filter(gemeente=gemeente)}
    for naam, (volgorde, omschrijving) in wanted.items():
        factor = existing.get(naam) or Succesfactor(gemeente=gemeente, naam=naam)
        factor.volgorde, factor.omschrijving, factor.actief = volgorde, omschrijving, True
        writes.save(factor, by=by)


def _plan_bijeenkomsten(proeftuin, bijeenkomsten, by):
    planned = []
    now = timezone.now()
    with override("nl"):
        locatie = str(_("To be decided"))
    for item in planned_dates(proeftuin.start, bijeenkomsten):
        if item["begin"] <= now:
            continue  # a proposed date that passed already: the facilitator plans it herself
        bijeenkomst = Bijeenkomst(
            gemeente=proeftuin.gemeente,
            proeftuin=proeftuin,
            soort=item["soort"],
            titel=item["titel"],
            begin=item["begin"],
            eind=item["begin"] + datetime.timedelta(minutes=item["duur_minuten"]),
            locatie=locatie,
        )
        planned += bijeenkomst_plan(
            bijeenkomst=bijeenkomst,
            by=by,
            herhalen=min(item.get("herhalen", 0), MAX_HERHALEN),
            interval_weken=item.get("interval_weken", INTERVAL_WEKEN),
        )
    return planned
