"""Who may do what in the oogst: the helpers every part of it uses (each part keeps its own rules
in its ``access`` module), and the rule of the export of everything."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from gemeenten.access import chosen_proeftuin
from kern.permissions import Rol


def role(request):
    return request.lidmaatschap.role


def is_facilitator(request) -> bool:
    return role(request) == Rol.FACILITATOR


def require(allowed: bool):
    if not allowed:
        raise PermissionDenied


def require_facilitator(request):
    require(is_facilitator(request))


def current_proeftuin(request):
    proeftuin, _ = chosen_proeftuin(request)
    if proeftuin is None:
        raise Http404
    return proeftuin


def can_export(request) -> bool:
    """The full export holds names and every table of the proeftuin: for those who run it."""
    return role(request) in (Rol.FACILITATOR, Rol.BELEIDSADVISEUR)


def require_export(request):
    require(can_export(request))
