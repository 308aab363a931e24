"""The home page (one's own gemeenten) and the page of one gemeente."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import render

from ..models import Fase, Lidmaatschap, Organisatie, Proeftuin


@login_required
def home(request):
    """The user's gemeenten with their proeftuinen (runs in the scope of the user's gemeenten)."""
    proeftuinen = {}
    for proeftuin in Proeftuin.objects.order_by("-start"):
        proeftuinen.setdefault(proeftuin.gemeente_id, []).append(proeftuin)
    rows = [
        {"lidmaatschap": m, "proeftuinen": proeftuinen.get(m.gemeente_id, [])}
        for m in request.lidmaatschappen
    ]
    return render(request, "gemeenten/home.html", {"rows": rows})


def detail(request, gemeente_slug):
    context = {
        "proeftuinen": Proeftuin.objects.all(),
        "organisaties": Organisatie.objects.annotate(aantal_leden=Count("leden")),
        "aantal_leden": Lidmaatschap.objects.count(),
        "fases": Fase.choices,
    }
    return render(request, "gemeenten/detail.html", context)
