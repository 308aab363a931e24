"""Fictional demo of the netwerkpeiling: in the Oude IJsselstreek proeftuin the demo members
answer at the start and at the oogst (the network is visibly denser at the oogst). Called from
``demo.loader.load_demo()``; idempotent."""

from gemeenten.models import Lidmaatschap, Organisatie, Proeftuin
from kern.tenancy import gemeente_scope

from .models import PeilMoment
from .services import save_peiling

SLUG = "oude-ijsselstreek"
LINDE = "Huisartsenpraktijk De Linde"
THUISZORG = "Thuiszorg Achter de IJssel"
WMO = "Wmo-team Oude IJsselstreek"
BRUG = "Welzijn De Brug"
ZINGEVING = "Netwerk Zingeving Achterhoek"
MANTELZORG = "Steunpunt Mantelzorg De Schakel"

# Only the demo members who work for a partner answer (the facilitator has no organisation).
# e-mail -> moment -> {organisation: level 0..3}
ANSWERS = {
    "huisarts@oude-ijsselstreek.demo.nl": {
        PeilMoment.START: {THUISZORG: 3, WMO: 1, BRUG: 0, ZINGEVING: 1, MANTELZORG: 0},
        PeilMoment.OOGST: {THUISZORG: 3, WMO: 3, BRUG: 3, ZINGEVING: 3, MANTELZORG: 2},
    },
    "beleid@oude-ijsselstreek.demo.nl": {
        PeilMoment.START: {LINDE: 1, THUISZORG: 2, BRUG: 2, ZINGEVING: 0, MANTELZORG: 1},
        PeilMoment.OOGST: {LINDE: 3, THUISZORG: 3, BRUG: 3, ZINGEVING: 2, MANTELZORG: 3},
    },
}


def load_netwerk_demo(gemeenten):
    gemeente = gemeenten.get(SLUG)
    if gemeente is None:
        return
    with gemeente_scope(gemeente):
        proeftuin = Proeftuin.objects.order_by("-start").first()
        if proeftuin is None:
            return
        organisaties = {o.naam: o.pk for o in Organisatie.objects.all()}
        for email, per_moment in ANSWERS.items():
            lid = Lidmaatschap.objects.filter(user__email=email).first()
            if lid is None or lid.organisatie_id is None:
                continue
            for moment, levels in per_moment.items():
                save_peiling(
                    proeftuin=proeftuin,
                    moment=moment,
                    lidmaatschap=lid,
                    answers={
                        organisaties[name]: level
                        for name, level in levels.items()
                        if name in organisaties
                    },
                )
