"""The column that a higher app adds beside the actiepunten of a meeting (``hooks``)."""

from dataclasses import dataclass

from django import template

from ..hooks import actiepunt_vervolg

register = template.Library()


@dataclass(frozen=True)
class Vervolg:
    actiepunten: list
    heading: str = ""
    template: str = ""
    extra: object = None


@register.simple_tag(takes_context=True)
def actiepunten_met_vervolg(context, actiepunten):
    """The actiepunten as a list, prepared for the registered column; without one, no column."""
    actiepunten = list(actiepunten)
    vervolg = actiepunt_vervolg()
    if vervolg is None:
        return Vervolg(actiepunten)
    extra = vervolg.prepare(context.get("request"), actiepunten)
    return Vervolg(actiepunten, vervolg.heading, vervolg.template, extra)
