"""factory_boy factories for the tests; tenant rows are created with scopes disabled."""

import datetime

import factory
from allauth.account.models import EmailAddress

from gemeenten.models import Gemeente, Lidmaatschap, Organisatie, Proeftuin, Uitnodiging
from proeftuin.models import User
from proeftuin.permissions import Rol

PASSWORD = "een-goed-wachtwoord-42"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"persoon{n}@example.org")
    name = factory.Sequence(lambda n: f"Persoon {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        if create:
            self.save()
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)


class GemeenteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gemeente
        django_get_or_create = ("slug",)

    naam = factory.Sequence(lambda n: f"Gemeente {n}")
    slug = factory.Sequence(lambda n: f"gemeente-{n}")


class OrganisatieFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisatie

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Organisatie {n}")
    soort = Organisatie.Soort.WELZIJN
    domein = "sociaal"


class ProeftuinFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proeftuin

    gemeente = factory.SubFactory(GemeenteFactory)
    naam = factory.Sequence(lambda n: f"Proeftuin {n}")
    start = datetime.date(2026, 1, 1)
    eind = datetime.date(2026, 12, 31)


class LidmaatschapFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lidmaatschap

    gemeente = factory.SubFactory(GemeenteFactory)
    user = factory.SubFactory(UserFactory)
    role = Rol.PROFESSIONAL


class UitnodigingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Uitnodiging

    gemeente = factory.SubFactory(GemeenteFactory)
    email = factory.Sequence(lambda n: f"genodigde{n}@example.org")
    role = Rol.PROFESSIONAL
