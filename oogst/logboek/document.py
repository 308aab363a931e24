"""The printable HTML of the Logboek Oogst: its chapters in print order, and the whole document
rendered from what content.collect() gathered (WeasyPrint lays it out: pdf.py)."""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy

from .content import Logboek

# The chapters in print order: (key, title). A chapter with nothing to show is left out.
CHAPTERS = [
    ("voorwoord", gettext_lazy("Foreword")),
    ("cijfers", gettext_lazy("The proeftuin in numbers")),
    ("partners", gettext_lazy("Partners and core group")),
    ("bijeenkomsten", gettext_lazy("The meetings")),
    ("netwerk", gettext_lazy("The network before and after")),
    ("casussen", gettext_lazy("The casussen in short")),
    ("knelpunten", gettext_lazy("Bottlenecks and success factors")),
    ("verbeteracties", gettext_lazy("Improvement actions")),
    ("resultaten", gettext_lazy("Indicators and results")),
    ("investeringen", gettext_lazy("Commitments, investments and benefits")),
    ("lessen", gettext_lazy("Lessons learnt")),
    ("verhalen", gettext_lazy("Stories")),
    ("verder", gettext_lazy("How we go on")),
]

# A chapter opens a new page, except a short one: with at most FLOWING_ROWS rows (partners,
# meetings, actions, lessons …) it follows on the page of the one before, instead of leaving
# most of a page empty. The chapters that are pictures (key figures, the network, run charts)
# and the foreword, which opens the logboek, always open a page.
FLOWING_ROWS = 2
ROWS = {
    "partners": lambda lb: len(lb.partners),
    "bijeenkomsten": lambda lb: len(lb.bijeenkomsten),
    "casussen": lambda lb: len(lb.casussen),
    "knelpunten": lambda lb: len(lb.knelpunten) + len(lb.succesfactoren),
    "verbeteracties": lambda lb: len(lb.acties),
    "investeringen": lambda lb: (
        sum(1 for row in lb.kosten_baten if row.toezeggingen or row.baten) + len(lb.commitments)
    ),
    "lessen": lambda lb: len(lb.lessen),
    "verhalen": lambda lb: len(lb.verhalen),
    "verder": lambda lb: bool(lb.hoe_verder.strip()) + len(lb.vervolgafspraken) + len(lb.borgingen),
}


def opens_page(key, logboek: Logboek) -> bool:
    """Whether this chapter starts on a page of its own (see FLOWING_ROWS)."""
    rows = ROWS.get(key)
    return rows is None or rows(logboek) > FLOWING_ROWS


def chapters(logboek: Logboek, *, prefix=""):
    """The chapters this logboek has, numbered, with their anchor ids (``prefix`` keeps the ids
    of the parts of a combined logboek apart)."""
    present = {
        "voorwoord": bool(logboek.voorwoord.strip()),
        "netwerk": logboek.netwerk.start.heeft_antwoorden or logboek.netwerk.oogst.heeft_antwoorden,
        "resultaten": bool(logboek.cijfers["indicatoren"]),
        "lessen": bool(logboek.lessen),
        "verhalen": bool(logboek.verhalen),
    }
    found = []
    for key, title in CHAPTERS:
        if not present.get(key, True):
            continue
        found.append(
            {
                "key": key,
                "titel": str(title),
                "id": f"{prefix}{key}",
                "nummer": len(found) + 1,
                "template": f"oogst/logboek/pdf/h_{key}.html",
                "nieuwe_pagina": opens_page(key, logboek),
            }
        )
    return found


def html(logboek: Logboek, *, versie=None, concept=False) -> str:
    """The printable HTML of one logboek (rendered in Dutch, whoever asked); ``concept`` puts
    the concept mark on every page (pdf.CONCEPT_MARK)."""
    with translation.override(settings.LANGUAGE_CODE):
        return render_to_string(
            "oogst/logboek/pdf/logboek.html",
            {
                "logboek": logboek,
                "hoofdstukken": chapters(logboek),
                "versie": versie,
                "kort": False,
                "concept": concept,
            },
        )
