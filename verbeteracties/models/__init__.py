"""Models of the verbeteracties app, one module per subject."""

from .actie import (
    OVERGANGEN,
    ActieOrganisatie,
    ActieSuccesfactor,
    Status,
    Verbeteractie,
    verbeterperiode,
)
from .voortgang import MAX_WAARDE, Indicator, Licht, Meting, Voortgang

__all__ = [
    "MAX_WAARDE",
    "OVERGANGEN",
    "ActieOrganisatie",
    "ActieSuccesfactor",
    "Indicator",
    "Licht",
    "Meting",
    "Status",
    "Verbeteractie",
    "Voortgang",
    "verbeterperiode",
]
