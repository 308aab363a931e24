"""Fictional demo of the netwerkpeiling and the Kennisbank: in the Oude IJsselstreek proeftuin
the demo members answer at the start and at the oogst (the network is visibly denser at the
oogst), and one or two entries are published from its demo data. Called from
``demo.loader.load_demo()``; idempotent."""

from gemeenten.models import Lidmaatschap, Organisatie, Proeftuin
from kern.models import User
from kern.tenancy import gemeente_scope
from verbeteracties.models import Verbeteractie

from . import kennisbank
from .models import KennisbankItem, Les, PeilMoment
from .netwerk import peiling_opslaan

SLUG = "oude-ijsselstreek"
LINDE = "Huisartsenpraktijk De Linde"
THUISZORG = "Thuiszorg Achter de IJssel"
WMO = "Wmo-team Oude IJsselstreek"
BRUG = "Welzijn De Brug"
ZINGEVING = "Netwerk Zingeving Achterhoek"
MANTELZORG = "Steunpunt Mantelzorg De Schakel"

# Only the demo members who work for a partner answer (the facilitator has no organisation).
# e-mail -> moment -> {organisation: level 0..3}
ANTWOORDEN = {
    "huisarts@oude-ijsselstreek.demo.nl": {
        PeilMoment.START: {THUISZORG: 3, WMO: 1, BRUG: 0, ZINGEVING: 1, MANTELZORG: 0},
        PeilMoment.OOGST: {THUISZORG: 3, WMO: 3, BRUG: 3, ZINGEVING: 3, MANTELZORG: 2},
    },
    "beleid@oude-ijsselstreek.demo.nl": {
        PeilMoment.START: {LINDE: 1, THUISZORG: 2, BRUG: 2, ZINGEVING: 0, MANTELZORG: 1},
        PeilMoment.OOGST: {LINDE: 3, THUISZORG: 3, BRUG: 3, ZINGEVING: 2, MANTELZORG: 3},
    },
}

PUBLICEER_ACTIE = "Huisarts verwijst naar geestelijk verzorger"


def load_oogst_netwerk_demo(gemeenten):
    gemeente = gemeenten.get(SLUG)
    if gemeente is None:
        return
    with gemeente_scope(gemeente):
        proeftuin = Proeftuin.objects.order_by("-start").first()
        if proeftuin is None:
            return
        organisaties = {o.naam: o.pk for o in Organisatie.objects.all()}
        for email, per_moment in ANTWOORDEN.items():
            lid = Lidmaatschap.objects.filter(user__email=email).first()
            if lid is None or lid.organisatie_id is None:
                continue
            for moment, antwoorden in per_moment.items():
                peiling_opslaan(
                    proeftuin=proeftuin,
                    moment=moment,
                    lidmaatschap=lid,
                    antwoorden={
                        organisaties[naam]: niveau
                        for naam, niveau in antwoorden.items()
                        if naam in organisaties
                    },
                )
        _kennisbank(proeftuin)


def _kennisbank(proeftuin):
    facilitator = User.objects.filter(email="facilitator@demo.nl").first()
    concepten = []
    actie = (
        Verbeteractie.objects.levend()
        .filter(proeftuin=proeftuin, titel=PUBLICEER_ACTIE)
        .select_related("proeftuin__gemeente")
        .first()
    )
    if actie is not None:
        concepten.append(kennisbank.concept_uit_actie(actie))
    les = (
        Les.objects.filter(proeftuin=proeftuin)
        .select_related("proeftuin__gemeente", "verbeteractie")
        .first()
    )
    if les is not None:
        concepten.append(kennisbank.concept_uit_les(les))
    if not concepten:
        return
    namen = kennisbank.namen_van_mensen()
    for concept in concepten:
        if KennisbankItem.objects.filter(titel=concept["titel"], bron=concept["bron"]).exists():
            continue
        data = {
            veld: kennisbank.vervang_alles(concept[veld], namen) for veld in kennisbank.TEKSTVELDEN
        }
        kennisbank.publiceer(
            soort=concept["soort"],
            data={**data, "bron": concept["bron"]},
            succesfactoren=concept["succesfactoren"],
            knelpunt_categorieen=concept["knelpunt_categorieen"],
            by=facilitator,
        )
