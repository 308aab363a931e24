"""Models of the casussen app, one module per subject."""

from .casus import (
    Casus,
    GemarkeerdeVondst,
    Knelpunt,
    Leeftijdscategorie,
    Woonsituatie,
    Ziektebeeld,
)
from .inzicht import Inzicht, InzichtKnelpunt, InzichtSuccesfactor
from .taxonomie import KnelpuntCategorie, Succesfactor

__all__ = [
    "Casus",
    "GemarkeerdeVondst",
    "Inzicht",
    "InzichtKnelpunt",
    "InzichtSuccesfactor",
    "Knelpunt",
    "KnelpuntCategorie",
    "Leeftijdscategorie",
    "Succesfactor",
    "Woonsituatie",
    "Ziektebeeld",
]
