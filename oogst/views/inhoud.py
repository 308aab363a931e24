"""The oogst page of a proeftuin (its phase-4 home) and the facilitator's foreword and outlook."""

from django.contrib import messages
from django.db import IntegrityError
from django.db.models import Prefetch
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


def _vervolg_per_soort(afspraken):
    groups = {soort: [] for soort in Vervolgafspraak.Soort}
    for afspraak in afspraken:
        groups[Vervolgafspraak.Soort(afspraak.soort)].append(afspraak)
    return [
        {"soort": soort, "label": soort.label, "afspraken": rows} for soort, rows in groups.items()
    ]


def overzicht(request, gemeente_slug):
    """The proeftuin's oogst in one view, in a fixed number of queries whatever its size."""
    proeftuinen = list(Proeftuin.objects.order_by("-start"))
    proeftuin = get_proeftuin(request, proeftuinen)
    if proeftuin is None:
        return render(request, "oogst/inhoud/overzicht.html", {"proeftuin": None})
    oogst = Oogst.objects.filter(proeftuin=proeftuin).select_related("updated_by").first()
    lessen = list(
        Les.objects.filter(proeftuin=proeftuin)
        .select_related("verbeteractie", "created_by")
        .prefetch_related(Prefetch("succesfactoren", queryset=Succesfactor.objects.all()))
    )
    verhalen = Verhaal.objects.filter(proeftuin=proeftuin)
    alle_verhalen = can_manage_verhalen(request)
    if not alle_verhalen:
        verhalen = verhalen.filter(toestemming=True)
    acties = list(
        Verbeteractie.objects.levend()
        .filter(proeftuin=proeftuin)
        .select_related("borging", "borging__door", "eigenaar__user")
        .order_by("titel", "pk")
    )
    afspraken = Vervolgafspraak.objects.filter(proeftuin=proeftuin).select_related("organisatie")
    context = {
        "proeftuin": proeftuin,
        "proeftuinen": proeftuinen,
        "query": proeftuin_query(proeftuin),
        "niet_verankering": proeftuin.fase != Fase.VERANKERING,
        "oogst": oogst,
        "lessen": [(les, can_edit_les(request, les)) for les in lessen],
        "verhalen": list(verhalen),
        "alle_verhalen": alle_verhalen,
        "acties": [(actie, _borging(actie), can_edit_borging(request, actie)) for actie in acties],
        "vervolg": _vervolg_per_soort(afspraken),
        "can_edit_teksten": can_edit_teksten(request),
        "can_add_les": can_add_les(request),
        "can_manage_vervolg": can_manage_vervolg(request),
        "meer": _meer(request, proeftuin),
    }
    return render(request, "oogst/inhoud/overzicht.html", context)


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
