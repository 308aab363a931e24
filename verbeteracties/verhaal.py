"""The story of one action in time order: where it came from, the actiepunt and the meeting
where it was chosen, its updates and metingen. Later phases (the oogst) add their chapters here."""

import datetime
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kern.charts import format_number


@dataclass
class Hoofdstuk:
    datum: datetime.date | None
    soort: str  # a word for the kind of step, shown as a label
    tekst: str
    link: str = ""


def _casus_link(casus):
    try:
        return casus.get_absolute_url()
    except NoReverseMatch:  # the casus pages do not exist (yet)
        return ""


def _meeting_link(bijeenkomst, name):
    """The meeting's page (or its actiepunten) from a row with its gemeente selected."""
    return reverse(name, kwargs={"gemeente_slug": bijeenkomst.gemeente.slug, "pk": bijeenkomst.pk})


def _datum(moment):
    return timezone.localdate(moment) if moment else None


def verhaal(actie, updates, *, casus_tekst=True):
    """Chapters from prefetched rows (no queries of its own). Without ``casus_tekst`` (a
    bestuurder) casussen, knelpunten and inzichten appear by number and category only."""
    items = []
    for casus in actie.casussen.all():
        moment = casus.besproken_op or casus.ingediend_op or casus.created_at
        tekst = casus.titel if casus_tekst else _("Casus %(nr)s") % {"nr": casus.pk}
        items.append(
            Hoofdstuk(_datum(moment), _("Casus"), tekst, _casus_link(casus) if casus_tekst else "")
        )
    for inzicht in actie.inzichten.all():
        for knelpunt in inzicht.knelpunten.all():
            tekst = knelpunt.get_categorie_display()
            if casus_tekst and knelpunt.toelichting:
                tekst = f"{tekst}: {knelpunt.toelichting}"
            items.append(Hoofdstuk(_datum(inzicht.casus.created_at), _("Bottleneck"), tekst))
        tekst = inzicht.titel if casus_tekst else _("Insight %(nr)s") % {"nr": inzicht.pk}
        items.append(Hoofdstuk(_datum(inzicht.created_at), _("Insight"), tekst))
    for categorie in actie.categorie_labels:
        items.append(Hoofdstuk(None, _("Bottleneck"), str(categorie)))
    if actie.aanleiding:
        items.append(Hoofdstuk(None, _("Reason"), actie.aanleiding))
    items.append(
        Hoofdstuk(
            timezone.localdate(actie.created_at) if actie.created_at else None,
            _("Proposed"),
            _("Proposed by %(wie)s") % {"wie": actie.created_by or "—"},
        )
    )
    if actie.actiepunt_id:
        punt = actie.actiepunt
        items.append(
            Hoofdstuk(
                # Agreed at its meeting (it may have been typed in later).
                _datum(punt.bijeenkomst.begin),
                _("Action item"),
                punt.omschrijving,
                _meeting_link(punt.bijeenkomst, "bijeenkomsten:actiepunten"),
            )
        )
    if actie.bijeenkomst_id:
        bijeenkomst = actie.bijeenkomst
        items.append(
            Hoofdstuk(
                _datum(bijeenkomst.begin),
                _("Chosen"),
                _("Chosen at the meeting “%(titel)s”") % {"titel": bijeenkomst.titel},
                _meeting_link(bijeenkomst, "bijeenkomsten:detail"),
            )
        )
    elif actie.gekozen_op or actie.gekozen_bij:
        # Chosen before meetings could be linked, or at one that is not in the app.
        items.append(
            Hoofdstuk(actie.gekozen_op, _("Chosen"), actie.gekozen_bij or _("Chosen to work on"))
        )
    for update in updates:
        items.append(
            Hoofdstuk(update.datum, _("Update"), f"{update.get_licht_display()}: {update.tekst}")
        )
    for indicator in actie.indicatoren.all():
        for meting in indicator.metingen.all():
            tekst = f"{indicator.naam}: {format_number(meting.waarde)} {indicator.eenheid}"
            if actie.na_einde(meting.datum):
                tekst = f"{tekst} ({_('after the end date')})"
            items.append(Hoofdstuk(meting.datum, _("Meting"), tekst))
    undated = [i for i in items if i.datum is None]
    dated = sorted((i for i in items if i.datum is not None), key=lambda i: i.datum)
    return undated + dated
