"""Who may do what with verbeteracties: every member reads, every member but a bestuurder
proposes, the owner and the facilitators change an action and post its progress."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from kern.permissions import Rol

from .models import Verbeteractie


def can_propose(request) -> bool:
    return request.lidmaatschap.role != Rol.BESTUURDER


def can_edit(request, actie: Verbeteractie) -> bool:
    lid = request.lidmaatschap
    return lid.role == Rol.FACILITATOR or (
        actie.eigenaar_id is not None and actie.eigenaar_id == lid.pk
    )


def can_read_casussen(request) -> bool:
    """A bestuurder never reads casus texts, titles included (DESIGN.md)."""
    return request.lidmaatschap.role != Rol.BESTUURDER


def require_propose(request):
    if not can_propose(request):
        raise PermissionDenied


def require_edit(request, actie):
    if not can_edit(request, actie):
        raise PermissionDenied


def get_actie(pk, *, deleted=False, queryset=None):
    """A living action of the gemeente in scope (or one in the bin), else 404."""
    queryset = queryset if queryset is not None else Verbeteractie.objects.all()
    queryset = queryset.verwijderd() if deleted else queryset.levend()
    return get_object_or_404(queryset.select_related("proeftuin", "eigenaar__user"), pk=pk)
