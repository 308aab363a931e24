"""After the meeting: attendance and guests, the verslag with remarks, and actiepunten."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gemeenten.access import require_perm
from kern import writes
from kern.concurrency import STALE_MESSAGE, StaleEdit

from .. import services
from ..forms import (
    AanwezigheidForm,
    ActiepuntForm,
    BesluitForm,
    GastForm,
    GedaanForm,
    ReactieForm,
    VerslagForm,
)
from ..models import Actiepunt, Gast, Reactie, Verslag
from .access import can_manage, get_bijeenkomst


def aanwezigheid(request, gemeente_slug, pk):
    bijeenkomst = get_bijeenkomst(request, pk, "bijeenkomsten.manage")
    present = list(
        bijeenkomst.deelnames.filter(aanwezig=True).values_list("lidmaatschap_id", flat=True)
    )
    if not present:  # a first guess: who said yes
        present = list(
            bijeenkomst.deelnames.filter(antwoord="ja").values_list("lidmaatschap_id", flat=True)
        )
    form = AanwezigheidForm(
        request.POST if request.method == "POST" else None, initial={"aanwezig": present}
    )
    if request.method == "POST" and form.is_valid():
        if not bijeenkomst.is_begonnen:
            form.add_error(None, _("Attendance can be recorded once the meeting has started."))
        else:
            services.aanwezigheid_save(
                bijeenkomst=bijeenkomst,
                aanwezig=list(form.cleaned_data["aanwezig"]),
                by=request.user,
            )
            messages.success(request, _("Attendance has been saved."))
            return redirect("bijeenkomsten:aanwezigheid", gemeente_slug=gemeente_slug, pk=pk)
    return _render_aanwezigheid(request, bijeenkomst, form, GastForm(), 400 if form.errors else 200)


def _render_aanwezigheid(request, bijeenkomst, form, gast_form, status=200):
    context = {
        "bijeenkomst": bijeenkomst,
        "form": form,
        "gast_form": gast_form,
        "gasten": bijeenkomst.gasten.select_related("organisatie"),
    }
    return render(request, "bijeenkomsten/aanwezigheid.html", context, status=status)


@require_POST
def gast_add(request, gemeente_slug, pk):
    bijeenkomst = get_bijeenkomst(request, pk, "bijeenkomsten.manage")
    gast = Gast(gemeente=request.gemeente, bijeenkomst=bijeenkomst)
    form = GastForm(request.POST, instance=gast)
    writes.gate_form(form)
    if not form.is_valid() or not writes.saved(
        form, lambda: writes.save_form(form, by=request.user)
    ):
        status = 400 if form.errors else 200
        return _render_aanwezigheid(request, bijeenkomst, AanwezigheidForm(), form, status)
    messages.success(request, _("%(naam)s has been added as a guest.") % {"naam": gast.naam})
    return redirect("bijeenkomsten:aanwezigheid", gemeente_slug=gemeente_slug, pk=pk)


@require_POST
def gast_remove(request, gemeente_slug, pk):
    require_perm(request, "bijeenkomsten.manage")
    gast = get_object_or_404(Gast, pk=pk)
    writes.delete(gast, by=request.user)
    messages.success(request, _("%(naam)s has been removed.") % {"naam": gast.naam})
    return redirect(
        "bijeenkomsten:aanwezigheid", gemeente_slug=gemeente_slug, pk=gast.bijeenkomst_id
    )


def verslag(request, gemeente_slug, pk):
    bijeenkomst = get_bijeenkomst(request, pk)
    manage = can_manage(request)
    verslag = Verslag.objects.filter(bijeenkomst=bijeenkomst).first()
    if verslag is None and not manage:
        messages.info(request, _("There are no minutes yet."))
        return redirect(bijeenkomst.get_absolute_url())
    instance = verslag or Verslag(gemeente=request.gemeente, bijeenkomst=bijeenkomst)
    form = None
    if manage and not instance.is_definitief:
        form = VerslagForm(request.POST if request.method == "POST" else None, instance=instance)
        writes.gate_form(form)
        if request.method == "POST" and form.is_valid():
            try:
                done = writes.saved(
                    form,
                    lambda: services.verslag_save(
                        verslag=form.instance,
                        by=request.user,
                        expected_version=form.cleaned_data.get("version"),
                    ),
                )
            except StaleEdit:
                form.add_error(None, STALE_MESSAGE)
                done = False
            if done:
                messages.success(request, _("The minutes have been saved."))
                return redirect("bijeenkomsten:verslag", gemeente_slug=gemeente_slug, pk=pk)
    elif request.method == "POST":
        return redirect("bijeenkomsten:verslag", gemeente_slug=gemeente_slug, pk=pk)
    return _render_verslag(request, bijeenkomst, verslag, form, ReactieForm())


def _render_verslag(request, bijeenkomst, verslag, form, reactie_form, status=None):
    if status is None:
        status = 400 if (form is not None and form.errors) or reactie_form.errors else 200
    context = {
        "bijeenkomst": bijeenkomst,
        "verslag": verslag,
        "form": form,
        "reactie_form": reactie_form,
        "can_manage": can_manage(request),
        "can_comment": verslag is not None
        and verslag.open_voor_reacties
        and bijeenkomst.deelnames.filter(lidmaatschap=request.lidmaatschap, aanwezig=True).exists(),
        "reacties": verslag.reacties.select_related("by") if verslag else [],
        "versies": verslag.versies.select_related("by") if verslag else [],
        "besluiten": BesluitForm.base_fields["besluit"].choices,
    }
    return render(request, "bijeenkomsten/verslag.html", context, status=status)


@require_POST
def reactie_add(request, gemeente_slug, pk):
    bijeenkomst = get_bijeenkomst(request, pk)
    verslag = get_object_or_404(Verslag, bijeenkomst=bijeenkomst)
    present = bijeenkomst.deelnames.filter(
        lidmaatschap=request.lidmaatschap, aanwezig=True
    ).exists()
    if not present:
        require_perm(request, "bijeenkomsten.manage")
    form = ReactieForm(request.POST, instance=Reactie(gemeente=request.gemeente, verslag=verslag))
    writes.gate_form(form)
    if form.is_valid():
        try:  # a refused text is re-rendered below with what was typed
            done = writes.saved(
                form, lambda: services.reactie_add(reactie=form.instance, by=request.user)
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("bijeenkomsten:verslag", gemeente_slug=gemeente_slug, pk=pk)
        if done:
            messages.success(request, _("Your remark has been added."))
            return redirect("bijeenkomsten:verslag", gemeente_slug=gemeente_slug, pk=pk)
    manage_form = (
        VerslagForm(instance=verslag) if can_manage(request) and not verslag.is_definitief else None
    )
    status = 400 if form.errors else 200
    return _render_verslag(request, bijeenkomst, verslag, manage_form, form, status=status)


@require_POST
def reactie_decide(request, gemeente_slug, pk):
    require_perm(request, "bijeenkomsten.manage")
    reactie = get_object_or_404(Reactie.objects.select_related("verslag"), pk=pk)
    form = BesluitForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose accept or decline."))
    else:
        try:
            services.reactie_decide(
                reactie=reactie, besluit=form.cleaned_data["besluit"], by=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    return redirect(
        "bijeenkomsten:verslag", gemeente_slug=gemeente_slug, pk=reactie.verslag.bijeenkomst_id
    )


@require_POST
def verslag_definitief(request, gemeente_slug, pk):
    bijeenkomst = get_bijeenkomst(request, pk, "bijeenkomsten.manage")
    verslag = get_object_or_404(Verslag, bijeenkomst=bijeenkomst)
    try:
        services.verslag_set_definitief(verslag=verslag, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The minutes are final."))
    return redirect("bijeenkomsten:verslag", gemeente_slug=gemeente_slug, pk=pk)


def actiepunten(request, gemeente_slug, pk):
    bijeenkomst = get_bijeenkomst(request, pk)
    manage = can_manage(request)
    form = None
    if manage:
        actiepunt = Actiepunt(gemeente=request.gemeente, bijeenkomst=bijeenkomst)
        form = ActiepuntForm(request.POST if request.method == "POST" else None, instance=actiepunt)
        writes.gate_form(form)
        if (
            request.method == "POST"
            and form.is_valid()
            and writes.saved(
                form, lambda: services.actiepunt_add(actiepunt=form.instance, by=request.user)
            )
        ):
            messages.success(request, _("The action item has been added."))
            return redirect("bijeenkomsten:actiepunten", gemeente_slug=gemeente_slug, pk=pk)
    elif request.method == "POST":
        require_perm(request, "bijeenkomsten.manage")
    context = {
        "bijeenkomst": bijeenkomst,
        "form": form,
        "can_manage": manage,
        "actiepunten": bijeenkomst.actiepunten.select_related("eigenaar__user"),
    }
    status = 400 if form is not None and form.errors else 200
    return render(request, "bijeenkomsten/actiepunten.html", context, status=status)


@require_POST
def actiepunt_gedaan(request, gemeente_slug, pk):
    require_perm(request, "bijeenkomsten.view")
    actiepunt = get_object_or_404(Actiepunt.objects.select_related("eigenaar"), pk=pk)
    if actiepunt.eigenaar_id != request.lidmaatschap.pk:
        require_perm(request, "bijeenkomsten.manage")
    form = GedaanForm(request.POST)
    gedaan = form.cleaned_data["gedaan"] if form.is_valid() else False
    services.actiepunt_set_gedaan(actiepunt=actiepunt, gedaan=gedaan, by=request.user)
    return redirect(
        "bijeenkomsten:actiepunten", gemeente_slug=gemeente_slug, pk=actiepunt.bijeenkomst_id
    )
