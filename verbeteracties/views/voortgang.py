"""Progress of an action: updates, indicators, metingen one by one or as a CSV upload."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kern import writes
from kern.concurrency import STALE_MESSAGE, StaleEdit

from .. import metingen_csv, services
from ..access import get_actie, require_edit
from ..forms import IndicatorForm, MetingForm, UploadForm, VoortgangForm
from ..models import Indicator, Meting
from .actie import _detail_queryset, _render_detail


@require_POST
def voortgang(request, gemeente_slug, pk):
    actie = get_actie(pk, queryset=_detail_queryset())
    require_edit(request, actie)
    form = VoortgangForm(request.POST, actie=actie)
    writes.gate_form(form)
    if form.is_valid() and writes.saved(
        form, lambda: services.voortgang_add(actie=actie, by=request.user, **form.cleaned_data)
    ):
        messages.success(request, _("Your update has been posted."))
        return redirect(actie.get_absolute_url() + "#voortgang")
    return _render_detail(request, actie, voortgang_form=form, status=400 if form.errors else 200)


def _indicator(pk):
    indicator = get_object_or_404(
        Indicator.objects.select_related("actie", "actie__eigenaar").filter(
            actie__deleted_at__isnull=True
        ),
        pk=pk,
    )
    return indicator


def indicator_new(request, gemeente_slug, pk):
    actie = get_actie(pk)
    require_edit(request, actie)
    return _indicator_edit(request, Indicator(actie=actie, gemeente=request.gemeente), actie)


def indicator_edit(request, gemeente_slug, pk):
    indicator = _indicator(pk)
    require_edit(request, indicator.actie)
    return _indicator_edit(request, indicator, indicator.actie)


def _indicator_edit(request, indicator, actie):
    form = IndicatorForm(request.POST or None, instance=indicator)
    writes.gate_form(form)
    if request.method == "POST" and form.is_valid():
        try:
            done = writes.saved(
                form,
                lambda: services.indicator_save(
                    indicator=form.instance,
                    by=request.user,
                    expected_version=form.cleaned_data.get("version"),
                ),
            )
        except StaleEdit:
            form.add_error(None, STALE_MESSAGE)
        else:
            if done:
                messages.success(request, _("The indicator has been saved."))
                return redirect(actie.get_absolute_url() + f"#indicator-{form.instance.pk}")
    return render(
        request,
        "verbeteracties/indicator_form.html",
        {"form": form, "actie": actie, "indicator": indicator},
        status=400 if form.errors else 200,
    )


@require_POST
def meting(request, gemeente_slug, pk):
    indicator = _indicator(pk)
    require_edit(request, indicator.actie)
    form = MetingForm(request.POST, indicator=indicator)
    writes.gate_form(form)
    data = form.cleaned_data if form.is_valid() else None
    if data is not None and writes.saved(
        form,
        lambda: services.meting_save(
            indicator=indicator,
            by=request.user,
            datum=data["datum"],
            waarde=data["waarde"],
            toelichting=data["toelichting"],
        ),
    ):
        messages.success(request, _("The meting has been saved."))
        return redirect(indicator.actie.get_absolute_url() + f"#indicator-{indicator.pk}")
    actie = get_actie(indicator.actie_id, queryset=_detail_queryset())
    status = 400 if form.errors else 200
    return _render_detail(request, actie, meting_forms={indicator.pk: form}, status=status)


@require_POST
def meting_delete(request, gemeente_slug, pk):
    item = get_object_or_404(
        Meting.objects.select_related("indicator__actie").filter(
            indicator__actie__deleted_at__isnull=True
        ),
        pk=pk,
    )
    actie = item.indicator.actie
    require_edit(request, actie)
    services.meting_delete(meting=item, by=request.user)
    messages.success(request, _("The meting has been deleted."))
    return redirect(actie.get_absolute_url() + f"#indicator-{item.indicator_id}")


def upload(request, gemeente_slug, pk):
    """Metingen in bulk from a CSV in the format of the export: every bad row is reported with
    its line number, and nothing is stored unless every row is good."""
    actie = get_actie(pk)
    require_edit(request, actie)
    form = UploadForm(request.POST or None, request.FILES or None)
    fouten = []
    if request.method == "POST" and form.is_valid():
        indicatoren = list(Indicator.objects.filter(actie=actie))
        for indicator in indicatoren:
            indicator.actie = actie
        rows, fouten = metingen_csv.parse(form.cleaned_data["bestand"], actie, indicatoren)
        if not fouten:
            stored = services.metingen_import(rows=rows, by=request.user)
            messages.success(
                request,
                _("%(n)s metingen have been stored.") % {"n": len(stored)},
            )
            return redirect(actie.get_absolute_url() + "#indicatoren")
    return render(
        request,
        "verbeteracties/upload.html",
        {"form": form, "actie": actie, "fouten": fouten},
        status=400 if (form.errors or fouten) else 200,
    )
