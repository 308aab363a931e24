"""factory_boy factories of the verbeteracties app."""

import datetime
from decimal import Decimal

import factory

from tests.casussen.factories import CasusFactory, InzichtFactory, SuccesfactorFactory
from tests.factories import (
    GemeenteFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    ProeftuinFactory,
)
from verbeteracties.models import (
    ActieCasus,
    ActieInzicht,
    ActieOrganisatie,
    ActieSuccesfactor,
    Indicator,
    Meting,
    Verbeteractie,
    Voortgang,
)

SAME_GEMEENTE = factory.SelfAttribute("..gemeente")


class VerbeteractieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verbeteractie

    gemeente = factory.SubFactory(GemeenteFactory)
    proeftuin = factory.SubFactory(ProeftuinFactory, gemeente=SAME_GEMEENTE)
    titel = factory.Sequence(lambda n: f"Verbeteractie {n}")
    start = datetime.date(2026, 5, 1)
    eind = datetime.date(2026, 10, 31)
    status = "loopt"


class ActieSuccesfactorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActieSuccesfactor

    gemeente = factory.SubFactory(GemeenteFactory)
    actie = factory.SubFactory(VerbeteractieFactory, gemeente=SAME_GEMEENTE)
    succesfactor = factory.SubFactory(SuccesfactorFactory, gemeente=SAME_GEMEENTE)


class ActieOrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActieOrganisatie

    gemeente = factory.SubFactory(GemeenteFactory)
    actie = factory.SubFactory(VerbeteractieFactory, gemeente=SAME_GEMEENTE)
    organisatie = factory.SubFactory(OrganisatieFactory, gemeente=SAME_GEMEENTE)
    rol = "betrokken"


class VoortgangFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Voortgang

    gemeente = factory.SubFactory(GemeenteFactory)
    actie = factory.SubFactory(VerbeteractieFactory, gemeente=SAME_GEMEENTE)
    datum = datetime.date(2026, 6, 1)
    licht = "op_koers"
    tekst = "Eerste overleg gehouden."


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    gemeente = factory.SubFactory(GemeenteFactory)
    actie = factory.SubFactory(VerbeteractieFactory, gemeente=SAME_GEMEENTE)
    naam = factory.Sequence(lambda n: f"Indicator {n}")
    eenheid = "casussen"
    nulmeting = Decimal("2")
    streefwaarde = Decimal("8")


class MetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meting

    gemeente = factory.SubFactory(GemeenteFactory)
    indicator = factory.SubFactory(IndicatorFactory, gemeente=SAME_GEMEENTE)
    datum = factory.Sequence(lambda n: datetime.date(2026, 5, 1) + datetime.timedelta(days=n % 180))
    waarde = Decimal("4")


__all__ = [
    "ActieCasusFactory",
    "ActieInzichtFactory",
    "ActieOrganisatieFactory",
    "ActieSuccesfactorFactory",
    "IndicatorFactory",
    "LidmaatschapFactory",
    "MetingFactory",
    "VerbeteractieFactory",
    "VoortgangFactory",
]


class ActieCasusFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActieCasus

    gemeente = factory.SubFactory(GemeenteFactory)
    actie = factory.SubFactory(VerbeteractieFactory, gemeente=SAME_GEMEENTE)
    casus = factory.SubFactory(CasusFactory, gemeente=SAME_GEMEENTE)


class ActieInzichtFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActieInzicht

    gemeente = factory.SubFactory(GemeenteFactory)
    actie = factory.SubFactory(VerbeteractieFactory, gemeente=SAME_GEMEENTE)
    inzicht = factory.SubFactory(InzichtFactory, gemeente=SAME_GEMEENTE)
