"""The proeftuinen of a gemeente: list, page, create and edit, moving on a phase, readiness."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from kern import writes
from kern.concurrency import StaleEdit
from kern.writes import TextRefused

from .. import checklist, readiness, services
from ..access import require_perm
from ..forms import BeoordelingForm, FaseTerugForm, ProeftuinForm
from ..models import (
    Fase,
    FaseOvergang,
    Ingredient,
    Ingredientbeoordeling,
    Kerngroeplid,
    Proeftuin,
    Wijziging,
)


def _proeftuin_with_checks(pk):
    overgangen = Prefetch("overgangen", queryset=FaseOvergang.objects.select_related("by"))
    beoordelingen = Prefetch(
        "beoordelingen", queryset=Ingredientbeoordeling.objects.select_related("by")
    )
    queryset = checklist.for_proeftuinen(Proeftuin.objects).prefetch_related(
        overgangen, beoordelingen
    )
    return get_object_or_404(queryset, pk=pk)


def proeftuinen(request, gemeente_slug):
    context = {
        "proeftuinen": Proeftuin.objects.lopend().order_by("-start"),
        "gearchiveerd": Proeftuin.objects.gearchiveerd().order_by("-start"),
    }
    return render(request, "gemeenten/proeftuin/list.html", context)


def phase_timeline(proeftuin):
    """The four phases with their state and the moment the proeftuin last entered each one."""
    reached = {overgang.naar: overgang.at for overgang in proeftuin.overgangen.all()}
    return [
        {
            "fase": fase,
            "state": "current"
            if fase == proeftuin.fase
            else ("done" if number < proeftuin.fase_nummer else "todo"),
            "at": reached.get(fase.value) if number <= proeftuin.fase_nummer else None,
        }
        for number, fase in enumerate(Fase, start=1)
    ]


def proeftuin(request, gemeente_slug, pk):
    proeftuin = _proeftuin_with_checks(pk)
    context = {
        "proeftuin": proeftuin,
        "timeline": phase_timeline(proeftuin),
        "items": checklist.items(proeftuin),
        "kerngroep": Kerngroeplid.objects.select_related(
            "organisatie", "lidmaatschap__user"
        ).order_by("organisatie__naam", "naam"),
        "readiness": readiness.samenvatting(proeftuin),
        "wijzigingen": Wijziging.objects.of(proeftuin).select_related("by")[:10],
    }
    return render(request, "gemeenten/proeftuin/detail.html", context)


def proeftuin_create(request, gemeente_slug):
    require_perm(request, "gemeenten.manage_proeftuin")
    return _proeftuin_form(request, Proeftuin(gemeente=request.gemeente))


def proeftuin_edit(request, gemeente_slug, pk):
    require_perm(request, "gemeenten.manage_proeftuin")
    return _proeftuin_form(request, get_object_or_404(Proeftuin, pk=pk))


def _proeftuin_form(request, instance):
    form = ProeftuinForm(request.POST or None, instance=instance)
    writes.gate_form(form)
    if request.method == "POST" and form.is_valid() and not form.poort.replaced:
        nieuw = instance.pk is None
        try:
            proeftuin = services.proeftuin_save(
                form=form, gemeente=request.gemeente, by=request.user
            )
        except (StaleEdit, TextRefused):
            pass  # the form carries the message; the input stays
        else:
            if nieuw:
                messages.success(request, _("The proeftuin has been created."))
            else:
                messages.success(request, _("The changes have been saved."))
            return redirect(proeftuin)
    context = {"form": form, "proeftuin": instance if instance.pk else None}
    status = 400 if form.errors else 200
    return render(request, "gemeenten/proeftuin/form.html", context, status=status)


def proeftuin_fase(request, gemeente_slug, pk):
    """Move on to the next phase: a confirmation page with the open items, then a POST."""
    require_perm(request, "gemeenten.manage_proeftuin")
    proeftuin = _proeftuin_with_checks(pk)
    if request.method == "POST":
        try:
            overgang = services.proeftuin_move_phase(
                proeftuin=proeftuin, by=request.user, van=request.POST.get("van")
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("The proeftuin is now in the phase %(fase)s.")
                % {"fase": overgang.get_naar_display()},
            )
        return redirect(proeftuin)
    items = checklist.items(proeftuin)
    context = {
        "proeftuin": proeftuin,
        "volgende": proeftuin.volgende_fase,
        "items": items,
        "open_items": [item for item in items if not item.done],
    }
    return render(request, "gemeenten/proeftuin/fase.html", context)


def proeftuin_fase_terug(request, gemeente_slug, pk):
    """Undo the last phase step, with a reason: a page with the form, then a POST."""
    require_perm(request, "gemeenten.manage_proeftuin")
    proeftuin = get_object_or_404(Proeftuin, pk=pk)
    form = FaseTerugForm(request.POST or None, initial={"van": proeftuin.fase})
    writes.gate_form(form)
    done = []
    if request.method == "POST" and form.is_valid():
        try:
            writes.saved(
                form,
                lambda: done.append(
                    services.proeftuin_undo_phase(
                        proeftuin=proeftuin, by=request.user, **form.cleaned_data
                    )
                ),
            )
        except ValidationError as error:
            form.add_error(None, error)
        if done:
            overgang = done[0]
            messages.success(
                request,
                _("The step is undone: the proeftuin is back in the phase %(fase)s.")
                % {"fase": overgang.get_naar_display()},
            )
            return redirect(proeftuin)
    context = {"proeftuin": proeftuin, "vorige": proeftuin.vorige_fase, "form": form}
    status = 400 if form.errors else 200
    return render(request, "gemeenten/proeftuin/fase_terug.html", context, status=status)


def proeftuin_ingredienten(request, gemeente_slug, pk):
    """The ten ingredients: the facilitator's marks beside the app's proposals.

    Saving one ingredient swaps only its block with htmx; without htmx the page reloads.
    """
    proeftuin = _proeftuin_with_checks(pk)
    can_manage = request.user.has_perm("gemeenten.manage_proeftuin", request.gemeente)
    rijen = readiness.rijen(proeftuin)
    status = 200
    if request.method == "POST":
        require_perm(request, "gemeenten.manage_proeftuin")
        ingredient = request.POST.get("ingredient")
        if ingredient not in Ingredient.values:
            return HttpResponseBadRequest()
        rij = next(r for r in rijen if r.ingredient == ingredient)
        form = BeoordelingForm(request.POST, voorstel=rij.voorstel, auto_id=_auto_id(ingredient))
        writes.gate_form(form)
        marked = []

        def mark():
            marked.append(
                services.ingredient_mark(
                    proeftuin=proeftuin,
                    ingredient=ingredient,
                    oordeel=form.cleaned_data["oordeel"],
                    opmerking=form.cleaned_data["opmerking"],
                    by=request.user,
                )
            )

        saved = form.is_valid() and writes.saved(form, mark)
        if saved:
            rij.beoordeling = marked[0]
            form = _beoordeling_form(rij)
        rij.form = form
        if request.htmx:
            context = {"proeftuin": proeftuin, "rij": rij, "saved": saved, "can_manage": True}
            # 200 even with errors: htmx swaps only successful responses.
            return render(request, "gemeenten/proeftuin/ingredienten.html#ingredient", context)
        if saved:
            messages.success(
                request,
                _("%(ingredient)s: %(oordeel)s.")
                % {
                    "ingredient": rij.ingredient.label,
                    "oordeel": rij.beoordeling.get_oordeel_display(),
                },
            )
            return redirect(request.path + f"#ingredient-{ingredient}")
        status = 200 if form.poort.replaced else 400
    for rij in rijen:
        if not hasattr(rij, "form"):
            rij.form = _beoordeling_form(rij) if can_manage else None
    context = {"proeftuin": proeftuin, "rijen": rijen, "can_manage": can_manage}
    return render(request, "gemeenten/proeftuin/ingredienten.html", context, status=status)


def _auto_id(ingredient):
    return f"id_{ingredient}_%s"


def _beoordeling_form(rij):
    initial = {"ingredient": rij.ingredient.value}
    if rij.beoordeling:
        initial.update(oordeel=rij.beoordeling.oordeel, opmerking=rij.beoordeling.opmerking)
    return BeoordelingForm(initial=initial, voorstel=rij.voorstel, auto_id=_auto_id(rij.ingredient))
