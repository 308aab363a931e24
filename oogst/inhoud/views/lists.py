"""Each part of the oogst in full, a page at a time (the oogst page shows the first rows of
each), and the way back to it from the form of a row."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from ..access import require_proeftuin
from . import rows
from .overview import overview_url, proeftuin_query

PER_PAGE = 50

# The page of all of each part, by the part's anchor on the oogst page.
LISTS = {
    "lessen": "oogst:lessen",
    "verhalen": "oogst:verhalen",
    "borging": "oogst:borgingen",
    "vervolg": "oogst:vervolgafspraken",
}


def list_page(request):
    """The page of the list of all a row's form was opened from (``?lijst=<page>``), or None."""
    page = request.GET.get("lijst", "")
    return int(page) if page.isascii() and page.isdigit() and len(page) <= 6 else None


def back_url(request, proeftuin, section):
    """Where the form of a row goes back to: the page of the list of all it was opened from,
    else the part on the oogst page."""
    page = list_page(request)
    if page is None:
        return overview_url(request, proeftuin, section)
    url = reverse(LISTS[section], kwargs={"gemeente_slug": request.gemeente.slug})
    return f"{url}{proeftuin_query(proeftuin)}&page={page}"


def back_query(request):
    """The query that keeps a row's form on its way back to the list of all (or "")."""
    page = list_page(request)
    return "" if page is None else f"?lijst={page}"


def _list_page(request, proeftuin, *, section, heading, queryset, make_rows, fragment):
    page = Paginator(queryset, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        **rows.context(request, proeftuin),
        "query": proeftuin_query(proeftuin),
        "kop_niveau": 2,
        "sectie": section,
        "kop": heading,
        "page": page,
        "fragment": fragment,
        "terug_url": overview_url(request, proeftuin, section),
        **make_rows(page.object_list, f"?lijst={page.number}"),
    }
    return render(request, "oogst/inhoud/lijst.html", context)


def lessen(request, gemeente_slug):
    """Every lesson learnt of the proeftuin."""
    proeftuin = require_proeftuin(request)
    return _list_page(
        request,
        proeftuin,
        section="lessen",
        heading=_("Lessons learnt"),
        queryset=rows.lessen(proeftuin),
        make_rows=lambda page, back: {"lessen": rows.lessen_rows(request, page, back)},
        fragment="oogst/inhoud/les_kaarten.html",
    )


def verhalen(request, gemeente_slug):
    """Every story and quote of the proeftuin (with consent only, but for the facilitator)."""
    proeftuin = require_proeftuin(request)
    return _list_page(
        request,
        proeftuin,
        section="verhalen",
        heading=_("Stories and quotes"),
        queryset=rows.verhalen(request, proeftuin),
        make_rows=lambda page, back: {"verhalen": rows.verhalen_rows(request, page, back)},
        fragment="oogst/inhoud/verhaal_kaarten.html",
    )


def borgingen(request, gemeente_slug):
    """The borging of every living verbeteractie of the proeftuin."""
    proeftuin = require_proeftuin(request)
    return _list_page(
        request,
        proeftuin,
        section="borging",
        heading=_("Embedding per improvement action"),
        queryset=rows.acties(proeftuin),
        make_rows=lambda page, back: {"acties": rows.acties_rows(request, page, back)},
        fragment="oogst/inhoud/borging_tabel.html",
    )


def vervolgafspraken(request, gemeente_slug):
    """Every vervolgafspraak of the proeftuin, by kind."""
    proeftuin = require_proeftuin(request)
    return _list_page(
        request,
        proeftuin,
        section="vervolg",
        heading=_("Follow-up agreements"),
        queryset=rows.vervolgafspraken(proeftuin),
        make_rows=lambda page, back: {
            "vervolg": [g for g in rows.vervolg_rows(request, page, back) if g["afspraken"]]
        },
        fragment="oogst/inhoud/vervolg_lijst.html",
    )
