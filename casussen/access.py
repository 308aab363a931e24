"""Who may do what with casussen, and the access helpers the views use.

Role rules (django-rules, asked with the gemeente) plus the rules that depend on the casus:
drafts are their author's (and the facilitator's), the author edits until the casus is
discussed, a bestuurder never reads casus text (lists and counts only).
"""

import rules
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from kern.permissions import Rol, is_facilitator, is_member, role_in

from .models import Casus


@rules.predicate
def is_bestuurder(user, gemeente):
    return role_in(user, gemeente) == Rol.BESTUURDER


reads_text = is_member & ~is_bestuurder

rules.add_perm("casussen.view_casussen", is_member)  # a bestuurder: without any text
rules.add_perm("casussen.read_text", reads_text)
rules.add_perm("casussen.add_casus", reads_text)
rules.add_perm("casussen.moderate", is_facilitator)
rules.add_perm("casussen.manage_succesfactoren", is_facilitator)
# The gate's findings in every stored text of the gemeente: the facilitator's to fix.
rules.add_perm("casussen.scan_teksten", is_facilitator)
rules.add_perm("casussen.view_overzicht", is_member)


def is_moderator(request):
    return request.user.has_perm("casussen.moderate", request.gemeente)


def can_read(request, casus: Casus) -> bool:
    if not request.user.has_perm("casussen.read_text", request.gemeente):
        return False
    if casus.status == Casus.Status.CONCEPT:
        return casus.auteur_id == request.user.pk or is_moderator(request)
    return True


def can_edit(request, casus: Casus) -> bool:
    if casus.teksten_gewist_op or casus.is_verwijderd:
        return False
    if is_moderator(request):
        return True
    return casus.auteur_id == request.user.pk and casus.status in (
        Casus.Status.CONCEPT,
        Casus.Status.INGEDIEND,
    )


def can_delete(request, casus: Casus) -> bool:
    if is_moderator(request):
        return True
    return casus.auteur_id == request.user.pk and casus.status == Casus.Status.CONCEPT


def get_casus_for_user(request, pk, *, action="read", deleted=False) -> Casus:
    """The casus for this request: 404 when it is not in the gemeente (or deleted, unless
    ``deleted`` and a facilitator asks), 403 when the member may not ``action`` it."""
    queryset = Casus.objects.select_related("proeftuin", "auteur", "gemeente")
    if not (deleted and is_moderator(request)):
        queryset = queryset.zichtbaar()
    casus = get_object_or_404(queryset, pk=pk)
    allowed = {
        "read": can_read,
        "edit": can_edit,
        "delete": can_delete,
        "moderate": lambda request, casus: is_moderator(request),
    }[action](request, casus)
    if not allowed:
        raise PermissionDenied
    return casus


def require_perm(request, perm):
    if not request.user.has_perm(perm, request.gemeente):
        raise PermissionDenied
