"""What several casussen views share: the chosen proeftuin and the visible casussen."""

from django.db.models import Q

from ..access import is_moderator
from ..models import Casus


def visible_casussen(request, proeftuin):
    """The casussen of the proeftuin this member sees in lists: drafts only their own (all for
    the facilitator); never deleted ones."""
    queryset = Casus.objects.zichtbaar().filter(proeftuin=proeftuin)
    if not is_moderator(request):
        queryset = queryset.filter(~Q(status=Casus.Status.CONCEPT) | Q(auteur=request.user))
    return queryset
