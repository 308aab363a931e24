"""What the verankering phase normally produces, for the phase checklist (gemeenten.checklist).
Filled in by the oogst parts as they land, each in its own functions."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from gemeenten import checklist
from gemeenten.models import Fase
from verbeteracties.models import Status

from .models import Borging, Les, Vervolgafspraak

# --- inhoud: lessen, borging, vervolgafspraken -----------------------------------------------


# Only the columns the checks read: the cockpit loads them for every proeftuin (issue 9).
def _lessen_prefetch():
    return Prefetch("lessen", queryset=Les.objects.only("proeftuin", "gemeente"))


def _vervolg_prefetch():
    return Prefetch(
        "vervolgafspraken", queryset=Vervolgafspraak.objects.only("proeftuin", "gemeente")
    )


def _borging_prefetch():
    # Nested below the verbeteracties' own prefetch (verbeteracties.checks, registered first).
    return Prefetch(
        "verbeteracties__borging",
        queryset=Borging.objects.only("verbeteractie", "gemeente", "stand"),
    )


def _oogst_link(proeftuin, anchor):
    url = checklist.gemeente_url(proeftuin, "oogst:overzicht")
    return f"{url}?proeftuin={proeftuin.pk}#{anchor}" if url else ""


@checklist.register(Fase.VERANKERING, prefetch=[_lessen_prefetch])
def lessen_vastgelegd(proeftuin):
    return [
        checklist.Item(
            _("Lessons learnt recorded"),
            done=bool(proeftuin.lessen.all()),
            hint=_("Record what the partners learnt, with the success factors it is about."),
            link=_oogst_link(proeftuin, "lessen"),
        )
    ]


def _heeft_borging(actie):
    try:
        return actie.borging is not None
    except Borging.DoesNotExist:
        return False


@checklist.register(Fase.VERANKERING, prefetch=[_borging_prefetch])
def borging_vastgelegd(proeftuin):
    klaar = [
        a
        for a in proeftuin.verbeteracties.all()
        if a.deleted_at is None and a.status in (Status.AFGEROND, Status.GEBORGD)
    ]
    zonder = [a for a in klaar if not _heeft_borging(a)]
    hint = (
        ngettext(
            "%(n)s completed action has no embedding recorded yet.",
            "%(n)s completed actions have no embedding recorded yet.",
            len(zonder),
        )
        % {"n": len(zonder)}
        if zonder
        else ""
    )
    return [
        checklist.Item(
            _("Embedding of every completed improvement action recorded"),
            done=bool(klaar) and not zonder,
            hint=hint or _("Complete the improvement actions, then record how each lives on."),
            link=_oogst_link(proeftuin, "borging"),
        )
    ]


@checklist.register(Fase.VERANKERING, prefetch=[_vervolg_prefetch])
def vervolgafspraken_gemaakt(proeftuin):
    return [
        checklist.Item(
            _("Follow-up agreements made"),
            done=bool(proeftuin.vervolgafspraken.all()),
            hint=_(
                "Agree how the partners stay a learning network, what bestuurders do and how "
                "work processes stay aligned."
            ),
            link=_oogst_link(proeftuin, "vervolg"),
        )
    ]
