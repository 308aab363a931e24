"""Fictional demo of the Kennisbank: one or two entries published from the demo data of the
Oude IJsselstreek proeftuin. Called from ``demo.loader.load_demo()``; idempotent."""

from gemeenten.models import Proeftuin
from kern.models import User
from kern.tenancy import gemeente_scope
from oogst.inhoud.models import Les
from verbeteracties.models import Verbeteractie

from . import screening, services
from .models import KennisbankItem

SLUG = "oude-ijsselstreek"
PUBLICEER_ACTIE = "Huisarts verwijst naar geestelijk verzorger"


def load_oogst_kennisbank_demo(gemeenten):
    gemeente = gemeenten.get(SLUG)
    if gemeente is None:
        return
    with gemeente_scope(gemeente):
        proeftuin = Proeftuin.objects.order_by("-start").first()
        if proeftuin is None:
            return
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
        concepten.append(services.concept_uit_actie(actie))
    les = (
        Les.objects.filter(proeftuin=proeftuin)
        .select_related("proeftuin__gemeente", "verbeteractie")
        .first()
    )
    if les is not None:
        concepten.append(services.concept_uit_les(les))
    if not concepten:
        return
    namen = screening.namen_van_mensen()
    for concept in concepten:
        if KennisbankItem.objects.filter(titel=concept["titel"], bron=concept["bron"]).exists():
            continue
        data = {
            veld: screening.vervang_alles(concept[veld], namen) for veld in screening.TEKSTVELDEN
        }
        services.publiceer(
            soort=concept["soort"],
            data={**data, "bron": concept["bron"]},
            succesfactoren=concept["succesfactoren"],
            knelpunt_categorieen=concept["knelpunt_categorieen"],
            by=facilitator,
        )
