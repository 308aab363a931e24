"""Waar gaan we mee aan de slag? Knelpunten and succesfactoren counted across the casussen and
inzichten of the proeftuin, with charts and a drill-down to the casussen; and the taxonomy of
succesfactoren, which facilitators keep."""

from collections import Counter

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from gemeenten.access import chosen_proeftuin
from kern import writes
from kern.charts import horizontal_bars

from .. import services
from ..access import require_perm
from ..forms import SuccesfactorForm
from ..models import Casus, Inzicht, InzichtSuccesfactor, Knelpunt, KnelpuntCategorie, Succesfactor

BESPREEKBAAR = [Casus.Status.INGEDIEND, Casus.Status.BESPROKEN, Casus.Status.GEARCHIVEERD]


def overzicht(request, gemeente_slug):
    require_perm(request, "casussen.view_overzicht")
    proeftuin, proeftuinen = chosen_proeftuin(request)
    reads_text = request.user.has_perm("casussen.read_text", request.gemeente)
    context = {
        "proeftuin": proeftuin,
        "proeftuinen": proeftuinen,
        "reads_text": reads_text,
        "can_manage": request.user.has_perm("casussen.manage_succesfactoren", request.gemeente),
    }
    if proeftuin is None:
        return render(request, "casussen/overzicht.html", context)
    casussen = Casus.objects.zichtbaar().filter(proeftuin=proeftuin, status__in=BESPREEKBAAR)
    inzichten = Inzicht.objects.zichtbaar().filter(casus__in=casussen)

    per_status = dict(casussen.values_list("status").annotate(n=Count("pk")).order_by())
    in_casussen = dict(
        Knelpunt.objects.filter(casus__in=casussen)
        .values_list("categorie")
        .annotate(n=Count("casus", distinct=True))
        .order_by()
    )
    in_inzichten = Counter(
        categorie
        for categorieen in inzichten.values_list("knelpunt_categorieen", flat=True)
        for categorie in set(categorieen or [])
    )
    knelpunten = sorted(
        (
            {
                "value": value,
                "label": label,
                "casussen": in_casussen.get(value, 0),
                "inzichten": in_inzichten.get(value, 0),
            }
            for value, label in KnelpuntCategorie.choices
        ),
        key=lambda row: (-(row["casussen"] + row["inzichten"]), str(row["label"])),
    )
    per_factor = dict(
        InzichtSuccesfactor.objects.filter(inzicht__in=inzichten)
        .values_list("succesfactor")
        .annotate(n=Count("inzicht", distinct=True))
        .order_by()
    )
    succesfactoren = sorted(
        (
            {"factor": factor, "inzichten": per_factor.get(factor.pk, 0)}
            for factor in Succesfactor.objects.all()
            if factor.actief or per_factor.get(factor.pk)
        ),
        key=lambda row: (-row["inzichten"], row["factor"].volgorde, row["factor"].naam),
    )
    context.update(
        {
            "aantal_casussen": sum(per_status.values()),
            "per_status": [
                {"value": s, "label": Casus.Status(s).label, "n": per_status.get(s, 0)}
                for s in BESPREEKBAAR
            ],
            "aantal_inzichten": inzichten.count(),
            "knelpunten": knelpunten,
            "succesfactoren": succesfactoren,
            "knelpunten_chart": horizontal_bars(
                title=_("Bottlenecks"),
                description=_("number of casussen and insights per category"),
                series=[_("Casussen"), _("Insights")],
                rows=[
                    (str(row["label"]), [row["casussen"], row["inzichten"]])
                    for row in knelpunten
                    if row["casussen"] or row["inzichten"]
                ],
            ),
            "succesfactoren_chart": horizontal_bars(
                title=_("Success factors"),
                description=_("number of insights per success factor"),
                series=[_("Insights")],
                rows=[
                    (row["factor"].naam, [row["inzichten"]])
                    for row in succesfactoren
                    if row["inzichten"]
                ],
            ),
            "inzichten": (
                inzichten.select_related("casus__gemeente").prefetch_related("succesfactoren")
                if reads_text
                else []
            ),
        }
    )
    return render(request, "casussen/overzicht.html", context)


def _factor_saved(request, form) -> bool:
    """A valid posted succesfactor, saved (False with the gate's refusal on the form)."""
    writes.gate_form(form)
    if request.method != "POST" or not form.is_valid():
        return False
    return writes.saved(
        form,
        lambda: services.succesfactor_save(
            succesfactor=form.instance, gemeente=request.gemeente, by=request.user
        ),
    )


def succesfactoren(request, gemeente_slug):
    """The taxonomy: list, add (POST), with how often each was used."""
    require_perm(request, "casussen.manage_succesfactoren")
    form = SuccesfactorForm(request.POST or None, gemeente=request.gemeente)
    if _factor_saved(request, form):
        messages.success(request, _("The success factor has been added."))
        return redirect("casussen:succesfactoren", gemeente_slug=gemeente_slug)
    factors = Succesfactor.objects.annotate(gebruikt=Count("inzichten", distinct=True))
    return render(
        request,
        "casussen/succesfactoren.html",
        {"factors": factors, "form": form},
        status=400 if form.errors else 200,
    )


def succesfactor_edit(request, gemeente_slug, pk):
    """Rename, describe, reorder, or retire (not in use) a succesfactor."""
    require_perm(request, "casussen.manage_succesfactoren")
    factor = get_object_or_404(Succesfactor, pk=pk)
    form = SuccesfactorForm(request.POST or None, instance=factor, gemeente=request.gemeente)
    if _factor_saved(request, form):
        messages.success(request, _("The success factor has been saved."))
        return redirect("casussen:succesfactoren", gemeente_slug=gemeente_slug)
    return render(
        request,
        "casussen/succesfactor_form.html",
        {"form": form, "factor": factor},
        status=400 if form.errors else 200,
    )
