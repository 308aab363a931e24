"""The facilitator's overview: every proeftuin she runs, side by side, with what needs doing."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from kern.permissions import Rol

from .. import checklist
from ..models import Proeftuin


@login_required
def overzicht(request):
    """Runs in the scope of all the user's gemeenten (outside /g/); shows those she facilitates."""
    if not request.user.has_perm("gemeenten.view_overzicht"):
        raise PermissionDenied
    # The scope already limits this to her own gemeenten; among those, only where she
    # facilitates (a beleidsadviseur elsewhere does not see that gemeente's proeftuin here).
    facilitated = [m.gemeente_id for m in request.lidmaatschappen if m.role == Rol.FACILITATOR]
    proeftuinen = list(
        Proeftuin.objects.lopend()
        .filter(gemeente_id__in=facilitated)
        .select_related("gemeente")
        .order_by("gemeente__naam", "-start")
    )
    # The checklists from the cache while nothing changed in a gemeente (issue 9).
    summaries = checklist.summaries(proeftuinen)
    rows = []
    for proeftuin in proeftuinen:
        items, aandacht = summaries[proeftuin.pk]
        rows.append(
            {
                "proeftuin": proeftuin,
                "volgende": proeftuin.volgende_fase,
                "items": items,
                "open_items": [item for item in items if not item.done],
                "aandacht": aandacht,
            }
        )
    return render(request, "gemeenten/proeftuin/overzicht.html", {"rows": rows})
