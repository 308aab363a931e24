"""The reader's own parts of the casus list, whose content is cached per role
(``kern.fragments``): their drafts, and the badge on the casussen they wrote."""

from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import gettext as _

from kern.fragments import live

from .models import Casus


@live("casussen.eigen")
def eigen(request, args_list):
    """No query: the author is in the placeholder."""
    badge = format_html(' <span class="badge">{}</span>', _("yours"))
    return {args: badge for args in args_list if args == (str(request.user.pk),)}


@live("casussen.concepten")
def concepten(request, args_list):
    """One query: the reader's drafts in the proeftuinen of the page."""
    proeftuinen = [int(args[0]) for args in args_list]
    drafts = (
        Casus.objects.zichtbaar()
        .concept()
        .filter(proeftuin__in=proeftuinen, auteur=request.user)
        .only("pk", "titel", "proeftuin_id", "updated_at")
        .order_by("-updated_at", "-pk")
    )
    per_proeftuin = {pk: [] for pk in proeftuinen}
    for casus in drafts:
        per_proeftuin[casus.proeftuin_id].append(casus)
    return {
        (str(pk),): render_to_string("casussen/concepten.html", {"concepten": rows}, request)
        for pk, rows in per_proeftuin.items()
        if rows
    }
