"""The reader's own part of the board, whose content is cached per role (``kern.fragments``):
the status control on the cards they own."""

from django.template.loader import render_to_string

from kern.fragments import live

from .models import Verbeteractie
from .views.overzicht import status_opties


@live("verbeteracties.verplaats")
def verplaats(request, args_list):
    """No query when the reader owns none of the cards shown; one otherwise."""
    mine = [int(pk) for pk, eigenaar in args_list if eigenaar == str(request.lidmaatschap.pk)]
    if not mine:
        return {}
    acties = Verbeteractie.objects.filter(pk__in=mine, eigenaar=request.lidmaatschap).only(
        "pk", "titel", "status", "version", "reden_gestopt", "eigenaar"
    )
    query = request.GET.urlencode()
    return {
        (str(a.pk), str(a.eigenaar_id)): render_to_string(
            "verbeteracties/board_status.html",
            {"actie": a, "status_opties": status_opties(a.status), "query": query},
            request,
        )
        for a in acties
    }
