"""factory_boy factories of the casussen app."""

import factory

from casussen.models import (
    Casus,
    GemarkeerdeVondst,
    Inzicht,
    InzichtKnelpunt,
    InzichtSuccesfactor,
    Knelpunt,
    KnelpuntCategorie,
    Succesfactor,
)
from tests.factories import GemeenteFactory, ProeftuinFactory, UserFactory


class SuccesfactorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Succesfactor

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Succesfactor {n}")


class CasusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Casus

    gemeente = factory.SubFactory(GemeenteFactory)
    proeftuin = factory.SubFactory(ProeftuinFactory, gemeente=factory.SelfAttribute("..gemeente"))
    auteur = factory.SubFactory(UserFactory)
    titel = factory.Sequence(lambda n: f"Mevrouw met hartfalen die thuis wilde sterven {n}")
    verloop = "De huisarts en de wijkverpleegkundige zagen haar wekelijks."
    wat_hielp = "Een vast aanspreekpunt voor de familie."


class KnelpuntFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Knelpunt

    gemeente = factory.SubFactory(GemeenteFactory)
    casus = factory.SubFactory(CasusFactory, gemeente=factory.SelfAttribute("..gemeente"))
    categorie = KnelpuntCategorie.INFORMATIE_UITWISSELING
    toelichting = "De overdracht van het ziekenhuis kwam te laat."


class InzichtFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inzicht

    gemeente = factory.SubFactory(GemeenteFactory)
    casus = factory.SubFactory(CasusFactory, gemeente=factory.SelfAttribute("..gemeente"))
    titel = factory.Sequence(lambda n: f"Eerder de geestelijk verzorger inschakelen {n}")
    knelpunt_categorieen = factory.LazyFunction(lambda: [KnelpuntCategorie.ELKAAR_NIET_KENNEN])


class InzichtSuccesfactorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InzichtSuccesfactor

    gemeente = factory.SubFactory(GemeenteFactory)
    inzicht = factory.SubFactory(InzichtFactory, gemeente=factory.SelfAttribute("..gemeente"))
    succesfactor = factory.SubFactory(
        SuccesfactorFactory, gemeente=factory.SelfAttribute("..gemeente")
    )


class InzichtKnelpuntFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InzichtKnelpunt

    gemeente = factory.SubFactory(GemeenteFactory)
    inzicht = factory.SubFactory(InzichtFactory, gemeente=factory.SelfAttribute("..gemeente"))
    knelpunt = factory.SubFactory(
        KnelpuntFactory,
        casus=factory.SelfAttribute("..inzicht.casus"),
        gemeente=factory.SelfAttribute("..gemeente"),
    )


class GemarkeerdeVondstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GemarkeerdeVondst

    gemeente = factory.SubFactory(GemeenteFactory)
    obj = factory.SubFactory(CasusFactory, gemeente=factory.SelfAttribute("..gemeente"))
    soort = "datum"
    vondst_hash = factory.Sequence(lambda n: f"{n:064x}")
    reden = "Dit is de datum van de bijeenkomst, niet van de persoon."
