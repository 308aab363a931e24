"""The oogst page of a proeftuin (its phase-4 home) and the facilitator's foreword and outlook."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import IntegrityError
from django.db.models import Count, F, Prefetch, Window
from django.db.models.functions import RowNumber
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from casussen.models import Succesfactor
from gemeenten.audit import Actie, audit
from gemeenten.models import Fase, Proeftuin
from proeftuin.concurrency import STALE_MESSAGE, StaleEdit
from verbeteracties.models import Verbeteractie

from .. import services_inhoud as services
from ..access import (
    can_add_les,
    can_edit_borging,
    can_edit_les,
    can_edit_teksten,
    can_manage_verhalen,
    can_manage_vervolg,
    get_proeftuin,
    require,
    require_proeftuin,
)
from ..forms_inhoud import OogstForm
from ..models import Les, Oogst, Verhaal, Vervolgafspraak

# The pages of the other oogst parts, linked from the "More" list while they exist.
MEER = [
    ("oogst:netwerk", gettext_lazy("Network survey"), True),
    ("oogst:logboek", gettext_lazy("Logboek Oogst"), True),
    ("oogst:export", gettext_lazy("Export (ZIP)"), True),
    ("kennisbank:lijst", gettext_lazy("Kennisbank"), False),
]


def link(name, gemeente_slug=None, query=""):
    """The URL of ``name`` (in the gemeente when ``gemeente_slug``), or "" while it does not
    exist (yet): the oogst parts are built side by side."""
    try:
        kwargs = {"gemeente_slug": gemeente_slug} if gemeente_slug else {}
        return reverse(name, kwargs=kwargs) + query
    except NoReverseMatch:
        return ""


def proeftuin_query(proeftuin):
    return f"?proeftuin={proeftuin.pk}"


def overzicht_url(request, proeftuin, anchor=""):
    url = reverse("oogst:overzicht", kwargs={"gemeente_slug": request.gemeente.slug})
    return url + proeftuin_query(proeftuin) + (f"#{anchor}" if anchor else "")


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


def _meer(request, proeftuin):
    query = proeftuin_query(proeftuin)
    links = []
    for name, label, in_gemeente in MEER:
        url = link(
            name, request.gemeente.slug if in_gemeente else None, query if in_gemeente else ""
        )
        if url:
            links.append({"label": label, "url": url})
    return links


# The oogst page shows the first rows of each part and links to all of it, a page at a time, so
# it costs the same however much a proeftuin harvests: two rows of cards (lessen, verhalen), ten
# rows of the borging table, three vervolgafspraken of each kind.
KAARTEN = 6
RIJEN = 10
VERVOLG_PER_SOORT = 3
PER_PAGINA = 50


def _lessen(proeftuin):
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


def _verhalen(request, proeftuin):
    verhalen = Verhaal.objects.filter(proeftuin=proeftuin).defer("created_by", "toestemming_door")
    return verhalen if can_manage_verhalen(request) else verhalen.filter(toestemming=True)


def _acties(proeftuin):
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


def _vervolgafspraken(proeftuin):
    return (
        Vervolgafspraak.objects.filter(proeftuin=proeftuin)
        .select_related("organisatie")
        .only(
            *("proeftuin_id", "soort", "wat", "wie", "wanneer", "ritme"),
            "organisatie__naam",
        )
    )


def _eerste(queryset, aantal):
    """The first ``aantal`` rows and how many there are in all, in one query: the count is a
    window over every row, counted before the limit."""
    rows = list(queryset.annotate(totaal=Window(Count("pk")))[:aantal])
    return rows, (rows[0].totaal if rows else 0)


def _eerste_per_soort(afspraken):
    """The first vervolgafspraken of each kind (in the model's order) and how many each kind
    has, in one query."""
    per_soort = {"partition_by": F("soort")}
    return list(
        afspraken.annotate(
            rang=Window(RowNumber(), order_by=(F("wanneer").asc(), F("pk").asc()), **per_soort),
            in_soort=Window(Count("pk"), **per_soort),
        ).filter(rang__lte=VERVOLG_PER_SOORT)
    )


def _pk_url(request, name, query=""):
    """The URL of ``name`` in the gemeente (plus ``query``) as a function of a pk, reversed
    once: a reverse() for each row of a list costs as much as the rest of the row."""
    marker = "2147483647"
    url = reverse(name, kwargs={"gemeente_slug": request.gemeente.slug, "pk": int(marker)})
    head, _, tail = url.rpartition(marker)
    tail += query
    return lambda pk: f"{head}{pk}{tail}"


def _wijzig_urls(request, soort, terug):
    """(change, delete) URLs of the rows of one kind, by pk; ``terug`` brings their forms back
    to the page of the list of all they were opened from."""
    return (
        _pk_url(request, f"oogst:{soort}_edit", terug),
        _pk_url(request, f"oogst:{soort}_delete", terug),
    )


def _lessen_rijen(request, lessen, terug=""):
    """(les, URL of its action, change and delete URLs or None) for each les."""
    actie_url = _pk_url(request, "verbeteracties:detail")
    wijzigen, verwijderen = _wijzig_urls(request, "les", terug)
    return [
        (
            les,
            actie_url(les.verbeteractie_id)
            if les.verbeteractie and not les.verbeteractie.deleted_at
            else None,
            {"wijzigen": wijzigen(les.pk), "verwijderen": verwijderen(les.pk)}
            if can_edit_les(request, les)
            else None,
        )
        for les in lessen
    ]


def _verhalen_rijen(request, verhalen, terug=""):
    """(verhaal, change and delete URLs or None) for each verhaal."""
    if not can_manage_verhalen(request):
        return [(verhaal, None) for verhaal in verhalen]
    wijzigen, verwijderen = _wijzig_urls(request, "verhaal", terug)
    return [
        (verhaal, {"wijzigen": wijzigen(verhaal.pk), "verwijderen": verwijderen(verhaal.pk)})
        for verhaal in verhalen
    ]


def _acties_rijen(request, acties, terug=""):
    """(actie, its borging or None, its URL, the URL to record its borging or None)."""
    actie_url = _pk_url(request, "verbeteracties:detail")
    borging_url = _pk_url(request, "oogst:borging_edit", terug)
    return [
        (
            actie,
            _borging(actie),
            actie_url(actie.pk),
            borging_url(actie.pk) if can_edit_borging(request, actie) else None,
        )
        for actie in acties
    ]


def _vervolg_rijen(request, afspraken, terug=""):
    """The afspraken by kind, each as (afspraak, change and delete URLs or None)."""
    mag = can_manage_vervolg(request)
    wijzigen, verwijderen = _wijzig_urls(request, "vervolg", terug)
    groups = {soort: [] for soort in Vervolgafspraak.Soort}
    for a in afspraken:
        urls = {"wijzigen": wijzigen(a.pk), "verwijderen": verwijderen(a.pk)} if mag else None
        groups[Vervolgafspraak.Soort(a.soort)].append((a, urls))
    return [
        {
            "soort": soort,
            "label": soort.label,
            "afspraken": rows,
            # How many of the kind there are in all: known on the oogst page only.
            "totaal": getattr(rows[0][0], "in_soort", None) if rows else 0,
        }
        for soort, rows in groups.items()
    ]


def overzicht(request, gemeente_slug):
    """The proeftuin's oogst in one view: the first rows of each part, each linked to all of it;
    a fixed number of queries and rows whatever its size."""
    proeftuinen = list(Proeftuin.objects.order_by("-start"))
    proeftuin = get_proeftuin(request, proeftuinen)
    if proeftuin is None:
        return render(request, "oogst/inhoud/overzicht.html", {"proeftuin": None})
    oogst = Oogst.objects.filter(proeftuin=proeftuin).select_related("updated_by").first()
    lessen, lessen_totaal = _eerste(_lessen(proeftuin), KAARTEN)
    verhalen, verhalen_totaal = _eerste(_verhalen(request, proeftuin), KAARTEN)
    acties, acties_totaal = _eerste(_acties(proeftuin), RIJEN)
    vervolg = _vervolg_rijen(request, _eerste_per_soort(_vervolgafspraken(proeftuin)))
    context = {
        **_lijst_context(request, proeftuin),
        "proeftuinen": proeftuinen,
        "niet_verankering": proeftuin.fase != Fase.VERANKERING,
        "oogst": oogst,
        "lessen": _lessen_rijen(request, lessen),
        "lessen_totaal": lessen_totaal,
        "verhalen": _verhalen_rijen(request, verhalen),
        "verhalen_totaal": verhalen_totaal,
        "acties": _acties_rijen(request, acties),
        "acties_totaal": acties_totaal,
        "vervolg": vervolg,
        "vervolg_totaal": sum(groep["totaal"] for groep in vervolg),
        "vervolg_ingekort": any(len(groep["afspraken"]) < groep["totaal"] for groep in vervolg),
        "can_edit_teksten": can_edit_teksten(request),
        "meer": _meer(request, proeftuin),
    }
    return render(request, "oogst/inhoud/overzicht.html", context)


def _lijst_context(request, proeftuin):
    return {
        "proeftuin": proeftuin,
        "query": proeftuin_query(proeftuin),
        "alle_verhalen": can_manage_verhalen(request),
        "can_add_les": can_add_les(request),
        "can_manage_vervolg": can_manage_vervolg(request),
    }


# --- each part in full, a page at a time ------------------------------------------------------


def _lijst(request, proeftuin, *, sectie, kop, queryset, rijen, fragment):
    page = Paginator(queryset, PER_PAGINA).get_page(request.GET.get("page"))
    context = {
        **_lijst_context(request, proeftuin),
        "sectie": sectie,
        "kop": kop,
        "page": page,
        "fragment": fragment,
        "terug_url": overzicht_url(request, proeftuin, sectie),
        **rijen(page.object_list, f"?lijst={page.number}"),
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
        queryset=_lessen(proeftuin),
        rijen=lambda rows, terug: {"lessen": _lessen_rijen(request, rows, terug)},
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
        queryset=_verhalen(request, proeftuin),
        rijen=lambda rows, terug: {"verhalen": _verhalen_rijen(request, rows, terug)},
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
        queryset=_acties(proeftuin),
        rijen=lambda rows, terug: {"acties": _acties_rijen(request, rows, terug)},
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
        queryset=_vervolgafspraken(proeftuin),
        rijen=lambda rows, terug: {
            "vervolg": [g for g in _vervolg_rijen(request, rows, terug) if g["afspraken"]]
        },
        fragment="oogst/inhoud/vervolg_lijst.html",
    )


def _borging(actie):
    # A reverse one-to-one raises when there is none; select_related has loaded it (or not).
    try:
        return actie.borging
    except Verbeteractie.borging.RelatedObjectDoesNotExist:
        return None


def teksten(request, gemeente_slug):
    """The foreword and "how we go on" of the proeftuin's oogst (facilitator)."""
    require(can_edit_teksten(request))
    proeftuin = require_proeftuin(request)
    oogst = Oogst.objects.filter(proeftuin=proeftuin).first() or Oogst(
        gemeente=request.gemeente, proeftuin=proeftuin
    )
    form = OogstForm(request.POST or None, instance=oogst)
    if request.method == "POST" and form.is_valid():
        created = oogst.pk is None
        try:
            services.oogst_save(
                oogst=form.instance, by=request.user, expected_version=form.cleaned_data["version"]
            )
        except (StaleEdit, IntegrityError):
            # IntegrityError: someone else wrote the first version of the texts meanwhile.
            form.add_error(None, STALE_MESSAGE)
        else:
            audit(request, Actie.CREATE if created else Actie.CHANGE, form.instance)
            messages.success(request, _("The texts of the harvest have been saved."))
            return redirect(overzicht_url(request, proeftuin, "teksten"))
    return render(
        request,
        "oogst/inhoud/teksten.html",
        {
            "form": form,
            "proeftuin": proeftuin,
            "cancel_url": overzicht_url(request, proeftuin, "teksten"),
        },
        status=400 if form.errors else 200,
    )
