"""The combined Logboek Oogst across gemeenten (outside /g/, in the scope of the user's
gemeenten): only the facilitator who asked sees it, and only while they still facilitate every
gemeente in it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from kern.permissions import Rol

from .. import services
from ..forms import CombinedForm
from ..models import GecombineerdLogboek, RenderStatus

STOP_POLLING = 286


def _facilitated(request):
    return {m.gemeente_id for m in request.lidmaatschappen if m.role == Rol.FACILITATOR}


def _visible(request, facilitated):
    """The user's own combined logboeken over gemeenten they all still facilitate."""
    jobs = (
        GecombineerdLogboek.objects.filter(aangevraagd_door=request.user)
        .prefetch_related("gemeenten")
        .order_by("-aangevraagd_op")
    )
    return [job for job in jobs if {g.pk for g in job.gemeenten.all()} <= facilitated]


def get_job_for_user(request, pk):
    facilitated = _facilitated(request)
    job = get_object_or_404(
        GecombineerdLogboek.objects.prefetch_related("gemeenten"),
        pk=pk,
        aangevraagd_door=request.user,
    )
    gemeenten = {g.pk for g in job.gemeenten.all()}
    if not gemeenten or not gemeenten <= facilitated:
        raise Http404
    return job


@login_required
@require_http_methods(["GET", "POST"])
def index(request):
    facilitated = _facilitated(request)
    if not facilitated:
        raise PermissionDenied
    form = CombinedForm(request.POST or None, gemeente_ids=facilitated)
    if request.method == "POST":
        allowed = {
            str(pk) for pk in form.fields["proeftuinen"].queryset.values_list("pk", flat=True)
        }
        if any(value not in allowed for value in request.POST.getlist("proeftuinen")):
            raise PermissionDenied
        if form.is_valid():
            job = services.request_combined(
                proeftuinen=list(form.cleaned_data["proeftuinen"]),
                by=request.user,
                inleiding=form.cleaned_data["inleiding"],
            )
            messages.success(request, _("The combined logboek is being made."))
            return redirect("logboeken:detail", pk=job.pk)
    context = {"form": form, "jobs": _visible(request, facilitated)}
    return render(request, "oogst/logboek/gecombineerd_lijst.html", context)


@login_required
def detail(request, pk):
    job = get_job_for_user(request, pk)
    if request.htmx:
        response = render(request, "oogst/logboek/gecombineerd_voortgang.html", {"job": job})
        if not job.is_open:
            response.status_code = STOP_POLLING
        return response
    return render(request, "oogst/logboek/gecombineerd_detail.html", {"job": job})


@login_required
def download(request, pk):
    job = get_job_for_user(request, pk)
    if job.status != RenderStatus.KLAAR or not job.bestand:
        raise Http404
    try:
        handle = job.bestand.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"logboek-oogst-gecombineerd-{job.pk}.pdf",
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
