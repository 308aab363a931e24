"""The Kennisbank: reading and searching it (every logged-in user, outside /g/), publishing a
reviewed copy of a les or verbeteractie (the gemeente's facilitators) and withdrawing it (the
facilitator who published it)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from casussen import gate
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

PER_PAGE = 20
# The source line names the proeftuin on purpose; it is checked for the names of people only.
SOURCE = "bron"


@login_required
def index(request):
    q = request.GET.get("q", "").strip()[:200]
    succesfactor = request.GET.get("succesfactor", "")[:200]
    categorie = request.GET.get("categorie", "")[:200]
    soort = request.GET.get("soort", "")
    items = search.find(q=q, succesfactor=succesfactor, categorie=categorie, soort=soort)
    factors, categories = search.labels()
    facilitator_in = [
        m.gemeente for m in getattr(request, "lidmaatschappen", []) if m.role == Rol.FACILITATOR
    ]
    context = {
        "page": Paginator(items, PER_PAGE).get_page(request.GET.get("page")),
        "aantal": len(items),
        "q": q,
        "succesfactor": succesfactor,
        "categorie": categorie,
        "soort": soort,
        "soorten": KennisbankItem.Soort.choices,
        "factoren": factors,
        "categorieen": categories,
        "gefilterd": bool(q or succesfactor or categorie or soort),
        "facilitator_in": facilitator_in,
    }
    return render(request, "oogst/kennisbank/lijst.html", context)


@login_required
def detail(request, pk):
    item = get_object_or_404(search.visible(), pk=pk)
    context = {"item": item, "can_withdraw": can_withdraw(request.user, item)}
    return render(request, "oogst/kennisbank/detail.html", context)


@login_required
def withdraw(request, pk):
    item = get_object_or_404(search.visible(), pk=pk)
    if not can_withdraw(request.user, item):
        raise PermissionDenied
    if request.method == "POST":
        services.withdraw(item=item)
        messages.success(
            request,
            _("“%(titel)s” has been withdrawn from the Kennisbank.") % {"titel": item.titel},
        )
        return redirect("kennisbank:lijst")
    return render(request, "oogst/kennisbank/intrekken.html", {"item": item})


def choose(request, gemeente_slug):
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


def publish_les(request, gemeente_slug, pk):
    require_facilitator(request)
    les = get_object_or_404(
        Les.objects.select_related("proeftuin__gemeente", "verbeteractie").prefetch_related(
            "succesfactoren"
        ),
        pk=pk,
    )
    return _publish(request, les, services.draft_from_les(les))


def publish_actie(request, gemeente_slug, pk):
    require_facilitator(request)
    actie = get_actie(pk)
    return _publish(request, actie, services.draft_from_actie(actie))


def _publish(request, original, draft):
    names = screening.names_of_people()
    choices = {"factors": draft["succesfactoren"], "categories": draft["knelpunt_categorieen"]}
    replaced = False
    if request.method == "POST":
        data = request.POST.copy()
        if "vervang_alles" in data:
            for field in screening.TEXT_FIELDS:
                data[field] = gate.replace_all(data.get(field, ""), names=names)
            data[SOURCE] = gate.replace_all(data.get(SOURCE, ""), names=names, detector=False)
            replaced = True
        form = KennisbankForm(data, **choices)
    else:
        form = KennisbankForm(initial=draft, **choices)
    texts = {
        field: (form[field].label, str(form[field].value() or ""))
        for field in (*screening.TEXT_FIELDS, SOURCE)
    }
    found = gate.check(texts, names=names, names_only={SOURCE})
    status = 200
    if request.method == "POST" and not replaced:
        if form.is_valid() and not found:
            item = services.publish(
                soort=draft["soort"],
                data=form.cleaned_data,
                succesfactoren=form.cleaned_data["succesfactoren"],
                knelpunt_categorieen=form.cleaned_data["knelpunt_categorieen"],
                by=request.user,
            )
            # The copy leaves the gemeente: recorded against the original.
            audit(request, Actie.EXPORT, original)
            messages.success(request, _("Published in the Kennisbank, for every gemeente to read."))
            return redirect("kennisbank:detail", pk=item.pk)
        status = 400
    context = {
        "form": form,
        "origineel": original,
        "soort": KennisbankItem.Soort(draft["soort"]),
        "vondsten": found,
        "vervangen": replaced,
    }
    return render(request, "oogst/kennisbank/publiceren.html", context, status=status)
