"""The programme team's pages (/programma/): every gemeente with its proeftuin's phase and
health, a new gemeente from the template, facilitators, archive, export and deletion of a test
proeftuin, and the template. They run in the scope of every gemeente (``across_gemeenten``)
and show no casus text: the checklist's labels are counts and names of steps."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from casussen.models.taxonomie import KnelpuntCategorie
from gemeenten import checklist, exports
from gemeenten.audit import Actie, audit
from gemeenten.models import Fase, Gemeente, Ingredient, Lidmaatschap, Proeftuin, Uitnodiging
from kern.middleware import across_gemeenten
from kern.permissions import Rol
from oogst import export

from . import services
from . import sjabloon as templates
from .forms import BijeenkomstFormSet, DeleteForm, FacilitatorForm, GemeenteForm, SuccesfactorenForm


def programma_view(view):
    """For the programme team only (403 for anyone else), in the scope of every gemeente."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm("programma.view"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return across_gemeenten("programma.view")(login_required(wrapped))


def _add_errors(form, error, rename=None):
    """A service's refusal on the form, at its field where the form has that field."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field, errors in error.error_dict.items():
        field = (rename or {}).get(field, field)
        messages_ = [m for e in errors for m in e.messages]
        form.add_error(field if field in form.fields else None, messages_)


def _rows(proeftuinen):
    """Each proeftuin with its phase and health: the cockpit's checklist, from its cache."""
    summaries = checklist.summaries([p for p in proeftuinen if not p.is_gearchiveerd])
    rows = []
    for proeftuin in proeftuinen:
        items, aandacht = summaries.get(proeftuin.pk, ([], []))
        rows.append(
            {
                "proeftuin": proeftuin,
                "open_items": [item for item in items if not item.done],
                "aandacht": aandacht,
            }
        )
    return rows


def _facilitators():
    by_gemeente = {}
    for lid in Lidmaatschap.objects.filter(role=Rol.FACILITATOR).select_related("user"):
        by_gemeente.setdefault(lid.gemeente_id, []).append(lid)
    return by_gemeente


@programma_view
def overzicht(request):
    proeftuinen = list(
        Proeftuin.objects.select_related("gemeente").order_by("gemeente__naam", "-start")
    )
    facilitators = _facilitators()
    lopend = [r for r in _rows(proeftuinen) if not r["proeftuin"].is_gearchiveerd]
    for row in lopend:
        row["facilitators"] = facilitators.get(row["proeftuin"].gemeente_id, [])
    with_proeftuin = {p.gemeente_id for p in proeftuinen}
    context = {
        "rows": lopend,
        "gearchiveerd": [p for p in proeftuinen if p.is_gearchiveerd],
        "zonder_proeftuin": Gemeente.objects.exclude(pk__in=with_proeftuin),
    }
    return render(request, "programma/overzicht.html", context)


@programma_view
def gemeente_new(request):
    form = GemeenteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                gemeente, proeftuin = services.gemeente_create(
                    naam=data["naam"],
                    gemeentecode=data["gemeentecode"],
                    provincie=data["provincie"],
                    start=data["start"],
                    proeftuin_naam=data["proeftuin_naam"],
                    by=request.user,
                )
                if data["facilitator"]:
                    services.facilitator_appoint(
                        gemeente=gemeente, email=data["facilitator"], by=request.user
                    )
        except ValidationError as error:
            _add_errors(form, error, rename={"email": "facilitator"})
        else:
            messages.success(
                request,
                _("%(gemeente)s and its proeftuin have been created from the template.")
                % {"gemeente": gemeente},
            )
            return redirect("programma:gemeente", pk=gemeente.pk)
    status = 400 if form.errors else 200
    return render(request, "programma/gemeente_form.html", {"form": form}, status=status)


def _gemeente_context(gemeente, form=None):
    proeftuinen = list(Proeftuin.objects.filter(gemeente=gemeente).order_by("-start"))
    return {
        "gemeente": gemeente,
        "rows": _rows(proeftuinen),
        "facilitators": Lidmaatschap.objects.filter(
            gemeente=gemeente, role=Rol.FACILITATOR
        ).select_related("user"),
        "uitnodigingen": Uitnodiging.objects.filter(
            gemeente=gemeente, role=Rol.FACILITATOR, accepted_at__isnull=True
        ),
        "form": form or FacilitatorForm(),
    }


