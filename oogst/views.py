"""Export everything of a proeftuin as a ZIP of CSV files: for the facilitator and the
beleidsadviseur (the export holds names and every table, not for bestuurders)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header

from gemeenten import exports
from gemeenten.access import chosen_proeftuin
from gemeenten.audit import Actie, audit

from . import export
from .access import current_proeftuin, require_export


def export_page(request, gemeente_slug):
    require_export(request)
    proeftuin, proeftuinen = chosen_proeftuin(request)
    context = {
        "proeftuin": proeftuin,
        "proeftuinen": proeftuinen,
        "bestanden": export.file_names(),
    }
    return render(request, "oogst/export.html", context)


def export_zip(request, gemeente_slug):
    require_export(request)
    proeftuin = current_proeftuin(request)
    content = export.zip_bytes(proeftuin)
    audit(request, Actie.EXPORT, proeftuin)
    response = HttpResponse(content, content_type="application/zip")
    name = exports.filename(request.gemeente, "proeftuin-export", "zip")
    response["Content-Disposition"] = content_disposition_header(True, name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
