"""Hooks that the apps above bijeenkomsten fill, so that a meeting page can show what became of
its actiepunten without this app importing them (DESIGN.md: dependencies point one way)."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ActiepuntVervolg:
    """A column beside each actiepunt, filled by a higher app.

    ``prepare(request, actiepunten)`` gets the actiepunten as a list, may annotate them (one
    query for all), and returns what the cell template needs besides the actiepunt (``extra``).
    ``template`` renders one cell with ``a`` (the actiepunt) and ``extra`` in its context.
    """

    heading: str
    prepare: Callable
    template: str


_actiepunt_vervolg: list[ActiepuntVervolg] = []


def register_actiepunt_vervolg(vervolg: ActiepuntVervolg) -> None:
    """Called once from a higher app's ``ready()``; a second registration replaces the first
    (the autoreloader and tests may call ``ready()`` again)."""
    _actiepunt_vervolg[:] = [vervolg]


def actiepunt_vervolg() -> ActiepuntVervolg | None:
    return _actiepunt_vervolg[0] if _actiepunt_vervolg else None
