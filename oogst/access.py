"""Who may do what with the oogst of a proeftuin, and the access helpers its views use.

Every member reads the oogst page (a bestuurder too: none of it is casus text); verhalen
without recorded consent are the facilitator's only. Lessen are written by everyone but a
bestuurder and changed by their author or a facilitator; verhalen and the oogst texts are the
facilitator's; a borging is the facilitator's or the action owner's; vervolgafspraken are the
facilitator's and the beleidsadviseur's.
"""

import rules
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from gemeenten.access import chosen_proeftuin
from gemeenten.models import Proeftuin
from kern import permissions
from kern.permissions import Rol, is_facilitator_anywhere
from verbeteracties.models import Verbeteractie

from .models import Les, LogboekVersie, RenderStatus, Verhaal, Vervolgafspraak

# The Logboek Oogst: every member reads and downloads the definitief version (the PDF holds no
# casus text, so bestuurders too); the facilitator makes concepts, reads them, publishes one.
rules.add_perm("oogst.logboek_lezen", permissions.is_member)
rules.add_perm("oogst.logboek_maken", permissions.is_facilitator)


def _role(request):
    return request.lidmaatschap.role


def is_facilitator(request) -> bool:
    return _role(request) == Rol.FACILITATOR


def can_add_les(request) -> bool:
    return _role(request) != Rol.BESTUURDER


def can_edit_les(request, les: Les) -> bool:
    if is_facilitator(request):
        return True
    return can_add_les(request) and les.created_by_id == request.user.pk


def can_manage_verhalen(request) -> bool:
    """Writing verhalen and reading the ones without consent."""
    return is_facilitator(request)


def can_edit_teksten(request) -> bool:
    return is_facilitator(request)


def can_edit_borging(request, actie: Verbeteractie) -> bool:
    return is_facilitator(request) or (
        actie.eigenaar_id is not None and actie.eigenaar_id == request.lidmaatschap.pk
    )


def can_manage_vervolg(request) -> bool:
    return _role(request) in (Rol.FACILITATOR, Rol.BELEIDSADVISEUR)


def require(allowed: bool):
    if not allowed:
        raise PermissionDenied


def get_proeftuin(request, proeftuinen=None) -> Proeftuin | None:
    """The proeftuin whose oogst is shown: ?proeftuin=<id> or the latest (as the dashboard)."""
    return chosen_proeftuin(request, proeftuinen, strict=True)[0]


def require_proeftuin(request) -> Proeftuin:
    proeftuin = get_proeftuin(request)
    if proeftuin is None:
        raise Http404
    return proeftuin


def get_les(pk) -> Les:
    return get_object_or_404(Les.objects.select_related("proeftuin"), pk=pk)


def get_verhaal(pk) -> Verhaal:
    return get_object_or_404(Verhaal.objects.select_related("proeftuin"), pk=pk)


def get_vervolgafspraak(pk) -> Vervolgafspraak:
    return get_object_or_404(Vervolgafspraak.objects.select_related("proeftuin"), pk=pk)


def get_actie(pk) -> Verbeteractie:
    """A living verbeteractie of the gemeente in scope, for its borging; else 404."""
    return get_object_or_404(
        Verbeteractie.objects.levend().select_related("proeftuin", "eigenaar"), pk=pk
    )


def huidige_proeftuin(request):
    proeftuin, _ = chosen_proeftuin(request)
    if proeftuin is None:
        raise Http404
    return proeftuin


def require_facilitator(request):
    require(is_facilitator(request))


# --- the netwerkpeiling, the export and the Kennisbank ---------------------------------------


def can_answer_peiling(request) -> bool:
    """Every member who belongs to a partner organisation answers for that organisation,
    whatever their role: the network is one of organisations. Members without one (usually the
    facilitator from Agora or Movisie) have no organisation to answer for."""
    return request.lidmaatschap.organisatie_id is not None


def can_export(request) -> bool:
    """The full export holds names and every table of the proeftuin: for those who run it."""
    return _role(request) in (Rol.FACILITATOR, Rol.BELEIDSADVISEUR)


def require_export(request):
    require(can_export(request))


def can_withdraw(user, item) -> bool:
    """A Kennisbank entry is withdrawn by the facilitator who published it."""
    return (
        user.is_authenticated
        and item.gepubliceerd_door_id == user.pk
        and is_facilitator_anywhere(user)
    )


# --- the Logboek Oogst -----------------------------------------------------------------------


def can_make(request):
    return request.user.has_perm("oogst.logboek_maken", request.gemeente)


def require_perm(request, perm):
    require(request.user.has_perm(perm, request.gemeente))


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
