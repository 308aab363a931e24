"""factory_boy factories of the bijeenkomsten app (the isolation and bad-input harnesses use
one of every tenant model)."""

import datetime

import factory
from django.utils import timezone

from bijeenkomsten.models import (
    Actiepunt,
    Agendapunt,
    Bijeenkomst,
    Deelname,
    Gast,
    Inbreng,
    Reactie,
    Reeks,
    Soort,
    Verslag,
    VerslagVersie,
    VerzondenHerinnering,
)
from tests.casussen.factories import CasusFactory
from tests.factories import (
    GemeenteFactory,
    LidmaatschapFactory,
    ProeftuinFactory,
    UserFactory,
)


def _in_days(days, hour=14):
    tz = timezone.get_default_timezone()
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)), tz)


class ReeksFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reeks

    gemeente = factory.SubFactory(GemeenteFactory)
    titel = factory.Sequence(lambda n: f"Reeks {n}")


class BijeenkomstFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Bijeenkomst

    gemeente = factory.SubFactory(GemeenteFactory)
    proeftuin = factory.SubFactory(ProeftuinFactory, gemeente=factory.SelfAttribute("..gemeente"))
    soort = Soort.INVENTARISATIE
    titel = factory.Sequence(lambda n: f"Bijeenkomst {n}")
    begin = factory.LazyFunction(lambda: _in_days(14))
    eind = factory.LazyAttribute(lambda o: o.begin + datetime.timedelta(hours=2))
    locatie = "Gemeentehuis"


class AgendapuntFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agendapunt

    gemeente = factory.SubFactory(GemeenteFactory)
    bijeenkomst = factory.SubFactory(
        BijeenkomstFactory, gemeente=factory.SelfAttribute("..gemeente")
    )
    titel = factory.Sequence(lambda n: f"Agendapunt {n}")
    duur_minuten = 30


class DeelnameFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deelname

    gemeente = factory.SubFactory(GemeenteFactory)
    bijeenkomst = factory.SubFactory(
        BijeenkomstFactory, gemeente=factory.SelfAttribute("..gemeente")
    )
    lidmaatschap = factory.SubFactory(
        LidmaatschapFactory, gemeente=factory.SelfAttribute("..gemeente")
    )


class GastFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gast

    gemeente = factory.SubFactory(GemeenteFactory)
    bijeenkomst = factory.SubFactory(
        BijeenkomstFactory, gemeente=factory.SelfAttribute("..gemeente")
    )
    naam = factory.Sequence(lambda n: f"Gast {n}")


class VerslagFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Verslag

    gemeente = factory.SubFactory(GemeenteFactory)
    bijeenkomst = factory.SubFactory(
        BijeenkomstFactory, gemeente=factory.SelfAttribute("..gemeente")
    )
    tekst = "Concept van het verslag."


class VerslagVersieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VerslagVersie

    gemeente = factory.SubFactory(GemeenteFactory)
    verslag = factory.SubFactory(VerslagFactory, gemeente=factory.SelfAttribute("..gemeente"))
    nummer = 1
    tekst = "Concept van het verslag."


class ReactieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Reactie

    gemeente = factory.SubFactory(GemeenteFactory)
    verslag = factory.SubFactory(VerslagFactory, gemeente=factory.SelfAttribute("..gemeente"))
    soort = Reactie.Soort.OPMERKING
    tekst = "Een opmerking."


class ActiepuntFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actiepunt

    gemeente = factory.SubFactory(GemeenteFactory)
    bijeenkomst = factory.SubFactory(
        BijeenkomstFactory, gemeente=factory.SelfAttribute("..gemeente")
    )
    omschrijving = factory.Sequence(lambda n: f"Actiepunt {n}")


class VerzondenHerinneringFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VerzondenHerinnering

    gemeente = factory.SubFactory(GemeenteFactory)
    soort = VerzondenHerinnering.Soort.DAG_ERVOOR
    user = factory.SubFactory(UserFactory)
    object_id = factory.Sequence(lambda n: n + 1)


class InbrengFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inbreng

    gemeente = factory.SubFactory(GemeenteFactory)
    bijeenkomst = factory.SubFactory(
        BijeenkomstFactory, gemeente=factory.SelfAttribute("..gemeente")
    )
    casus = factory.SubFactory(CasusFactory, gemeente=factory.SelfAttribute("..gemeente"))
