"""Each part of the oogst in full, a page at a time (the oogst page shows the first rows of
each), and the way back to it from the form of a row."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from ..access import require_proeftuin
from . import rows as rijen
from .overview import overzicht_url, proeftuin_query

PER_PAGINA = 50

# The page of all of each part, by the part's anchor on the oogst page.
LIJSTEN = {
    "lessen": "oogst:lessen",
    "verhalen": "oogst:verhalen",
    "borging": "oogst:borgingen",
    "vervolg": "oogst:vervolgafspraken",
}


def lijst_pagina(request):
    """The page of the list of all a row's form was opened from (``?lijst=<page>``), or None."""
    page = request.GET.get("lijst", "")
    return int(page) if page.isascii() and page.isdigit() and len(page) <= 6 else None


def terug_url(request, proeftuin, sectie):
    """Where the form of a row goes back to: the page of the list of all it was opened from,
    else the part on the oogst page."""
    page = lijst_pagina(request)
    if page is None:
        return overzicht_url(request, proeftuin, sectie)
    url = reverse(LIJSTEN[sectie], kwargs={"gemeente_slug": request.gemeente.slug})
    return f"{url}{proeftuin_query(proeftuin)}&page={page}"


def terug_query(request):
    """The query that keeps a row's form on its way back to the list of all (or "")."""
    page = lijst_pagina(request)
    return "" if page is None else f"?lijst={page}"


def _lijst(request, proeftuin, *, sectie, kop, queryset, rows, fragment):
    page = Paginator(queryset, PER_PAGINA).get_page(request.GET.get("page"))
    context = {
        **rijen.context(request, proeftuin),
        "query": proeftuin_query(proeftuin),
        "kop_niveau": 2,
        "sectie": sectie,
        "kop": kop,
        "page": page,
        "fragment": fragment,
        "terug_url": overzicht_url(request, proeftuin, sectie),
        **rows(page.object_list, f"?lijst={page.number}"),
    }
    return render(request, "oogst/inhoud/lijst.html", context)


def lessen(request, gemeente_slug):
    """Every lesson learnt of the proeftuin."""
    proeftuin = require_proeftuin(request)
    return _lijst(
        request,
        proeftuin,
        sectie="lessen",
        kop=_("Lessons learnt"),
        queryset=rijen.lessen(proeftuin),
        rows=lambda page, terug: {"lessen": rijen.lessen_rijen(request, page, terug)},
        fragment="oogst/inhoud/les_kaarten.html",
    )


def verhalen(request, gemeente_slug):
    """Every story and quote of the proeftuin (with consent only, but for the facilitator)."""
    proeftuin = require_proeftuin(request)
    return _lijst(
        request,
        proeftuin,
        sectie="verhalen",
        kop=_("Stories and quotes"),
        queryset=rijen.verhalen(request, proeftuin),
        rows=lambda page, terug: {"verhalen": rijen.verhalen_rijen(request, page, terug)},
        fragment="oogst/inhoud/verhaal_kaarten.html",
    )


def borgingen(request, gemeente_slug):
    """The borging of every living verbeteractie of the proeftuin."""
    proeftuin = require_proeftuin(request)
    return _lijst(
        request,
        proeftuin,
        sectie="borging",
        kop=_("Embedding per improvement action"),
        queryset=rijen.acties(proeftuin),
        rows=lambda page, terug: {"acties": rijen.acties_rijen(request, page, terug)},
        fragment="oogst/inhoud/borging_tabel.html",
    )


def vervolgafspraken(request, gemeente_slug):
    """Every vervolgafspraak of the proeftuin, by kind."""
    proeftuin = require_proeftuin(request)
    return _lijst(
        request,
        proeftuin,
        sectie="vervolg",
        kop=_("Follow-up agreements"),
        queryset=rijen.vervolgafspraken(proeftuin),
        rows=lambda page, terug: {
            "vervolg": [g for g in rijen.vervolg_rijen(request, page, terug) if g["afspraken"]]
        },
        fragment="oogst/inhoud/vervolg_lijst.html",
    )
