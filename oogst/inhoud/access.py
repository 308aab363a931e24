"""Who may do what with the inhoud of the oogst, and the access helpers its views use.

Every member reads the oogst page (a bestuurder too: none of it is casus text); verhalen
without recorded consent are the facilitator's only. Lessen are written by everyone but a
bestuurder and changed by their author or a facilitator; verhalen and the oogst texts are the
facilitator's; a borging is the facilitator's or the action owner's; vervolgafspraken are the
facilitator's and the beleidsadviseur's.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from gemeenten.access import chosen_proeftuin
from gemeenten.models import Proeftuin
from kern.permissions import Rol
from oogst.access import is_facilitator, role
from verbeteracties.models import Verbeteractie

from .models import Les, Verhaal, Vervolgafspraak


def can_add_les(request) -> bool:
    return role(request) != Rol.BESTUURDER


def can_edit_les(request, les: Les) -> bool:
    if is_facilitator(request):
        return True
    return can_add_les(request) and les.created_by_id == request.user.pk


def can_manage_verhalen(request) -> bool:
    """Writing verhalen and reading the ones without consent."""
    return is_facilitator(request)


def can_edit_texts(request) -> bool:
    return is_facilitator(request)


def can_edit_borging(request, actie: Verbeteractie) -> bool:
    return is_facilitator(request) or (
        actie.eigenaar_id is not None and actie.eigenaar_id == request.lidmaatschap.pk
    )


def can_manage_vervolg(request) -> bool:
    return role(request) in (Rol.FACILITATOR, Rol.BELEIDSADVISEUR)


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
