"""Adding, changing and deleting the parts of the oogst: lessen and verhalen (through the
anonymisation gate), the borging of a verbeteractie, vervolgafspraken."""

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kern import writes
from kern.concurrency import STALE_MESSAGE, StaleEdit
from oogst.access import require

from .. import services
from ..access import (
    can_add_les,
    can_edit_borging,
    can_edit_les,
    can_manage_verhalen,
    can_manage_vervolg,
    get_actie,
    get_les,
    get_verhaal,
    get_vervolgafspraak,
    require_proeftuin,
)
from ..forms import BorgingForm, LesForm, VerhaalForm, VervolgafspraakForm
from ..models import Borging, Les, Verhaal, Vervolgafspraak
from .lists import back_query, back_url


def _gated(request, *, form_class, instance, proeftuin, save, template, anchor, form_kwargs=None):
    """A form whose free text must pass the gate: refused with the findings listed (each with
    its replacement, one button that replaces them all, and a mark as not identifying with a
    reason), the input kept."""
    form = form_class(request.POST or None, instance=instance, **(form_kwargs or {}))
    writes.gate_form(form)
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            done = writes.saved(form, lambda: save(form, form.poort.marks))
        except StaleEdit:
            form.add_error(None, STALE_MESSAGE)
            status = 409
        else:
            if done:
                messages.success(request, _("Saved."))
                return redirect(back_url(request, proeftuin, anchor))
    if status == 200 and form.errors:
        status = 400
    context = {
        "form": form,
        "object": instance,
        "proeftuin": proeftuin,
        "cancel_url": back_url(request, proeftuin, anchor),
    }
    return render(request, template, context, status=status)


def _confirm_delete(request, *, obj, proeftuin, anchor, delete, title, explanation):
    """Ask first; delete on POST."""
    if request.method == "POST":
        with transaction.atomic():
            delete()
        messages.success(request, _("Deleted."))
        return redirect(back_url(request, proeftuin, anchor))
    context = {
        "titel": title,
        "uitleg": explanation,
        "cancel_url": back_url(request, proeftuin, anchor),
    }
    return render(request, "oogst/inhoud/verwijderen.html", context)


# --- lessen ---------------------------------------------------------------------------------


def les_new(request, gemeente_slug):
    require(can_add_les(request))
    proeftuin = require_proeftuin(request)
    return _les_form(request, Les(gemeente=request.gemeente, proeftuin=proeftuin))


def les_edit(request, gemeente_slug, pk):
    les = get_les(pk)
    require(can_edit_les(request, les))
    return _les_form(request, les)


def _les_form(request, les):
    def save(form, marks):
        services.les_save(
            les=form.instance,
            by=request.user,
            succesfactoren=list(form.cleaned_data["succesfactoren"]),
            expected_version=form.cleaned_data.get("version"),
            marks=marks,
        )

    return _gated(
        request,
        form_class=LesForm,
        instance=les,
        proeftuin=les.proeftuin,
        save=save,
        template="oogst/inhoud/les_form.html",
        anchor="lessen",
        form_kwargs={"proeftuin": les.proeftuin},
    )


def les_delete(request, gemeente_slug, pk):
    les = get_les(pk)
    require(can_edit_les(request, les))
    return _confirm_delete(
        request,
        obj=les,
        proeftuin=les.proeftuin,
        anchor="lessen",
        delete=lambda: services.les_delete(les=les, by=request.user),
        title=_("Delete the lesson “%(titel)s”?") % {"titel": les.titel},
        explanation=_("The lesson disappears from the harvest and from the Logboek Oogst."),
    )


# --- verhalen -------------------------------------------------------------------------------


def verhaal_new(request, gemeente_slug):
    require(can_manage_verhalen(request))
    proeftuin = require_proeftuin(request)
    return _verhaal_form(request, Verhaal(gemeente=request.gemeente, proeftuin=proeftuin))


def verhaal_edit(request, gemeente_slug, pk):
    require(can_manage_verhalen(request))
    return _verhaal_form(request, get_verhaal(pk))


def _verhaal_form(request, verhaal):
    def save(form, marks):
        services.verhaal_save(
            verhaal=form.instance,
            by=request.user,
            expected_version=form.cleaned_data.get("version"),
            marks=marks,
        )

    return _gated(
        request,
        form_class=VerhaalForm,
        instance=verhaal,
        proeftuin=verhaal.proeftuin,
        save=save,
        template="oogst/inhoud/verhaal_form.html",
        anchor="verhalen",
    )


