"""The Logboek Oogst of a proeftuin: make a concept (rendered in the background, progress by
htmx polling), the versions, publishing one as definitief, and downloading through a view that
checks membership."""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from gemeenten.access import chosen_proeftuin, require_perm
from gemeenten.audit import Actie, audit
from oogst.inhoud.models import Oogst

from .. import services
from ..access import can_make, get_versie_for_user
from ..models import LogboekVersie, RenderStatus

# htmx stops polling on this status (the job is done, failed or kept for later).
STOP_POLLING = 286


def _page_url(request, proeftuin):
    url = reverse("oogst:logboek", kwargs={"gemeente_slug": request.gemeente.slug})
    return f"{url}?proeftuin={proeftuin.pk}" if proeftuin else url


@require_http_methods(["GET", "POST"])
def logboek(request, gemeente_slug):
    require_perm(request, "oogst.logboek_lezen")
    proeftuin, proeftuinen = chosen_proeftuin(request)
    allowed_to_make = can_make(request)
    if request.method == "POST":
        require_perm(request, "oogst.logboek_maken")
        if proeftuin is None:
            raise Http404
        version, created = services.request_logboek(proeftuin=proeftuin, by=request.user)
        if created:
            messages.success(request, _("The concept is being made. You can follow it here."))
        else:
            messages.info(request, _("A concept was already being made: this is that one."))
        return redirect(_page_url(request, proeftuin))
    versies = []
    open_versie = None
    foreword = ""
    if proeftuin is not None:
        queryset = LogboekVersie.objects.filter(proeftuin=proeftuin).select_related(
            "aangevraagd_door", "gepubliceerd_door"
        )
        if not allowed_to_make:
            queryset = queryset.current()
        versies = list(queryset)
        open_versie = next((v for v in versies if v.is_open), None)
        oogst = Oogst.objects.filter(proeftuin=proeftuin).only("voorwoord").first()
        foreword = oogst.voorwoord if oogst else ""
    context = {
        "proeftuin": proeftuin,
        "proeftuinen": proeftuinen,
        "can_make": allowed_to_make,
        "versies": versies,
        "open_versie": open_versie,
        "definitief": next((v for v in versies if v.is_current), None),
        "heeft_voorwoord": bool(foreword.strip()),
    }
    return render(request, "oogst/logboek/logboek.html", context)


def version(request, gemeente_slug, pk):
    """One version's state; for htmx the progress fragment (polling stops when it is done)."""
    version = get_versie_for_user(request, pk)
    context = {"versie": version, "can_make": can_make(request)}
    if request.htmx:
        response = render(request, "oogst/logboek/voortgang.html", context)
        if not version.is_open:
            response.status_code = STOP_POLLING
        return response
    context["huidige"] = (
        version
        if version.is_current
        else LogboekVersie.objects.filter(proeftuin_id=version.proeftuin_id).current().first()
    )
    return render(request, "oogst/logboek/versie.html", context)


def download(request, gemeente_slug, pk):
    version = get_versie_for_user(request, pk, download=True)
    try:
        handle = version.download_file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    audit(request, Actie.DOWNLOAD, version)
    status = _("final") if version.definitief else _("concept")
    name = f"logboek-oogst-{version.gemeente.slug}-v{version.nummer}-{status}.pdf"
    response = FileResponse(
        handle, as_attachment=True, filename=name, content_type="application/pdf"
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_http_methods(["GET", "POST"])
def publish(request, gemeente_slug, pk):
    require_perm(request, "oogst.logboek_maken")
    version = get_versie_for_user(request, pk)
    if version.status != RenderStatus.KLAAR:
        messages.error(request, _("Only a finished version can be published."))
        return redirect(_page_url(request, version.proeftuin))
    previous = (
        LogboekVersie.objects.filter(proeftuin=version.proeftuin)
        .current()
        .exclude(pk=version.pk)
        .first()
    )
    if request.method == "POST":
        services.publish(versie=version, by=request.user)
        messages.success(
            request,
            _("Version %(nummer)s is now the final Logboek Oogst; every member can download it.")
            % {"nummer": version.nummer},
        )
        return redirect(_page_url(request, version.proeftuin))
    return render(request, "oogst/logboek/publiceren.html", {"versie": version, "vorige": previous})
