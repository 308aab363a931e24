"""Access helpers: the meeting of this gemeente (404 otherwise) and role checks (403)."""

from django.shortcuts import get_object_or_404

from gemeenten.access import require_perm

from ..models import Bijeenkomst


def get_bijeenkomst(request, pk, perm="bijeenkomsten.view"):
    require_perm(request, perm)
    return get_object_or_404(Bijeenkomst.objects.select_related("proeftuin", "gemeente"), pk=pk)


def can_manage(request):
    return request.user.has_perm("bijeenkomsten.manage", request.gemeente)
