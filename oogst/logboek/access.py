"""Who may read and make the Logboek Oogst, and the access helper of its versions.

Every member reads and downloads the definitief version (the PDF holds no casus text, so
bestuurders too); the facilitator makes concepts, reads them, publishes one."""

import rules
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from gemeenten.access import require_perm
from kern import permissions

from .models import LogboekVersie, RenderStatus

rules.add_perm("oogst.logboek_lezen", permissions.is_member)
rules.add_perm("oogst.logboek_maken", permissions.is_facilitator)


def can_make(request):
    return request.user.has_perm("oogst.logboek_maken", request.gemeente)


def get_versie_for_user(request, pk, *, download=False) -> LogboekVersie:
    """A version of this gemeente: 404 when it is not; a concept only for the facilitator
    (403 for other members). ``download``: only a finished one with a file."""
    require_perm(request, "oogst.logboek_lezen")
    versie = get_object_or_404(
        LogboekVersie.objects.select_related("proeftuin", "gemeente", "aangevraagd_door"), pk=pk
    )
    if not versie.definitief and not can_make(request):
        raise PermissionDenied
    if download and (versie.status != RenderStatus.KLAAR or not versie.bestand):
        raise Http404
    return versie
