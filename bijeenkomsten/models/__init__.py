"""Models of the bijeenkomsten app, one module per subject."""

from .bijeenkomst import (
    Agendapunt,
    Antwoord,
    Bijeenkomst,
    Deelname,
    Gast,
    Inbreng,
    Reeks,
    Soort,
)
from .persoonlijk import AgendaToken, Herinneringsvoorkeur, VerzondenHerinnering
from .verslag import Actiepunt, Reactie, Verslag, VerslagVersie

__all__ = [
    "Actiepunt",
    "AgendaToken",
    "Agendapunt",
    "Antwoord",
    "Bijeenkomst",
    "Deelname",
    "Gast",
    "Herinneringsvoorkeur",
    "Inbreng",
    "Reactie",
    "Reeks",
    "Soort",
    "Verslag",
    "VerslagVersie",
    "VerzondenHerinnering",
]
