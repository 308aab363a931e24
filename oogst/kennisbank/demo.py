"""Fictional demo of the Kennisbank: one or two entries published from the demo data of the
Oude IJsselstreek proeftuin. Called from ``demo.loader.load_demo()``; idempotent."""

from casussen import gate
from gemeenten.models import Proeftuin
from kern.models import User
from kern.tenancy import gemeente_scope
from oogst.inhoud.models import Les
from verbeteracties.models import Verbeteractie

from . import screening, services
from .models import KennisbankItem

SLUG = "oude-ijsselstreek"
ACTIE_TO_PUBLISH = "Huisarts verwijst naar geestelijk verzorger"


def load_kennisbank_demo(gemeenten):
    gemeente = gemeenten.get(SLUG)
    if gemeente is None:
        return
    with gemeente_scope(gemeente):
        proeftuin = Proeftuin.objects.order_by("-start").first()
        if proeftuin is None:
            return
        _publish_examples(proeftuin)


def _publish_examples(proeftuin):
    facilitator = User.objects.filter(email="facilitator@demo.nl").first()
    drafts = []
    actie = (
        Verbeteractie.objects.levend()
        .filter(proeftuin=proeftuin, titel=ACTIE_TO_PUBLISH)
        .select_related("proeftuin__gemeente")
        .first()
    )
    if actie is not None:
        drafts.append(services.draft_from_actie(actie))
    les = (
        Les.objects.filter(proeftuin=proeftuin)
        .select_related("proeftuin__gemeente", "verbeteractie")
        .first()
    )
    if les is not None:
        drafts.append(services.draft_from_les(les))
    if not drafts:
        return
    names = screening.names_of_people()
    for draft in drafts:
        if KennisbankItem.objects.filter(titel=draft["titel"], bron=draft["bron"]).exists():
            continue
        data = {
            field: gate.replace_all(draft[field], names=names) for field in screening.TEXT_FIELDS
        }
        services.publish(
            soort=draft["soort"],
            data={**data, "bron": draft["bron"]},
            succesfactoren=draft["succesfactoren"],
            knelpunt_categorieen=draft["knelpunt_categorieen"],
            by=facilitator,
        )
