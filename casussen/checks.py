"""What the inventarisatie normally produces, for the phase checklist (registered in ready())."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from gemeenten import checklist
from gemeenten.checklist import Item
from gemeenten.models import Fase

from .models import Casus, Inzicht


# Only the columns the checks read: the cockpit loads them for every proeftuin (issue 9).
def CASUSSEN():  # noqa: N802 - a prefetch lookup, named like the others
    return Prefetch(
        "casussen", queryset=Casus.objects.only("proeftuin", "gemeente", "status", "deleted_at")
    )


def INZICHTEN():  # noqa: N802
    return Prefetch(
        "casussen__inzichten", queryset=Inzicht.objects.only("casus", "gemeente", "deleted_at")
    )


GENOEG_CASUSSEN = 3


def _zichtbaar(proeftuin):
    return [c for c in proeftuin.casussen.all() if c.deleted_at is None]


@checklist.register(Fase.INVENTARISATIE, prefetch=[CASUSSEN])
def casussen_ingediend(proeftuin):
    ingediend = [c for c in _zichtbaar(proeftuin) if c.status != Casus.Status.CONCEPT]
    return [
        Item(
            _("Casussen brought in"),
            done=len(ingediend) >= GENOEG_CASUSSEN,
            hint=ngettext(
                "%(n)s casus submitted; aim for at least %(genoeg)s.",
                "%(n)s casussen submitted; aim for at least %(genoeg)s.",
                len(ingediend),
            )
            % {"n": len(ingediend), "genoeg": GENOEG_CASUSSEN},
            link=checklist.gemeente_url(proeftuin, "casussen:list"),
        )
    ]


@checklist.register(Fase.INVENTARISATIE, prefetch=[CASUSSEN])
def casussen_besproken(proeftuin):
    besproken = [
        c
        for c in _zichtbaar(proeftuin)
        if c.status in (Casus.Status.BESPROKEN, Casus.Status.GEARCHIVEERD)
    ]
    return [
        Item(
            _("Casussen discussed"),
            done=bool(besproken),
            hint=_("Mark a casus as discussed after the meeting."),
            link=checklist.gemeente_url(proeftuin, "casussen:list"),
        )
    ]


@checklist.register(Fase.INVENTARISATIE, prefetch=[CASUSSEN, INZICHTEN])
def inzichten_vastgelegd(proeftuin):
    aantal = sum(
        1
        for c in _zichtbaar(proeftuin)
        for inzicht in c.inzichten.all()
        if inzicht.deleted_at is None
    )
    return [
        Item(
            _("Insights recorded"),
            done=aantal > 0,
            hint=_("Record what the discussion of each casus taught, tagged with success factors."),
            link=checklist.gemeente_url(proeftuin, "casussen:overzicht"),
        )
    ]
