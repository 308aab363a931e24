"""Models of the casussen app, one module per subject."""

from .taxonomie import KnelpuntCategorie, Succesfactor

__all__ = ["KnelpuntCategorie", "Succesfactor"]
