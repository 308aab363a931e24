"""What the verbeteren phase normally produces, and the actions that need attention now:
registered with the proeftuin checklist (gemeenten.checklist) from AppConfig.ready()."""

import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, Prefetch, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from gemeenten import checklist
from gemeenten.models import Fase

from .models import Indicator, Status, Verbeteractie, Voortgang


# Only the columns the checks read, and the two facts they need of each action's updates and
# indicators counted by the database: the cockpit loads this for every proeftuin (issue 9), and
# loading the rows themselves built ~1,300 objects at landelijk scale.
def _acties_prefetch():
    laatste = Voortgang.objects.filter(actie=OuterRef("pk")).order_by("-datum").values("datum")
    acties = Verbeteractie.objects.only(
        "proeftuin", "gemeente", "status", "eind", "deleted_at"
    ).annotate(
        laatste_update=Subquery(laatste[:1]),
        heeft_indicator=Exists(Indicator.objects.filter(actie=OuterRef("pk"))),
    )
    return Prefetch("verbeteracties", queryset=acties)


PREFETCH = [_acties_prefetch]


def _acties(proeftuin):
    return [a for a in proeftuin.verbeteracties.all() if a.deleted_at is None]


# Read the annotations when the actions came from PREFETCH, else the rows (a proeftuin loaded
# without the checklist's prefetch, e.g. when a phase transition records its open items).
def _laatste_update(actie):
    if hasattr(actie, "laatste_update"):
        return actie.laatste_update
    return max((u.datum for u in actie.updates.all()), default=None)


def _heeft_indicator(actie):
    if hasattr(actie, "heeft_indicator"):
        return actie.heeft_indicator
    return bool(actie.indicatoren.all())


def _link(proeftuin, name="verbeteracties:board"):
    return checklist.gemeente_url(proeftuin, name)


@checklist.register(Fase.VERBETEREN, prefetch=PREFETCH)
def verbeteracties_lopen(proeftuin):
    acties = _acties(proeftuin)
    lopend = [a for a in acties if a.status in (Status.LOOPT, Status.AFGEROND, Status.GEBORGD)]
    met_indicator = [a for a in lopend if _heeft_indicator(a)]
    return [
        checklist.Item(
            _("Improvement actions chosen and running"),
            done=bool(lopend),
            hint=_("Move at least one action to running."),
            link=_link(proeftuin),
        ),
        checklist.Item(
            _("Every running action has an indicator"),
            done=bool(lopend) and len(met_indicator) == len(lopend),
            hint=_("Measure whether the actions work: add indicators and metingen."),
            link=_link(proeftuin, "verbeteracties:stand"),
        ),
    ]


@checklist.register(Fase.VERANKERING, prefetch=PREFETCH)
def verbeteracties_afgerond(proeftuin):
    acties = _acties(proeftuin)
    open_ = [a for a in acties if a.status in (Status.IDEE, Status.GEPLAND, Status.LOOPT)]
    return [
        checklist.Item(
            _("Improvement actions completed, embedded or stopped"),
            done=bool(acties) and not open_,
            hint=_("Decide for each open action whether it is completed, embedded or stopped."),
            link=_link(proeftuin),
        )
    ]


@checklist.register_attention(prefetch=PREFETCH)
def stille_verbeteracties(proeftuin):
    today = timezone.localdate()
    grens = today - datetime.timedelta(weeks=settings.VERBETERACTIE_STIL_WEKEN)
    stil, voorbij = 0, 0
    for actie in _acties(proeftuin):
        if actie.status == Status.LOOPT:
            laatste = _laatste_update(actie)
            if laatste is None or laatste < grens:
                stil += 1
        if actie.is_past_end(today):
            voorbij += 1
    items = []
    if stil:
        items.append(
            checklist.Item(
                ngettext(
                    "%(n)s running improvement action has had no update for %(w)s weeks",
                    "%(n)s running improvement actions have had no update for %(w)s weeks",
                    stil,
                )
                % {"n": stil, "w": settings.VERBETERACTIE_STIL_WEKEN},
                done=False,
                link=_link(proeftuin, "verbeteracties:stand"),
            )
        )
    if voorbij:
        items.append(
            checklist.Item(
                ngettext(
                    "%(n)s improvement action is past its end date",
                    "%(n)s improvement actions are past their end date",
                    voorbij,
                )
                % {"n": voorbij},
                done=False,
                link=_link(proeftuin, "verbeteracties:stand"),
            )
        )
    return items
