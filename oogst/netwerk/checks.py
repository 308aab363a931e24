"""The verankering checklist item of the netwerkpeiling (registered from oogst.apps).

Read as an annotation on the proeftuin (checklist.annotated), like the inhoud items in
oogst.inhoud.checks: the dashboard and the cockpit are at their query budget (issue 9)."""

from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from gemeenten import checklist
from gemeenten.models import Fase

from .comparison import MIN_RESPONDENTS
from .models import Netwerkpeiling, PeilMoment


def _peilingen_at_oogst():
    return Netwerkpeiling.objects.filter(proeftuin=OuterRef("pk"), moment=PeilMoment.OOGST)


def _count_at_oogst():
    per_proeftuin = (
        _peilingen_at_oogst().order_by().values("proeftuin").annotate(n=Count("pk")).values("n")
    )
    return Coalesce(Subquery(per_proeftuin, output_field=IntegerField()), Value(0))


@checklist.register(Fase.VERANKERING, annotate={"oogst_peilingen_bij_oogst": _count_at_oogst})
def netwerkpeiling_at_oogst(proeftuin):
    n = checklist.annotation(
        proeftuin,
        "oogst_peilingen_bij_oogst",
        lambda: Netwerkpeiling.objects.filter(proeftuin=proeftuin, moment=PeilMoment.OOGST).count(),
    )
    hint = ngettext(
        "%(n)s participant has answered; the picture is reliable from %(min)s answers.",
        "%(n)s participants have answered; the picture is reliable from %(min)s answers.",
        n,
    ) % {"n": n, "min": MIN_RESPONDENTS}
    return [
        checklist.Item(
            _("Network survey at the harvest filled in"),
            done=n >= MIN_RESPONDENTS,
            hint=hint,
            link=checklist.gemeente_url(proeftuin, "oogst:netwerk"),
        )
    ]
