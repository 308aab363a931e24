"""What the bijeenkomsten app tells the phase checklist: meetings that should have been held."""

from django.utils import timezone
from django.utils.translation import gettext as _

from gemeenten import checklist
from gemeenten.checklist import Item
from gemeenten.models import Fase

from .models import Soort


def _gehouden(proeftuin, soort):
    now = timezone.now()
    return [
        b
        for b in proeftuin.bijeenkomsten.all()
        if b.soort == soort and b.geannuleerd_at is None and b.eind <= now
    ]


@checklist.register(Fase.STARTBIJEENKOMST, prefetch=["bijeenkomsten"])
def startbijeenkomst_gehouden(proeftuin):
    return [
        Item(
            _("Kick-off meeting held"),
            done=bool(_gehouden(proeftuin, Soort.STARTBIJEENKOMST)),
            hint=_("Plan the kick-off meeting with executives, managers and professionals."),
            link=checklist.gemeente_url(proeftuin, "bijeenkomsten:list"),
        )
    ]


@checklist.register(Fase.INVENTARISATIE, prefetch=["bijeenkomsten"])
def twee_inventarisaties(proeftuin):
    held = len(_gehouden(proeftuin, Soort.INVENTARISATIE))
    return [
        Item(
            _("Two inventory meetings held"),
            done=held >= 2,
            hint=_("%(n)d of 2 held.") % {"n": held},
            link=checklist.gemeente_url(proeftuin, "bijeenkomsten:list"),
        )
    ]