@programma_view
def gemeente(request, pk):
    gemeente = get_object_or_404(Gemeente, pk=pk)
    form = FacilitatorForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            appointed = services.facilitator_appoint(
                gemeente=gemeente, email=form.cleaned_data["email"], by=request.user
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if isinstance(appointed, Uitnodiging):
                message = _("%(email)s has been invited as facilitator.")
            else:
                message = _("%(email)s is now facilitator.")
            messages.success(request, message % {"email": form.cleaned_data["email"]})
            return redirect("programma:gemeente", pk=gemeente.pk)
    status = 400 if form.errors else 200
    return render(
        request, "programma/gemeente.html", _gemeente_context(gemeente, form), status=status
    )


@programma_view
def facilitator_remove(request, pk):
    lid = get_object_or_404(
        Lidmaatschap.objects.select_related("user", "gemeente"), pk=pk, role=Rol.FACILITATOR
    )
    if request.method == "POST":
        services.facilitator_remove(lidmaatschap=lid, by=request.user)
        messages.success(
            request,
            _("%(person)s is no longer facilitator of %(gemeente)s.")
            % {"person": lid.user, "gemeente": lid.gemeente},
        )
        return redirect("programma:gemeente", pk=lid.gemeente_id)
    others = Lidmaatschap.objects.filter(gemeente=lid.gemeente, role=Rol.FACILITATOR).exclude(
        pk=lid.pk
    )
    context = {"lid": lid, "laatste": not others.exists()}
    return render(request, "programma/facilitator_remove.html", context)


@programma_view
@require_POST
def uitnodiging_withdraw(request, pk):
    uitnodiging = get_object_or_404(
        Uitnodiging, pk=pk, role=Rol.FACILITATOR, accepted_at__isnull=True
    )
    services.uitnodiging_withdraw(uitnodiging=uitnodiging, by=request.user)
    messages.success(
        request, _("The invitation to %(email)s is withdrawn.") % {"email": uitnodiging.email}
    )
    return redirect("programma:gemeente", pk=uitnodiging.gemeente_id)


@programma_view
@require_POST
def proeftuin_archive(request, pk):
    proeftuin = get_object_or_404(Proeftuin.objects.select_related("gemeente"), pk=pk)
    if proeftuin.is_gearchiveerd:
        services.proeftuin_restore(proeftuin=proeftuin, by=request.user)
        message = _("%(proeftuin)s is restored: it is in the lists again and can be changed.")
    else:
        services.proeftuin_archive(proeftuin=proeftuin, by=request.user)
        message = _("%(proeftuin)s is archived: read-only and out of the lists.")
    messages.success(request, message % {"proeftuin": proeftuin})
    return redirect("programma:gemeente", pk=proeftuin.gemeente_id)


@programma_view
def proeftuin_export(request, pk):
    """The export of everything of a proeftuin (``oogst.export``: never casus texts)."""
    proeftuin = get_object_or_404(Proeftuin.objects.select_related("gemeente"), pk=pk)
    content = export.zip_bytes(proeftuin)
    audit(request, Actie.EXPORT, proeftuin)
    response = HttpResponse(content, content_type="application/zip")
    name = exports.filename(proeftuin.gemeente, "proeftuin-export", "zip")
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["Cache-Control"] = "private, no-store"
    return response


@programma_view
def proeftuin_delete(request, pk):
    proeftuin = get_object_or_404(Proeftuin.objects.select_related("gemeente"), pk=pk)
    form = DeleteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.proeftuin_delete(
                proeftuin=proeftuin, typed_name=form.cleaned_data["naam"], by=request.user
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("%(proeftuin)s is deleted.") % {"proeftuin": proeftuin})
            return redirect("programma:gemeente", pk=proeftuin.gemeente_id)
    context = {
        "proeftuin": proeftuin,
        "form": form,
        "export_downloaded": services.export_downloaded(proeftuin, request.user),
    }
    return render(
        request, "programma/proeftuin_delete.html", context, status=400 if form.errors else 200
    )


@programma_view
def sjabloon(request):
    current = templates.current()
    form = SuccesfactorenForm(request.POST or None, initial=SuccesfactorenForm.initial_for(current))
    formset = BijeenkomstFormSet(
        request.POST or None, initial=current.bijeenkomsten, prefix="bijeenkomsten"
    )
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        current.succesfactoren = _kept_descriptions(current, form.cleaned_data["succesfactoren"])
        current.fase_punten = form.fase_punten()
        current.bijeenkomsten = [
            {k: v for k, v in f.cleaned_data.items() if k != "DELETE"}
            for f in formset.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        services.sjabloon_save(sjabloon=current, by=request.user)
        messages.success(
            request, _("The template is saved. Proeftuinen made from now on start with it.")
        )
        return redirect("programma:sjabloon")
    context = {
        "sjabloon": current,
        "form": form,
        "formset": formset,
        "fasen": Fase.choices,
        "knelpunten": KnelpuntCategorie.choices,
        "ingredienten": Ingredient.choices,
    }
    status = 400 if form.errors or formset.errors or formset.non_form_errors() else 200
    return render(request, "programma/sjabloon.html", context, status=status)


def _kept_descriptions(current, names):
    descriptions = {f["naam"]: f.get("omschrijving", "") for f in current.succesfactoren}
    return [{"naam": n, "omschrijving": descriptions.get(n, "")} for n in names]
