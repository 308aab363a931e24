"""Synthetic data at scale for the benchmarks (issue 9): ``manage.py generate``.

Each app that owns tenant data has a module ``<app>/generator.py`` with one function
``generate(ctx)`` that adds its rows for one gemeente with bulk inserts; the command calls them
in the apps' dependency order, inside the scope of that gemeente (so row-level security accepts
the rows). Everything comes from one seeded ``random.Random``: the same seed gives the same data.
The text is fictional and made of placeholders, so it passes the anonymisation gate.
"""

import importlib
import random
from dataclasses import dataclass, field

from django.apps import apps


@dataclass(frozen=True)
class Scale:
    name: str
    gemeenten: int
    partners: int
    members: int
    casussen: int
    bijeenkomsten: int
    verbeteracties: int
    metingen: int
    gemeenten_per_facilitator: int


SCALES = {
    "demo": Scale("demo", 5, 12, 20, 12, 6, 8, 6, 5),
    "landelijk": Scale("landelijk", 350, 30, 60, 150, 25, 40, 10, 10),
}


@dataclass
class Context:
    """What one gemeente's generators share: the later apps read what the earlier made."""

    scale: Scale
    rng: random.Random
    gemeente: object
    number: int
    password_hash: str
    facilitator: object
    made: dict = field(default_factory=dict)


def generators():
    """``generate`` of every installed app that has a generator, in INSTALLED_APPS order (the
    dependency order of DESIGN.md)."""
    found = []
    for config in apps.get_app_configs():
        if config.name == __package__:  # this module: the framework, not a generator
            continue
        try:
            module = importlib.import_module(f"{config.name}.generator")
        except ModuleNotFoundError as error:
            if error.name != f"{config.name}.generator":
                raise
            continue
        found.append(module.generate)
    return found
