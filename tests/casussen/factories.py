"""factory_boy factories of the casussen app."""

import factory

from casussen.models import Succesfactor
from tests.factories import GemeenteFactory


class SuccesfactorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Succesfactor

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Succesfactor {n}")
