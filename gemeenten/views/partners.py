"""Partner organisations: the list, one partner with its kerngroep, edit, delete, export."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kern import writes
from kern.concurrency import STALE_MESSAGE, StaleEdit

from .. import exports, services
from ..access import require_perm
from ..forms import KerngroeplidForm, OrganisatieForm
from ..models import Kerngroeplid, Organisatie, Wijziging


def partners(request, gemeente_slug):
    require_perm(request, "gemeenten.view_proeftuin")
    organisaties = Organisatie.objects.select_related("contactpersoon__user").annotate(
        n_kerngroep=Count("kerngroepleden", distinct=True),
        n_commitments=Count("commitments", distinct=True),
    )
    return render(request, "gemeenten/partners/list.html", {"organisaties": organisaties})


def partner(request, gemeente_slug, pk):
    require_perm(request, "gemeenten.view_proeftuin")
    organisatie = get_object_or_404(
        Organisatie.objects.select_related("contactpersoon__user"), pk=pk
    )
    return _render_partner(request, organisatie, KerngroeplidForm())


def _render_partner(request, organisatie, kerngroep_form, status=200):
    context = {
        "organisatie": organisatie,
        "kerngroepleden": organisatie.kerngroepleden.select_related("lidmaatschap__user"),
        "commitments": organisatie.commitments.select_related("proeftuin"),
        "wijzigingen": Wijziging.objects.of(organisatie).select_related("by")[:50],
        "kerngroep_form": kerngroep_form,
    }
    return render(request, "gemeenten/partners/detail.html", context, status=status)


def partner_new(request, gemeente_slug):
    require_perm(request, "gemeenten.manage_partners")
    organisatie = Organisatie(gemeente=request.gemeente)
    return _edit(request, organisatie)


def partner_edit(request, gemeente_slug, pk):
    require_perm(request, "gemeenten.manage_partners")
    return _edit(request, get_object_or_404(Organisatie, pk=pk))


def _edit(request, organisatie):
    form = OrganisatieForm(request.POST or None, instance=organisatie)
    writes.gate_form(form)
    if request.method == "POST" and form.is_valid():
        try:
            done = writes.saved(
                form,
                lambda: services.organisatie_save(
                    organisatie=form.instance,
                    by=request.user,
                    expected_version=form.cleaned_data.get("version"),
                ),
            )
        except StaleEdit:
            form.add_error(None, STALE_MESSAGE)
        except ValidationError as error:  # the same name saved meanwhile
            writes.refuse_on_form(form, error)
        else:
            if not done:
                return _render_form(request, form, organisatie)
            messages.success(request, _("%(naam)s has been saved.") % {"naam": organisatie.naam})
            return redirect(
                "gemeenten:partner", gemeente_slug=request.gemeente.slug, pk=organisatie.pk
            )
    return _render_form(request, form, organisatie)


def _render_form(request, form, organisatie):
    return render(
        request,
        "gemeenten/partners/form.html",
        {"form": form, "organisatie": organisatie},
        status=400 if form.errors else 200,
    )


def partner_delete(request, gemeente_slug, pk):
    require_perm(request, "gemeenten.manage_partners")
    organisatie = get_object_or_404(Organisatie, pk=pk)
    if request.method == "POST":
        try:
            services.organisatie_delete(organisatie=organisatie, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("gemeenten:partner", gemeente_slug=gemeente_slug, pk=pk)
        messages.success(request, _("%(naam)s has been deleted.") % {"naam": organisatie.naam})
        return redirect("gemeenten:partners", gemeente_slug=gemeente_slug)
    context = {"organisatie": organisatie, "commitments": organisatie.commitments.count()}
    return render(request, "gemeenten/partners/delete.html", context)


@require_POST
def kerngroeplid_add(request, gemeente_slug, pk):
    require_perm(request, "gemeenten.manage_partners")
    organisatie = get_object_or_404(Organisatie, pk=pk)
    kerngroeplid = Kerngroeplid(gemeente=request.gemeente, organisatie=organisatie)
    form = KerngroeplidForm(request.POST, instance=kerngroeplid)
    writes.gate_form(form)
    if not form.is_valid() or not writes.saved(
        form,
        lambda: services.kerngroeplid_add(
            kerngroeplid=form.instance, organisatie=organisatie, by=request.user
        ),
    ):
        status = 400 if form.errors else 200
        return _render_partner(request, organisatie, form, status=status)
    messages.success(
        request, _("%(person)s has been added to the core group.") % {"person": form.instance}
    )
    return redirect("gemeenten:partner", gemeente_slug=gemeente_slug, pk=pk)


@require_POST
def kerngroeplid_remove(request, gemeente_slug, pk):
    require_perm(request, "gemeenten.manage_partners")
    kerngroeplid = get_object_or_404(Kerngroeplid, pk=pk)
    services.kerngroeplid_remove(kerngroeplid=kerngroeplid, by=request.user)
    messages.success(request, _("%(person)s has left the core group.") % {"person": kerngroeplid})
    return redirect(
        "gemeenten:partner", gemeente_slug=gemeente_slug, pk=kerngroeplid.organisatie_id
    )


def partners_export(request, gemeente_slug, formaat):
    require_perm(request, "gemeenten.export")
    organisaties = Organisatie.objects.select_related("contactpersoon__user").prefetch_related(
        "kerngroepleden__lidmaatschap__user"
    )
    header, rows = exports.partner_table(organisaties)
    name = exports.filename(request.gemeente, "partners", formaat)
    if formaat == "xlsx":
        return exports.xlsx_response(header, rows, name=name, title=_("Partners"))
    return exports.csv_response(header, rows, name=name)