def verhaal_delete(request, gemeente_slug, pk):
    require(can_manage_verhalen(request))
    verhaal = get_verhaal(pk)
    return _confirm_delete(
        request,
        obj=verhaal,
        proeftuin=verhaal.proeftuin,
        anchor="verhalen",
        delete=lambda: services.verhaal_delete(verhaal=verhaal, by=request.user),
        title=_("Delete the story “%(titel)s”?") % {"titel": verhaal},
        explanation=_("The story and its recorded consent disappear from the harvest."),
    )


# --- borging of a verbeteractie -------------------------------------------------------------


def borging_edit(request, gemeente_slug, pk):
    actie = get_actie(pk)
    require(can_edit_borging(request, actie))
    borging = Borging.objects.filter(verbeteractie=actie).first() or Borging(
        gemeente=request.gemeente, verbeteractie=actie
    )
    form = BorgingForm(request.POST or None, instance=borging)
    writes.gate_form(form)
    if request.method == "POST" and form.is_valid():
        try:
            done = writes.saved(
                form,
                lambda: services.borging_save(
                    borging=form.instance,
                    by=request.user,
                    expected_version=form.cleaned_data.get("version"),
                ),
            )
        except (StaleEdit, IntegrityError):
            # IntegrityError: someone else recorded the first borging of this action meanwhile.
            form.add_error(None, STALE_MESSAGE)
        else:
            if done:
                messages.success(request, _("The embedding has been saved."))
                return redirect(back_url(request, actie.proeftuin, "borging"))
    context = {
        "form": form,
        "actie": actie,
        "borging": borging,
        "proeftuin": actie.proeftuin,
        "cancel_url": back_url(request, actie.proeftuin, "borging"),
        "terug_query": back_query(request),
    }
    return render(
        request, "oogst/inhoud/borging_form.html", context, status=400 if form.errors else 200
    )


def borging_delete(request, gemeente_slug, pk):
    actie = get_actie(pk)
    require(can_edit_borging(request, actie))
    borging = Borging.objects.filter(verbeteractie=actie).first()
    if borging is None:
        return redirect(back_url(request, actie.proeftuin, "borging"))
    return _confirm_delete(
        request,
        obj=borging,
        proeftuin=actie.proeftuin,
        anchor="borging",
        delete=lambda: services.borging_delete(borging=borging, by=request.user),
        title=_("Delete the embedding of “%(titel)s”?") % {"titel": actie.titel},
        explanation=_("The action then shows as “not recorded yet” again."),
    )


# --- vervolgafspraken -----------------------------------------------------------------------


def vervolg_new(request, gemeente_slug):
    require(can_manage_vervolg(request))
    proeftuin = require_proeftuin(request)
    return _vervolg_form(request, Vervolgafspraak(gemeente=request.gemeente, proeftuin=proeftuin))


def vervolg_edit(request, gemeente_slug, pk):
    require(can_manage_vervolg(request))
    return _vervolg_form(request, get_vervolgafspraak(pk))


def _vervolg_form(request, afspraak):
    proeftuin = afspraak.proeftuin
    form = VervolgafspraakForm(request.POST or None, instance=afspraak)
    writes.gate_form(form)
    if request.method == "POST" and form.is_valid():
        try:
            done = writes.saved(
                form,
                lambda: services.vervolgafspraak_save(
                    afspraak=form.instance,
                    by=request.user,
                    expected_version=form.cleaned_data.get("version"),
                ),
            )
        except StaleEdit:
            form.add_error(None, STALE_MESSAGE)
        else:
            if done:
                messages.success(request, _("The follow-up agreement has been saved."))
                return redirect(back_url(request, proeftuin, "vervolg"))
    context = {
        "form": form,
        "afspraak": afspraak,
        "proeftuin": proeftuin,
        "cancel_url": back_url(request, proeftuin, "vervolg"),
    }
    return render(
        request, "oogst/inhoud/vervolg_form.html", context, status=400 if form.errors else 200
    )


def vervolg_delete(request, gemeente_slug, pk):
    require(can_manage_vervolg(request))
    afspraak = get_vervolgafspraak(pk)
    return _confirm_delete(
        request,
        obj=afspraak,
        proeftuin=afspraak.proeftuin,
        anchor="vervolg",
        delete=lambda: services.vervolgafspraak_delete(afspraak=afspraak, by=request.user),
        title=_("Delete the follow-up agreement “%(wat)s”?") % {"wat": afspraak.wat},
        explanation=_("The agreement disappears from the harvest and from the Logboek Oogst."),
    )
