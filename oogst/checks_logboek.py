"""The verankering checklist item of the Logboek Oogst: a version published as definitief."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from gemeenten import checklist
from gemeenten.models import Fase

from .models import LogboekVersie


def _definitief_prefetch():
    return Prefetch(
        "logboekversies",
        queryset=LogboekVersie.objects.filter(definitief=True).only(
            "proeftuin", "gemeente", "definitief"
        ),
        to_attr="logboek_definitief",
    )


@checklist.register(Fase.VERANKERING, prefetch=[_definitief_prefetch])
def logboek_gepubliceerd(proeftuin):
    definitief = getattr(proeftuin, "logboek_definitief", None)
    if definitief is None:
        definitief = list(LogboekVersie.objects.filter(proeftuin=proeftuin, definitief=True))
    return [
        checklist.Item(
            _("Logboek Oogst published"),
            done=bool(definitief),
            hint=_("Make a concept of the Logboek Oogst and publish it as final."),
            link=checklist.gemeente_url(proeftuin, "oogst:logboek"),
        )
    ]
