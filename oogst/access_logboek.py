"""Who may do what with the Logboek Oogst, and the access helpers its views use.

Every member reads and downloads the definitief version (the PDF holds no casus text, so
bestuurders too); the facilitator makes concepts, reads them and publishes one."""

import rules
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from gemeenten.models import Proeftuin
from proeftuin.permissions import is_facilitator, is_member

from .models import LogboekVersie, RenderStatus

rules.add_perm("oogst.logboek_lezen", is_member)
rules.add_perm("oogst.logboek_maken", is_facilitator)


def may_make(request):
    return request.user.has_perm("oogst.logboek_maken", request.gemeente)


def require_perm(request, perm):
    if not request.user.has_perm(perm, request.gemeente):
        raise PermissionDenied


def chosen_proeftuin(request):
    """The proeftuin asked for in ``?proeftuin=``, else the current one (latest start)."""
    proeftuinen = list(Proeftuin.objects.order_by("-start", "-pk"))
    wanted = request.GET.get("proeftuin", "") or request.POST.get("proeftuin", "")
    chosen = next((p for p in proeftuinen if str(p.pk) == wanted), None)
    return (chosen or (proeftuinen[0] if proeftuinen else None)), proeftuinen


def get_versie_for_user(request, pk, *, download=False) -> LogboekVersie:
    """A version of this gemeente: 404 when it is not; a concept only for the facilitator
    (403 for other members). ``download``: only a finished one with a file."""
    require_perm(request, "oogst.logboek_lezen")
    versie = get_object_or_404(
        LogboekVersie.objects.select_related("proeftuin", "gemeente", "aangevraagd_door"), pk=pk
    )
    if not versie.definitief and not may_make(request):
        raise PermissionDenied
    if download and (versie.status != RenderStatus.KLAAR or not versie.bestand):
        raise Http404
    return versie
