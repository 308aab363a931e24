"""The agenda of a meeting: add, move and remove items in place (htmx) or as plain forms."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from gemeenten.access import require_perm
from kern import writes

from .. import services
from ..forms import AgendapuntForm
from ..models import Agendapunt
from .access import get_bijeenkomst
from .bijeenkomst import _new_punt, detail_context


def _agenda_response(request, bijeenkomst, form=None, status=200):
    if request.htmx:
        context = detail_context(request, bijeenkomst, agenda_form=form)
        return render(request, "bijeenkomsten/detail.html#agenda", context, status=status)
    if form is not None and (form.errors or form.poort.replaced):
        context = detail_context(request, bijeenkomst, agenda_form=form)
        return render(request, "bijeenkomsten/detail.html", context, status=status)
    return redirect(bijeenkomst.get_absolute_url() + "#agenda")


@require_POST
def agendapunt_add(request, gemeente_slug, pk):
    bijeenkomst = get_bijeenkomst(request, pk, "bijeenkomsten.manage")
    form = AgendapuntForm(request.POST, instance=_new_punt(bijeenkomst))
    writes.gate_form(form)
    if not form.is_valid() or not writes.saved(
        form, lambda: services.agendapunt_add(agendapunt=form.instance, by=request.user)
    ):
        return _agenda_response(request, bijeenkomst, form, status=400 if form.errors else 200)
    if not request.htmx:
        messages.success(request, _("The item has been added to the agenda."))
    return _agenda_response(request, bijeenkomst)


@require_POST
def agenda_casussen(request, gemeente_slug, pk):
    """One click: every casus brought to this meeting goes on the agenda."""
    bijeenkomst = get_bijeenkomst(request, pk, "bijeenkomsten.manage")
    added = services.inbreng_to_agenda(bijeenkomst=bijeenkomst, by=request.user)
    if not request.htmx:
        messages.success(
            request,
            ngettext(
                "%(n)d casus has been put on the agenda.",
                "%(n)d casussen have been put on the agenda.",
                added,
            )
            % {"n": added},
        )
    return _agenda_response(request, bijeenkomst)


def _punt(request, pk):
    require_perm(request, "bijeenkomsten.manage")
    return get_object_or_404(Agendapunt.objects.select_related("bijeenkomst__gemeente"), pk=pk)


@require_POST
def agendapunt_up(request, gemeente_slug, pk):
    punt = _punt(request, pk)
    services.agendapunt_move(agendapunt=punt, richting="omhoog", by=request.user)
    return _agenda_response(request, punt.bijeenkomst)


@require_POST
def agendapunt_down(request, gemeente_slug, pk):
    punt = _punt(request, pk)
    services.agendapunt_move(agendapunt=punt, richting="omlaag", by=request.user)
    return _agenda_response(request, punt.bijeenkomst)


@require_POST
def agendapunt_remove(request, gemeente_slug, pk):
    punt = _punt(request, pk)
    bijeenkomst = punt.bijeenkomst
    services.agendapunt_remove(agendapunt=punt, by=request.user)
    if not request.htmx:
        messages.success(request, _("The item has been removed from the agenda."))
    return _agenda_response(request, bijeenkomst)
