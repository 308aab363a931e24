"""The rows of each part of the oogst (lessen, verhalen, borging, vervolgafspraken) as the oogst
page and the pages of all show them: the queries, loading only the columns shown, and each row
with the links its reader may follow."""

from django.db.models import Count, F, Prefetch, Window
from django.db.models.functions import RowNumber
from django.urls import reverse

from casussen.models import Succesfactor
from oogst.access import is_facilitator
from verbeteracties.models import Verbeteractie

from ..access import (
    can_add_les,
    can_edit_borging,
    can_edit_les,
    can_manage_verhalen,
    can_manage_vervolg,
)
from ..models import Les, Verhaal, Vervolgafspraak


def lessen(proeftuin):
    """The proeftuin's lessen with what their cards show."""
    return (
        Les.objects.filter(proeftuin=proeftuin)
        .select_related("verbeteractie", "created_by")
        .only(
            *("proeftuin_id", "titel", "tekst", "created_at"),
            *("verbeteractie__titel", "verbeteractie__deleted_at"),
            *("created_by__name", "created_by__email"),
        )
        .prefetch_related(
            Prefetch("succesfactoren", queryset=Succesfactor.objects.only("naam", "volgorde"))
        )
    )


def verhalen(request, proeftuin):
    """The proeftuin's verhalen the reader may see: with consent, or all for the facilitator."""
    verhalen = Verhaal.objects.filter(proeftuin=proeftuin).defer("created_by", "toestemming_door")
    return verhalen if can_manage_verhalen(request) else verhalen.filter(toestemming=True)


def acties(proeftuin):
    """The proeftuin's living verbeteracties with their borging, by title."""
    return (
        Verbeteractie.objects.levend()
        .filter(proeftuin=proeftuin)
        .select_related("borging", "borging__door")
        .only(
            *("proeftuin_id", "titel", "status", "eigenaar_id"),
            *("borging__stand", "borging__werkproces", "borging__waarom_niet"),
            *("borging__verbeteractie_id", "borging__door__naam"),
        )
        .order_by("titel", "pk")
    )


def vervolgafspraken(proeftuin):
    """The proeftuin's vervolgafspraken, by kind and date."""
    return (
        Vervolgafspraak.objects.filter(proeftuin=proeftuin)
        .select_related("organisatie")
        .only(
            *("proeftuin_id", "soort", "wat", "wie", "wanneer", "ritme"),
            "organisatie__naam",
        )
    )


def first_rows(queryset, count):
    """The first ``aantal`` rows and how many there are in all, in one query: the count is a
    window over every row, counted before the limit."""
    rows = list(queryset.annotate(totaal=Window(Count("pk")))[:count])
    return rows, (rows[0].totaal if rows else 0)


def first_per_kind(afspraken, count):
    """The first vervolgafspraken of each kind (in the model's order) and how many each kind
    has, in one query."""
    per_kind = {"partition_by": F("soort")}
    return list(
        afspraken.annotate(
            rang=Window(RowNumber(), order_by=(F("wanneer").asc(), F("pk").asc()), **per_kind),
            in_soort=Window(Count("pk"), **per_kind),
        ).filter(rang__lte=count)
    )


def _pk_url(request, name, query=""):
    """The URL of ``name`` in the gemeente (plus ``query``) as a function of a pk, reversed
    once: a reverse() for each row of a list costs as much as the rest of the row."""
    marker = "2147483647"
    url = reverse(name, kwargs={"gemeente_slug": request.gemeente.slug, "pk": int(marker)})
    head, _, tail = url.rpartition(marker)
    tail += query
    return lambda pk: f"{head}{pk}{tail}"


def _edit_urls(request, kind, back):
    """(change, delete) URLs of the rows of one kind, by pk; ``terug`` brings their forms back
    to the page of the list of all they were opened from."""
    return (
        _pk_url(request, f"oogst:{kind}_edit", back),
        _pk_url(request, f"oogst:{kind}_delete", back),
    )


# For content cached per role (kern.fragments): the links depend on who reads it, and are the
# live part of the page (oogst/inhoud/live.py).
EIGEN = "eigen"


def _own(request, for_cache, owner_id):
    return for_cache and not is_facilitator(request) and owner_id is not None


def lessen_rows(request, lessen, back="", *, for_cache=False):
    """(les, URL of its action, change and delete URLs, None or ``EIGEN``) for each les."""
    actie_url = _pk_url(request, "verbeteracties:detail")
    edit, delete = _edit_urls(request, "les", back)
    return [
        (
            les,
            actie_url(les.verbeteractie_id)
            if les.verbeteractie and not les.verbeteractie.deleted_at
            else None,
            EIGEN
            if _own(request, for_cache, les.created_by_id) and can_add_les(request)
            else {"wijzigen": edit(les.pk), "verwijderen": delete(les.pk)}
            if can_edit_les(request, les)
            else None,
        )
        for les in lessen
    ]


def verhalen_rows(request, verhalen, back=""):
    """(verhaal, change and delete URLs or None) for each verhaal."""
    if not can_manage_verhalen(request):
        return [(verhaal, None) for verhaal in verhalen]
    edit, delete = _edit_urls(request, "verhaal", back)
    return [
        (verhaal, {"wijzigen": edit(verhaal.pk), "verwijderen": delete(verhaal.pk)})
        for verhaal in verhalen
    ]


def acties_rows(request, acties, back="", *, for_cache=False):
    """(actie, its borging or None, its URL, the URL to record its borging, None or
    ``EIGEN``)."""
    actie_url = _pk_url(request, "verbeteracties:detail")
    borging_url = _pk_url(request, "oogst:borging_edit", back)
    return [
        (
            actie,
            borging(actie),
            actie_url(actie.pk),
            EIGEN
            if _own(request, for_cache, actie.eigenaar_id)
            else borging_url(actie.pk)
            if can_edit_borging(request, actie)
            else None,
        )
        for actie in acties
    ]


def vervolg_rows(request, afspraken, back=""):
    """The afspraken by kind, each as (afspraak, change and delete URLs or None)."""
    allowed = can_manage_vervolg(request)
    edit, delete = _edit_urls(request, "vervolg", back)
    groups = {kind: [] for kind in Vervolgafspraak.Soort}
    for a in afspraken:
        urls = {"wijzigen": edit(a.pk), "verwijderen": delete(a.pk)} if allowed else None
        groups[Vervolgafspraak.Soort(a.soort)].append((a, urls))
    return [
        {
            "soort": kind,
            "label": kind.label,
            "afspraken": rows,
            # How many of the kind there are in all: known on the oogst page only.
            "totaal": getattr(rows[0][0], "in_soort", None) if rows else 0,
        }
        for kind, rows in groups.items()
    ]


def context(request, proeftuin):
    """What the oogst page and the pages of all need to know besides the rows."""
    return {
        "proeftuin": proeftuin,
        # The rows' headings: under the part's h2 on the oogst page, under the h1 of a list.
        "kop_niveau": 3,
        "alle_verhalen": can_manage_verhalen(request),
        "can_add_les": can_add_les(request),
        "can_manage_vervolg": can_manage_vervolg(request),
    }


def borging(actie):
    """The borging of an actie loaded by acties(), or None."""
    # A reverse one-to-one raises when there is none; select_related has loaded it (or not).
    try:
        return actie.borging
    except Verbeteractie.borging.RelatedObjectDoesNotExist:
        return None
