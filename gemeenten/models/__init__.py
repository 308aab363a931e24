"""Models of the gemeenten app, one module per subject."""

from .audit import AuditRegel
from .commitments import Baat, Commitment
from .gemeente import Domein, Gemeente, Kerngroeplid, Organisatie, Provincie
from .historie import Wijziging
from .leden import Discipline, InvalidInvitation, Lidmaatschap, Uitnodiging
from .proeftuin import (
    Fase,
    FaseOvergang,
    Ingredient,
    Ingredientbeoordeling,
    Kengetal,
    Oordeel,
    Proeftuin,
)

__all__ = [
    "AuditRegel",
    "Baat",
    "Commitment",
    "Discipline",
    "Domein",
    "Fase",
    "FaseOvergang",
    "Gemeente",
    "Ingredient",
    "Ingredientbeoordeling",
    "InvalidInvitation",
    "Kengetal",
    "Kerngroeplid",
    "Lidmaatschap",
    "Oordeel",
    "Organisatie",
    "Proeftuin",
    "Provincie",
    "Uitnodiging",
    "Wijziging",
]
