"""The verankering checklist items of the inhoud (gemeenten.checklist): lessen recorded, the
borging of every completed verbeteractie, vervolgafspraken made. Registered from oogst.apps,
in the order the checklist shows the oogst's items."""

from django.db.models import Count, Exists, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from gemeenten import checklist
from gemeenten.models import Fase
from verbeteracties.models import Status, Verbeteractie

from .models import Les, Vervolgafspraak

# --- inhoud: lessen, borging, vervolgafspraken -----------------------------------------------
# Read as annotations on the proeftuin (checklist.annotated): the dashboard and the cockpit are
# at their query budget (issue 9), and a yes/no or a count per proeftuin needs no rows.

DONE = (Status.AFGEROND, Status.GEBORGD)


def _has_lessen():
    return Exists(Les.objects.filter(proeftuin=OuterRef("pk")))


def _has_vervolgafspraken():
    return Exists(Vervolgafspraak.objects.filter(proeftuin=OuterRef("pk")))


def _acties_done():
    return Verbeteractie.objects.levend().filter(proeftuin=OuterRef("pk"), status__in=DONE)


def _count(queryset):
    per_proeftuin = queryset.order_by().values("proeftuin").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(per_proeftuin, output_field=IntegerField()), Value(0))


def _count_done():
    return _count(_acties_done())


def _count_without_borging():
    return _count(_acties_done().filter(borging__isnull=True))


def _oogst_link(proeftuin, anchor):
    url = checklist.gemeente_url(proeftuin, "oogst:overzicht")
    return f"{url}?proeftuin={proeftuin.pk}#{anchor}" if url else ""


@checklist.register(Fase.VERANKERING, annotate={"oogst_heeft_lessen": _has_lessen})
def lessen_recorded(proeftuin):
    done = checklist.annotation(
        proeftuin,
        "oogst_heeft_lessen",
        lambda: Les.objects.filter(proeftuin=proeftuin).exists(),
    )
    return [
        checklist.Item(
            _("Lessons learnt recorded"),
            done=done,
            hint=_("Record what the partners learnt, with the success factors it is about."),
            link=_oogst_link(proeftuin, "lessen"),
        )
    ]


@checklist.register(
    Fase.VERANKERING,
    annotate={
        "oogst_acties_klaar": _count_done,
        "oogst_acties_zonder_borging": _count_without_borging,
    },
)
def borging_recorded(proeftuin):
    acties = Verbeteractie.objects.levend().filter(proeftuin=proeftuin, status__in=DONE)
    completed = checklist.annotation(proeftuin, "oogst_acties_klaar", acties.count)
    missing = checklist.annotation(
        proeftuin,
        "oogst_acties_zonder_borging",
        lambda: acties.filter(borging__isnull=True).count(),
    )
    if missing:
        hint = ngettext(
            "%(n)s completed action has no embedding recorded yet.",
            "%(n)s completed actions have no embedding recorded yet.",
            missing,
        ) % {"n": missing}
    else:
        hint = _("Complete the improvement actions, then record how each lives on.")
    return [
        checklist.Item(
            _("Embedding of every completed improvement action recorded"),
            done=bool(completed) and not missing,
            hint=hint,
            link=_oogst_link(proeftuin, "borging"),
        )
    ]


@checklist.register(Fase.VERANKERING, annotate={"oogst_heeft_vervolg": _has_vervolgafspraken})
def vervolgafspraken_made(proeftuin):
    done = checklist.annotation(
        proeftuin,
        "oogst_heeft_vervolg",
        lambda: Vervolgafspraak.objects.filter(proeftuin=proeftuin).exists(),
    )
    return [
        checklist.Item(
            _("Follow-up agreements made"),
            done=done,
            hint=_(
                "Agree how the partners stay a learning network, what bestuurders do and how "
                "work processes stay aligned."
            ),
            link=_oogst_link(proeftuin, "vervolg"),
        )
    ]
