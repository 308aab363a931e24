"""The verankering checklist item of the netwerkpeiling (registered from oogst.apps)."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from gemeenten import checklist
from gemeenten.models import Fase

from .models import Netwerkpeiling, PeilMoment
from .netwerk import MIN_RESPONDENTEN


# Only the columns the check reads: the cockpit loads them for every proeftuin.
def _peilingen_prefetch():
    return Prefetch(
        "netwerkpeilingen", queryset=Netwerkpeiling.objects.only("proeftuin", "gemeente", "moment")
    )


@checklist.register(Fase.VERANKERING, prefetch=[_peilingen_prefetch])
def netwerkpeiling_oogst(proeftuin):
    n = sum(1 for p in proeftuin.netwerkpeilingen.all() if p.moment == PeilMoment.OOGST)
    hint = ngettext(
        "%(n)s participant has answered; the picture is reliable from %(min)s answers.",
        "%(n)s participants have answered; the picture is reliable from %(min)s answers.",
        n,
    ) % {"n": n, "min": MIN_RESPONDENTEN}
    return [
        checklist.Item(
            _("Network survey at the harvest filled in"),
            done=n >= MIN_RESPONDENTEN,
            hint=hint,
            link=checklist.gemeente_url(proeftuin, "oogst:netwerk"),
        )
    ]
