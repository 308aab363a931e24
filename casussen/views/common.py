"""What several casussen views share: the chosen proeftuin and the visible casussen."""

from django.db.models import Q

from gemeenten.models import Proeftuin

from ..access import is_moderator
from ..models import Casus


def chosen_proeftuin(request):
    """The proeftuin asked for in ``?proeftuin=``, else the current one (latest start)."""
    proeftuinen = list(Proeftuin.objects.order_by("-start", "-pk"))
    wanted = request.GET.get("proeftuin", "")
    chosen = next((p for p in proeftuinen if str(p.pk) == wanted), None)
    return (chosen or (proeftuinen[0] if proeftuinen else None)), proeftuinen


def visible_casussen(request, proeftuin):
    """The casussen of the proeftuin this member sees in lists: drafts only their own (all for
    the facilitator); never deleted ones."""
    queryset = Casus.objects.zichtbaar().filter(proeftuin=proeftuin)
    if not is_moderator(request):
        queryset = queryset.filter(~Q(status=Casus.Status.CONCEPT) | Q(auteur=request.user))
    return queryset
