"""The reader's own links on the oogst page, whose content is cached per role
(``kern.fragments``): change or delete their own lessen, record the borging of the actions they
own. No query when none of the rows shown is theirs; one per kind otherwise."""

from django.template.loader import render_to_string

from kern.fragments import live
from verbeteracties.models import Verbeteractie

from .access import can_add_les
from .models import Borging, Les
from .views.rows import _edit_urls, _pk_url


def _mine(args_list, owner):
    return [int(pk) for pk, owner_id in args_list if owner_id == str(owner)]


@live("oogst.les")
def les(request, args_list):
    mine = _mine(args_list, request.user.pk)
    if not mine or not can_add_les(request):
        return {}
    edit, delete = _edit_urls(request, "les", "")
    return {
        (str(row.pk), str(request.user.pk)): render_to_string(
            "oogst/inhoud/les_links.html",
            {"les": row, "urls": {"wijzigen": edit(row.pk), "verwijderen": delete(row.pk)}},
            request,
        )
        for row in Les.objects.filter(pk__in=mine, created_by=request.user).only("pk", "titel")
    }


@live("oogst.borging")
def borging(request, args_list):
    mine = _mine(args_list, request.lidmaatschap.pk)
    if not mine:
        return {}
    url = _pk_url(request, "oogst:borging_edit")
    acties = Verbeteractie.objects.filter(pk__in=mine, eigenaar=request.lidmaatschap).only(
        "pk", "titel", "eigenaar"
    )
    recorded = set(
        Borging.objects.filter(verbeteractie__in=mine).values_list("verbeteractie_id", flat=True)
    )
    return {
        (str(a.pk), str(a.eigenaar_id)): render_to_string(
            "oogst/inhoud/borging_link.html",
            {"actie": a, "borging_url": url(a.pk), "borging": a.pk in recorded},
            request,
        )
        for a in acties
    }
