"""Inzichten: the facilitator records what the discussion of a casus taught (through the gate)."""

from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from gemeenten.models import Wijziging
from kern.concurrency import StaleEdit

from .. import services
from ..access import get_casus_for_user, require_perm
from ..forms import InzichtForm
from ..models import Inzicht
from ..poort import Poort
from .conflict import conflict


def inzicht_new(request, gemeente_slug, pk):
    casus = get_casus_for_user(request, pk, action="moderate")
    if casus.teksten_gewist_op:
        messages.error(request, _("The texts of this casus were purged; it can no longer change."))
        return redirect(casus)
    return _inzicht_form(request, Inzicht(gemeente=request.gemeente, casus=casus))


def _get_inzicht(request, pk, *, deleted=False):
    require_perm(request, "casussen.moderate")
    queryset = Inzicht.objects.select_related("casus", "casus__gemeente")
    if not deleted:
        queryset = queryset.zichtbaar()
    return get_object_or_404(queryset, pk=pk, casus__deleted_at__isnull=True)


def inzicht_edit(request, gemeente_slug, pk):
    return _inzicht_form(request, _get_inzicht(request, pk))


def _inzicht_form(request, inzicht):
    casus = inzicht.casus
    poort = Poort(request.POST if request.method == "POST" else {}, obj=casus)
    form = InzichtForm(
        poort.data if request.method == "POST" else None, instance=inzicht, casus=casus
    )
    status = 200
    conflict = None
    if request.method == "POST":
        text_fields = form.text_fields()
        if poort.apply_replacements(text_fields):
            form = InzichtForm(poort.data, instance=inzicht, casus=casus)
            poort.check(text_fields)
        elif poort.check(text_fields) or not poort.passes or not form.is_valid():
            status = 200 if request.htmx else 400
            poort.show_on(form)
            if form.is_bound and form.has_error(NON_FIELD_ERRORS, "stale"):
                conflict, form = _conflict(poort, form, inzicht, casus)
        else:
            try:
                with transaction.atomic():
                    # The marks first: the write path's gate counts them.
                    if poort.marks:
                        services.casus_save_marks(casus=casus, marks=poort.marks, by=request.user)
                    services.inzicht_save(
                        inzicht=form.instance,
                        by=request.user,
                        succesfactoren=list(form.cleaned_data["succesfactoren"]),
                        knelpunten=list(form.cleaned_data.get("knelpunten") or []),
                        expected_version=form.cleaned_data.get("version"),
                    )
            except StaleEdit:
                conflict, form = _conflict(poort, form, inzicht, casus)
                status = 200 if request.htmx else 409
            else:
                messages.success(request, _("The insight has been saved."))
                if request.htmx:
                    return HttpResponseClientRedirect(casus.get_absolute_url() + "#inzichten")
                return redirect(casus.get_absolute_url() + "#inzichten")
    context = {
        "form": form,
        "casus": casus,
        "inzicht": inzicht,
        "conflict": conflict,
        **poort.context(_live_url(request, casus)),
    }
    template = "casussen/inzicht_form.html"
    return render(
        request, template + "#formulier" if request.htmx else template, context, status=status
    )


def _conflict(poort, form, inzicht, casus):
    """Someone saved this inzicht after the form was opened: both versions side by side, and
    the form again at the current version, so that saving once more keeps yours."""
    found = conflict(form, Inzicht.objects.all(), inzicht.pk)
    poort.data["version"] = found["version"]
    return found, InzichtForm(poort.data, instance=inzicht, casus=casus)


def _live_url(request, casus):
    from django.urls import reverse

    return reverse(
        "casussen:controle", kwargs={"gemeente_slug": request.gemeente.slug, "pk": casus.pk}
    )


def inzicht_delete(request, gemeente_slug, pk):
    inzicht = _get_inzicht(request, pk)
    if request.method == "POST":
        with transaction.atomic():
            services.inzicht_delete(inzicht=inzicht, by=request.user)
        messages.success(request, _("The insight has been deleted."))
        return redirect(inzicht.casus.get_absolute_url() + "#inzichten")
    return render(request, "casussen/inzicht_delete.html", {"inzicht": inzicht})


@require_POST
def inzicht_undelete(request, gemeente_slug, pk):
    inzicht = _get_inzicht(request, pk, deleted=True)
    services.inzicht_undelete(inzicht=inzicht, by=request.user)
    messages.success(request, _("The insight is back."))
    return redirect(inzicht.casus.get_absolute_url() + "#inzichten")


@require_POST
def inzicht_herstel(request, gemeente_slug, pk, wijziging_pk):
    """Undo one change of an inzicht (facilitator): its earlier values come back, itself a new
    change in the history of the casus."""
    inzicht = _get_inzicht(request, pk)
    wijziging = get_object_or_404(
        Wijziging.objects.of(inzicht).filter(actie=Wijziging.Actie.GEWIJZIGD), pk=wijziging_pk
    )
    try:
        services.inzicht_restore(inzicht=inzicht, wijziging=wijziging, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The earlier values of the insight are back."))
    return redirect("casussen:historie", gemeente_slug=gemeente_slug, pk=inzicht.casus_id)
