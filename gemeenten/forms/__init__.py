"""Forms of the gemeenten app, one module per subject."""

from .audit import AuditFilterForm
from .commitments import CommitmentForm, StatusForm, validate_pdf
from .leden import AccountForm, RolForm, UitnodigingForm
from .partners import KerngroeplidForm, OrganisatieForm
from .proeftuin import BeoordelingForm, FaseTerugForm, KengetalForm, ProeftuinForm, ProfielForm

__all__ = [
    "AuditFilterForm",
    "AccountForm",
    "BeoordelingForm",
    "CommitmentForm",
    "FaseTerugForm",
    "KengetalForm",
    "KerngroeplidForm",
    "OrganisatieForm",
    "ProeftuinForm",
    "ProfielForm",
    "RolForm",
    "StatusForm",
    "UitnodigingForm",
    "validate_pdf",
]
