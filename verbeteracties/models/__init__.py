"""Models of the verbeteracties app, one module per subject."""

from .actie import (
    OVERGANGEN,
    ActieCasus,
    ActieInzicht,
    ActieOrganisatie,
    ActieSuccesfactor,
    Status,
    Verbeteractie,
    verbeterperiode,
)
from .voortgang import MAX_WAARDE, Indicator, Licht, Meting, Voortgang

__all__ = [
    "ActieCasus",
    "ActieInzicht",
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
