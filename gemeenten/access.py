"""Access helpers: outsiders never get past the middleware (404); members whose role may not do
something get 403 here."""

from django.core.exceptions import PermissionDenied
from django.http import Http404


def require_perm(request, perm):
    """403 for a member whose role may not do this (outsiders never get this far: 404)."""
    if not request.user.has_perm(perm, request.gemeente):
        raise PermissionDenied


def chosen_proeftuin(request, proeftuinen=None, *, strict=False):
    """Which proeftuin a page is about, the one answer for every page: the one asked for with
    ``?proeftuin=<id>`` (or a posted ``proeftuin``), else the current one (latest start).

    Returns ``(proeftuin, proeftuinen)``: the gemeente's proeftuinen newest first for a chooser
    (``proeftuinen`` when the page loaded them already), and the chosen one or None when there
    is none yet. An id that is not one of them means the current one, or 404 with ``strict``
    (pages that write into the chosen proeftuin, and those whose cache key holds it).
    """
    from kern.params import id_param

    from .models import Proeftuin

    if proeftuinen is None:
        proeftuinen = list(Proeftuin.objects.order_by("-start", "-pk"))
    wanted = id_param(request, "proeftuin")
    if wanted is None and request.method == "POST":
        posted = request.POST.get("proeftuin", "")
        wanted = int(posted) if posted.isascii() and posted.isdigit() and len(posted) < 19 else None
    chosen = next((p for p in proeftuinen if p.pk == wanted), None)
    if chosen is None and wanted is not None and strict:
        raise Http404
    if chosen is None:  # the current one: the newest that is not archived, else the newest
        running = [p for p in proeftuinen if not p.is_gearchiveerd]
        chosen = (running or proeftuinen or [None])[0]
    return chosen, proeftuinen
