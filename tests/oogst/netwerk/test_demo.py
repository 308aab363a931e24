"""The demo's netwerkpeilingen and Kennisbank entry, and the generator of netwerkpeilingen."""

import random

import pytest

from demo.generator import SCALES, Context
from demo.loader import load_demo
from gemeenten import generator as gemeenten_generator
from gemeenten.models import Gemeente, Proeftuin
from kern.tenancy import gemeente_scope
from oogst.kennisbank.models import KennisbankItem
from oogst.netwerk import comparison, generator
from oogst.netwerk.models import Netwerkantwoord, Netwerkpeiling
from tests.factories import UserFactory
from tests.scopes import every_gemeente

# The whole demo, loaded twice: make test runs it.
pytestmark = pytest.mark.slow


def test_the_demo_network_is_denser_at_the_oogst_and_loads_twice_the_same(db):
    load_demo()
    load_demo()  # idempotent
    gemeente = Gemeente.objects.get(slug="oude-ijsselstreek")
    with gemeente_scope(gemeente):
        proeftuin = Proeftuin.objects.get()
        v = comparison.compare(proeftuin)
        assert Netwerkpeiling.objects.count() == 4
    assert v.start.respondenten == v.oogst.respondenten == 2
    assert v.start.dichtheid_procent == 20
    assert v.oogst.dichtheid_procent == 60
    assert [(a.naam, b.naam) for a, b in v.nieuwe_banden_zorg_sociaal] == [
        ("Huisartsenpraktijk De Linde", "Welzijn De Brug")
    ]
    # The demo action and the first les of the oogst demo, each published once.
    items = list(KennisbankItem.objects.all())
    assert sorted(i.soort for i in items) == ["les", "verbeteractie"]
    actie = next(i for i in items if i.soort == "verbeteractie")
    assert actie.titel == "Huisarts verwijst naar geestelijk verzorger"
    assert all(i.bron.startswith("Proeftuin Oude IJsselstreek") for i in items)
    assert all(i.gepubliceerd_door.email == "facilitator@demo.nl" for i in items)
    with every_gemeente():
        assert not Netwerkpeiling.objects.exclude(gemeente=gemeente).exists()


def test_the_generator_answers_for_a_share_of_the_members_at_both_moments(db):
    with every_gemeente():
        gemeente = Gemeente.objects.create(naam="Gen", slug="gen-netwerk")
        ctx = Context(
            SCALES["demo"], random.Random(7), gemeente, 1, "!", UserFactory(email="f@gen.bench")
        )
    with gemeente_scope(gemeente):
        gemeenten_generator.generate(ctx)
        generator.generate(ctx)
        peilingen = ctx.made["netwerkpeilingen"]
        met_organisatie = [lid for lid in ctx.made["leden"] if lid.organisatie_id]
        per_moment = {m: sum(p.moment == m for p in peilingen) for m in ("start", "oogst")}
        assert 0 < per_moment["start"] <= len(met_organisatie)
        assert 0 < per_moment["oogst"] <= len(met_organisatie)
        partners = len(ctx.made["organisaties"])
        assert Netwerkantwoord.objects.count() == len(peilingen) * (partners - 1)
        v = comparison.compare(ctx.made["proeftuin"])
        assert v.oogst.dichtheid > v.start.dichtheid
