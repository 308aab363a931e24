"""Forms of the gemeenten app, one module per subject."""

from .leden import AccountForm, RolForm, UitnodigingForm

__all__ = ["AccountForm", "RolForm", "UitnodigingForm"]
