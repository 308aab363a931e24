"""Access helpers of the netwerkpeiling, the Kennisbank publication and the export: the
proeftuin a page is about, and who may do what (403 for members whose role may not; outsiders
never get past the middleware)."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from gemeenten.models import Proeftuin
from proeftuin.permissions import Rol, is_facilitator_anywhere


def gekozen_proeftuin(request):
    """The proeftuin asked for in ``?proeftuin=``, else the current one (latest start), and all
    of the gemeente's proeftuinen for a chooser. (None, []) when there is none yet."""
    proeftuinen = list(Proeftuin.objects.order_by("-start", "-pk"))
    wanted = request.GET.get("proeftuin", "")
    chosen = next((p for p in proeftuinen if str(p.pk) == wanted), None)
    return (chosen or (proeftuinen[0] if proeftuinen else None)), proeftuinen


def huidige_proeftuin(request):
    proeftuin, _ = gekozen_proeftuin(request)
    if proeftuin is None:
        raise Http404
    return proeftuin


def mag_peiling_invullen(request) -> bool:
    """Every member who belongs to a partner organisation answers for that organisation,
    whatever their role: the network is one of organisations. Members without one (usually the
    facilitator from Agora or Movisie) have no organisation to answer for."""
    return request.lidmaatschap.organisatie_id is not None


def is_facilitator(request) -> bool:
    return request.lidmaatschap.role == Rol.FACILITATOR


def require_facilitator(request):
    if not is_facilitator(request):
        raise PermissionDenied


def mag_exporteren(request) -> bool:
    """The full export holds names and every table of the proeftuin: for those who run it."""
    return request.lidmaatschap.role in (Rol.FACILITATOR, Rol.BELEIDSADVISEUR)


def require_export(request):
    if not mag_exporteren(request):
        raise PermissionDenied


def mag_intrekken(user, item) -> bool:
    """A Kennisbank entry is withdrawn by the facilitator who published it."""
    return (
        user.is_authenticated
        and item.gepubliceerd_door_id == user.pk
        and is_facilitator_anywhere(user)
    )
