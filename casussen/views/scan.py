"""The facilitator's list of what the anonymisation gate finds in the texts already stored in
the gemeente (every app's), per object, each with a link to where it is changed."""

from django.shortcuts import render

from .. import scan
from ..access import require_perm


def teksten_scan(request, gemeente_slug):
    require_perm(request, "casussen.scan_teksten")
    found = scan.rows(scan.scan(request.gemeente))
    for row in found:
        row.url = scan.edit_url(row.obj)
    context = {"rows": found, "aantal": sum(len(row.hits) for row in found)}
    return render(request, "casussen/scan.html", context)
