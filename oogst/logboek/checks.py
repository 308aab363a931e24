"""The verankering checklist item of the Logboek Oogst: a version published as definitief.

Read as an annotation on the proeftuin (checklist.annotated), like the other oogst items: the
dashboard and the cockpit are at their query budget (issue 9) and pay no query for it."""

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from gemeenten import checklist
from gemeenten.models import Fase

from .models import LogboekVersie


def _has_definitief():
    return Exists(LogboekVersie.objects.filter(proeftuin=OuterRef("pk"), definitief=True))


def has_definitief(proeftuin) -> bool:
    return checklist.annotation(
        proeftuin,
        "oogst_logboek_definitief",
        lambda: LogboekVersie.objects.filter(proeftuin=proeftuin, definitief=True).exists(),
    )


@checklist.register(Fase.VERANKERING, annotate={"oogst_logboek_definitief": _has_definitief})
def logboek_published(proeftuin):
    return [
        checklist.Item(
            _("Logboek Oogst published"),
            done=has_definitief(proeftuin),
            hint=_("Make a concept of the Logboek Oogst and publish it as final."),
            link=checklist.gemeente_url(proeftuin, "oogst:logboek"),
        )
    ]
