"""The Kennisbank: reading and searching it (every logged-in user, outside /g/), publishing a
reviewed copy of a les or verbeteractie (the gemeente's facilitators) and withdrawing it (the
facilitator who published it)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from gemeenten.access import chosen_proeftuin
from gemeenten.audit import Actie, audit
from kern.permissions import Rol
from oogst.access import require_facilitator
from oogst.inhoud.models import Les
from verbeteracties.access import get_actie
from verbeteracties.models import Verbeteractie

from . import screening, search, services
from .access import can_withdraw
from .forms import KennisbankForm
from .models import KennisbankItem

PER_PAGINA = 20
# The source line names the proeftuin on purpose; it is checked for the names of people only.
BRON = "bron"


@login_required
def lijst(request):
    q = request.GET.get("q", "").strip()[:200]
    succesfactor = request.GET.get("succesfactor", "")[:200]
    categorie = request.GET.get("categorie", "")[:200]
    soort = request.GET.get("soort", "")
    items = search.zoek(q=q, succesfactor=succesfactor, categorie=categorie, soort=soort)
    factoren, categorieen = search.labels()
    facilitator_in = [
        m.gemeente for m in getattr(request, "lidmaatschappen", []) if m.role == Rol.FACILITATOR
    ]
    context = {
        "page": Paginator(items, PER_PAGINA).get_page(request.GET.get("page")),
        "aantal": len(items),
        "q": q,
        "succesfactor": succesfactor,
        "categorie": categorie,
        "soort": soort,
        "soorten": KennisbankItem.Soort.choices,
        "factoren": factoren,
        "categorieen": categorieen,
        "gefilterd": bool(q or succesfactor or categorie or soort),
        "facilitator_in": facilitator_in,
    }
    return render(request, "oogst/kennisbank/lijst.html", context)


@login_required
def detail(request, pk):
    item = get_object_or_404(search.zichtbaar(), pk=pk)
    context = {"item": item, "can_withdraw": can_withdraw(request.user, item)}
    return render(request, "oogst/kennisbank/detail.html", context)


@login_required
def intrekken(request, pk):
    item = get_object_or_404(search.zichtbaar(), pk=pk)
    if not can_withdraw(request.user, item):
        raise PermissionDenied
    if request.method == "POST":
        services.intrekken(item=item)
        messages.success(
            request,
            _("“%(titel)s” has been withdrawn from the Kennisbank.") % {"titel": item.titel},
        )
        return redirect("kennisbank:lijst")
    return render(request, "oogst/kennisbank/intrekken.html", {"item": item})


def kiezen(request, gemeente_slug):
    """What the facilitator can publish from this gemeente: its lessen and verbeteracties."""
    require_facilitator(request)
    proeftuin, proeftuinen = chosen_proeftuin(request)
    lessen, acties = [], []
    if proeftuin is not None:
        lessen = Les.objects.filter(proeftuin=proeftuin).only("id", "titel", "proeftuin_id")
        acties = (
            Verbeteractie.objects.levend()
            .filter(proeftuin=proeftuin)
            .only("id", "titel", "status", "proeftuin_id")
        )
    context = {
        "proeftuin": proeftuin,
        "proeftuinen": proeftuinen,
        "lessen": lessen,
        "acties": acties,
    }
    return render(request, "oogst/kennisbank/kiezen.html", context)


def publiceer_les(request, gemeente_slug, pk):
    require_facilitator(request)
    les = get_object_or_404(
        Les.objects.select_related("proeftuin__gemeente", "verbeteractie").prefetch_related(
            "succesfactoren"
        ),
        pk=pk,
    )
    return _publiceer(request, les, services.concept_uit_les(les))


def publiceer_actie(request, gemeente_slug, pk):
    require_facilitator(request)
    actie = get_actie(pk)
    return _publiceer(request, actie, services.concept_uit_actie(actie))


def _publiceer(request, origineel, concept):
    namen = screening.namen_van_mensen()
    keuzes = {"factoren": concept["succesfactoren"], "categorieen": concept["knelpunt_categorieen"]}
    vervangen = False
    if request.method == "POST":
        data = request.POST.copy()
        if "vervang_alles" in data:
            for veld in screening.TEKSTVELDEN:
                data[veld] = screening.vervang_alles(data.get(veld, ""), namen)
            data[BRON] = screening.vervang_alles(data.get(BRON, ""), namen, detector=False)
            vervangen = True
        form = KennisbankForm(data, **keuzes)
    else:
        form = KennisbankForm(initial=concept, **keuzes)
    teksten = {
        veld: (form[veld].label, str(form[veld].value() or ""))
        for veld in (*screening.TEKSTVELDEN, BRON)
    }
    vondsten = screening.controleer(teksten, namen, alleen_namen={BRON})
    status = 200
    if request.method == "POST" and not vervangen:
        if form.is_valid() and not vondsten:
            item = services.publiceer(
                soort=concept["soort"],
                data=form.cleaned_data,
                succesfactoren=form.cleaned_data["succesfactoren"],
                knelpunt_categorieen=form.cleaned_data["knelpunt_categorieen"],
                by=request.user,
            )
            # The copy leaves the gemeente: recorded against the original.
            audit(request, Actie.EXPORT, origineel)
            messages.success(request, _("Published in the Kennisbank, for every gemeente to read."))
            return redirect("kennisbank:detail", pk=item.pk)
        status = 400
    context = {
        "form": form,
        "origineel": origineel,
        "soort": KennisbankItem.Soort(concept["soort"]),
        "vondsten": vondsten,
        "vervangen": vervangen,
    }
    return render(request, "oogst/kennisbank/publiceren.html", context, status=status)
