"""Beside each actiepunt of a meeting: the verbeteractie it became, or a link to make one. Filled
into the bijeenkomsten app's hook, which does not import verbeteracties (DESIGN.md)."""

from django.utils.translation import gettext_lazy as _

from bijeenkomsten.hooks import ActiepuntVervolg

from .access import can_propose
from .models import Verbeteractie


def met_verbeteracties(request, actiepunten):
    """Give each actiepunt ``verbeteracties``: the living actions made of it, in one query for
    all of them, however many there are. Returns whether the reader may propose one."""
    per_punt = {punt.pk: [] for punt in actiepunten}
    acties = (
        Verbeteractie.objects.levend()
        .filter(actiepunt_id__in=list(per_punt))
        .only("pk", "titel", "status", "actiepunt_id")
        .order_by("pk")
    )
    for actie in acties if per_punt else ():
        per_punt[actie.actiepunt_id].append(actie)
    for punt in actiepunten:
        punt.verbeteracties = per_punt[punt.pk]
    return {"can_propose": _can_propose(request)}


def _can_propose(request) -> bool:
    return getattr(request, "lidmaatschap", None) is not None and can_propose(request)


VERVOLG = ActiepuntVervolg(
    heading=_("Improvement action"),
    prepare=met_verbeteracties,
    template="verbeteracties/actiepunt_verbeteractie.html",
)
