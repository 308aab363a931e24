"""factory_boy factories of the oogst app (the isolation and bad-input harnesses find them)."""

import factory

from oogst.inhoud.models import Borging, Les, LesSuccesfactor, Oogst, Verhaal, Vervolgafspraak
from oogst.logboek.models import LogboekVersie
from oogst.netwerk.models import Netwerkantwoord, Netwerkpeiling
from tests.casussen.factories import SuccesfactorFactory
from tests.factories import (
    GemeenteFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    ProeftuinFactory,
)
from tests.verbeteracties.factories import VerbeteractieFactory

SAME_GEMEENTE = factory.SelfAttribute("..gemeente")


class OogstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Oogst

    gemeente = factory.SubFactory(GemeenteFactory)
    proeftuin = factory.SubFactory(ProeftuinFactory, gemeente=SAME_GEMEENTE)
    voorwoord = "Een jaar samen leren in de proeftuin."


class LesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Les

    gemeente = factory.SubFactory(GemeenteFactory)
    proeftuin = factory.SubFactory(ProeftuinFactory, gemeente=SAME_GEMEENTE)
    titel = factory.Sequence(lambda n: f"Les {n}")
    tekst = "Elkaar kennen begint met een kop koffie in de wijk."


class LesSuccesfactorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LesSuccesfactor

    gemeente = factory.SubFactory(GemeenteFactory)
    les = factory.SubFactory(LesFactory, gemeente=SAME_GEMEENTE)
    succesfactor = factory.SubFactory(SuccesfactorFactory, gemeente=SAME_GEMEENTE)


class VerhaalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verhaal

    gemeente = factory.SubFactory(GemeenteFactory)
    proeftuin = factory.SubFactory(ProeftuinFactory, gemeente=SAME_GEMEENTE)
    soort = "citaat"
    tekst = "Ik weet nu wie ik kan bellen."
    wie = "wijkverpleegkundige"
    toestemming = True
    toestemming_hoe = "per e-mail"


class BorgingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Borging

    gemeente = factory.SubFactory(GemeenteFactory)
    verbeteractie = factory.SubFactory(VerbeteractieFactory, gemeente=SAME_GEMEENTE)
    stand = "geborgd"
    werkproces = "het zesweekse MDO"


class VervolgafspraakFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vervolgafspraak

    gemeente = factory.SubFactory(GemeenteFactory)
    proeftuin = factory.SubFactory(ProeftuinFactory, gemeente=SAME_GEMEENTE)
    soort = "lerend_netwerk"
    wat = "Zesweeks overleg blijft"
    wie = "de kerngroep"
    ritme = "elke zes weken"


class NetwerkpeilingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Netwerkpeiling

    gemeente = factory.SubFactory(GemeenteFactory)
    proeftuin = factory.SubFactory(ProeftuinFactory, gemeente=SAME_GEMEENTE)
    moment = "start"
    respondent = factory.SubFactory(LidmaatschapFactory, gemeente=SAME_GEMEENTE)


class NetwerkantwoordFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Netwerkantwoord

    gemeente = factory.SubFactory(GemeenteFactory)
    peiling = factory.SubFactory(NetwerkpeilingFactory, gemeente=SAME_GEMEENTE)
    organisatie = factory.SubFactory(OrganisatieFactory, gemeente=SAME_GEMEENTE)
    niveau = 2


class LogboekVersieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LogboekVersie

    gemeente = factory.SubFactory(GemeenteFactory)
    proeftuin = factory.SubFactory(ProeftuinFactory, gemeente=SAME_GEMEENTE)
    nummer = factory.Sequence(lambda n: n + 1)
    status = "klaar"
