"""Template tags for the meeting pages: per actiepunt the verbeteractie it became, and whether
the reader may make one of it. The bijeenkomsten app does not import verbeteracties
(DESIGN.md: dependencies point one way); its templates load this library instead."""

from django import template

from ..access import can_propose
from ..models import Verbeteractie

register = template.Library()


@register.simple_tag
def met_verbeteracties(actiepunten):
    """The actiepunten as a list, each with ``verbeteracties``: the living actions made of it.
    One query for all of them, however many there are."""
    actiepunten = list(actiepunten)
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
    return actiepunten


@register.simple_tag(takes_context=True)
def mag_verbeteractie_voorstellen(context) -> bool:
    request = context.get("request")
    return getattr(request, "lidmaatschap", None) is not None and can_propose(request)
