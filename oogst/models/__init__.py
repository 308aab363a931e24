"""The oogst of a proeftuin: what was learnt and how it goes on (inhoud), the network survey
(netwerk), the Logboek Oogst renders (logboek) and the shared Kennisbank (kennisbank)."""

from .inhoud import (
    Borging,
    Les,
    LesSuccesfactor,
    Oogst,
    Verhaal,
    Vervolgafspraak,
)
from .kennisbank import KennisbankItem
from .logboek import GecombineerdLogboek, GecombineerdLogboekGemeente, LogboekVersie, RenderStatus
from .netwerk import Kennisniveau, Netwerkantwoord, Netwerkpeiling, PeilMoment

__all__ = [
    "Borging",
    "GecombineerdLogboek",
    "GecombineerdLogboekGemeente",
    "KennisbankItem",
    "Kennisniveau",
    "Les",
    "LesSuccesfactor",
    "LogboekVersie",
    "Netwerkantwoord",
    "Netwerkpeiling",
    "Oogst",
    "PeilMoment",
    "RenderStatus",
    "Verhaal",
    "Vervolgafspraak",
]
