"""Commitments of a proeftuin: list, record and change, status, delete, the signed mandate,
kosten en baten, export."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kern import writes
from kern.concurrency import STALE_MESSAGE, StaleEdit

from .. import exports, kostenbaten, services
from ..access import chosen_proeftuin, require_perm
from ..audit import Actie, audit
from ..forms import CommitmentForm, StatusForm
from ..models import Commitment, Wijziging


def commitments(request, gemeente_slug):
    require_perm(request, "gemeenten.view_proeftuin")
    proeftuin, proeftuinen = chosen_proeftuin(request)
    rows = (
        Commitment.objects.filter(proeftuin=proeftuin)
        .select_related("organisatie")
        .prefetch_related("baathebbers")
    )
    totals = rows.actief().aggregate(uren=Sum("uren_per_jaar"), euro=Sum("bedrag"))
    context = {
        "proeftuin": proeftuin,
        "proeftuinen": proeftuinen,
        "commitments": rows,
        "totals": totals,
        "mandaat": rows.actief().filter(soort=Commitment.Soort.MANDAAT).first(),
    }
    return render(request, "gemeenten/commitments/list.html", context)


def commitment(request, gemeente_slug, pk):
    require_perm(request, "gemeenten.view_proeftuin")
    item = _get(pk)
    audit(request, Actie.READ, item)
    return _render_detail(request, item, StatusForm(commitment=item))


def _get(pk):
    return get_object_or_404(
        Commitment.objects.select_related("proeftuin", "organisatie", "created_by"), pk=pk
    )


def _render_detail(request, item, status_form, *, saved=False, status=200):
    context = {
        "commitment": item,
        "status_form": status_form,
        "saved": saved,
        "wijzigingen": Wijziging.objects.of(item).select_related("by"),
    }
    template = "gemeenten/commitments/detail.html"
    if request.htmx:
        # The status form and the history change together; htmx swaps only errors on 200.
        return render(request, template + "#status_en_historie", context)
    return render(request, template, context, status=status)


def commitment_new(request, gemeente_slug):
    require_perm(request, "gemeenten.manage_commitments")
    proeftuin, proeftuinen = chosen_proeftuin(request)
    if proeftuin is None:
        return render(request, "gemeenten/commitments/form.html", {"form": None})
    initial = {}
    if request.GET.get("soort") in Commitment.Soort.values:
        initial["soort"] = request.GET["soort"]
    if request.GET.get("organisatie", "").isdigit():
        initial["organisatie"] = request.GET["organisatie"]
    return _edit(request, Commitment(gemeente=request.gemeente), proeftuin, initial)


def commitment_edit(request, gemeente_slug, pk):
    require_perm(request, "gemeenten.manage_commitments")
    item = _get(pk)
    return _edit(request, item, item.proeftuin)


def _edit(request, item, proeftuin, initial=None):
    form = CommitmentForm(
        request.POST or None,
        request.FILES or None,
        instance=item,
        proeftuin=proeftuin,
        initial=initial,
    )
    writes.gate_form(form)
    if request.method == "POST" and form.is_valid():
        try:
            done = writes.saved(
                form,
                lambda: services.commitment_save(
                    commitment=form.instance,
                    by=request.user,
                    baathebbers=list(form.cleaned_data["baathebbers"]),
                    expected_version=form.cleaned_data.get("version"),
                ),
            )
        except StaleEdit:
            form.add_error(None, STALE_MESSAGE)
        else:
            if done:
                messages.success(request, _("The commitment has been saved."))
                return redirect(form.instance)
    return render(
        request,
        "gemeenten/commitments/form.html",
        {"form": form, "commitment": item},
        status=400 if form.errors else 200,
    )


@require_POST
def commitment_status(request, gemeente_slug, pk):
    """Change the status; with htmx only the status form and the history come back."""
    require_perm(request, "gemeenten.manage_commitments")
    item = _get(pk)
    form = StatusForm(request.POST, commitment=item)
    writes.gate_form(form, obj=item)
    if form.is_valid():
        try:
            done = writes.saved(
                form,
                lambda: services.commitment_set_status(
                    commitment=item,
                    by=request.user,
                    status=form.cleaned_data["status"],
                    geleverd_op=form.cleaned_data["geleverd_op"],
                    reden_ingetrokken=form.cleaned_data["reden_ingetrokken"],
                    expected_version=form.cleaned_data["version"],
                ),
            )
        except ValidationError as error:
            form.add_error(None, error)
        except StaleEdit:
            form.add_error(None, STALE_MESSAGE)
        else:
            # Not done: a replacement was asked for, or the gate refused; the form says so.
            if done and not request.htmx:
                messages.success(request, _("The status has been saved."))
                return redirect(item)
            if done:
                return _render_detail(request, item, StatusForm(commitment=item), saved=True)
    item.refresh_from_db()
    return _render_detail(request, item, form, status=400 if form.errors else 200)


def commitment_delete(request, gemeente_slug, pk):
    require_perm(request, "gemeenten.manage_commitments")
    item = _get(pk)
    if request.method == "POST":
        with transaction.atomic():  # the log says deleted only if it was
            services.commitment_delete(commitment=item, by=request.user)
        messages.success(request, _("The commitment has been deleted."))
        return redirect("gemeenten:commitments", gemeente_slug=gemeente_slug)
    return render(request, "gemeenten/commitments/delete.html", {"commitment": item})


def commitment_document(request, gemeente_slug, pk):
    """The signed mandate statement, only for members, always as a download."""
    require_perm(request, "gemeenten.view_proeftuin")
    item = _get(pk)
    if not item.document:
        raise Http404
    try:
        handle = item.document.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    audit(request, Actie.DOWNLOAD, item)
    name = exports.filename(request.gemeente, f"mandaat-{item.pk}", "pdf")
    response = FileResponse(
        handle, as_attachment=True, filename=name, content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def kosten_en_baten(request, gemeente_slug):
    require_perm(request, "gemeenten.view_proeftuin")
    proeftuin, proeftuinen = chosen_proeftuin(request)
    rows = kostenbaten.kosten_en_baten(proeftuin) if proeftuin else []
    context = {
        "proeftuin": proeftuin,
        "proeftuinen": proeftuinen,
        "rows": rows,
        "totaal": kostenbaten.totaal(rows),
        "per_domein": kostenbaten.per_domein(rows),
    }
    return render(request, "gemeenten/commitments/kostenbaten.html", context)


def commitments_export(request, gemeente_slug, formaat):
    require_perm(request, "gemeenten.export")
    proeftuin, _proeftuinen = chosen_proeftuin(request)
    rows = (
        Commitment.objects.filter(proeftuin=proeftuin)
        .select_related("proeftuin", "organisatie")
        .prefetch_related("baathebbers")
    )
    header, table = exports.commitment_table(rows)
    audit(request, Actie.EXPORT, Commitment)
    name = exports.filename(request.gemeente, "toezeggingen", formaat)
    if formaat == "xlsx":
        return exports.xlsx_response(header, table, name=name, title=_("Commitments"))
    return exports.csv_response(header, table, name=name)
