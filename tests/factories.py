"""factory_boy factories for the tests; tenant rows are created with scopes disabled."""

import datetime

import factory
from allauth.account.models import EmailAddress
from django.contrib.contenttypes.models import ContentType

from gemeenten.models import (
    AuditRegel,
    Baat,
    Commitment,
    FaseOvergang,
    Gemeente,
    Ingredient,
    Ingredientbeoordeling,
    Kengetal,
    Kerngroeplid,
    Lidmaatschap,
    Organisatie,
    Proeftuin,
    Uitnodiging,
    Wijziging,
)
from kern.models import User
from kern.permissions import Rol

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


class KerngroeplidFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kerngroeplid

    gemeente = factory.SubFactory(GemeenteFactory)
    organisatie = factory.SubFactory(
        OrganisatieFactory, gemeente=factory.SelfAttribute("..gemeente")
    )
    naam = factory.Sequence(lambda n: f"Kerngroeplid {n}")


class FaseOvergangFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FaseOvergang

    gemeente = factory.SubFactory(GemeenteFactory)
    proeftuin = factory.SubFactory(ProeftuinFactory, gemeente=factory.SelfAttribute("..gemeente"))
    van = "startbijeenkomst"
    naar = "inventarisatie"


class KengetalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Kengetal

    gemeente = factory.SubFactory(GemeenteFactory)
    soort = Kengetal.Soort.INWONERS
    waarde = 40000
    bron = "CBS StatLine"
    jaar = 2025


class IngredientbeoordelingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Ingredientbeoordeling

    gemeente = factory.SubFactory(GemeenteFactory)
    proeftuin = factory.SubFactory(ProeftuinFactory, gemeente=factory.SelfAttribute("..gemeente"))
    ingredient = Ingredient.TREKKER
    oordeel = "in_orde"


class CommitmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Commitment

    gemeente = factory.SubFactory(GemeenteFactory)
    proeftuin = factory.SubFactory(ProeftuinFactory, gemeente=factory.SelfAttribute("..gemeente"))
    organisatie = factory.SubFactory(
        OrganisatieFactory, gemeente=factory.SelfAttribute("..gemeente")
    )
    soort = Commitment.Soort.UREN
    uren_per_jaar = 40
    omschrijving = "Veertig uur per jaar voor de kerngroep"


class BaatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Baat

    gemeente = factory.SubFactory(GemeenteFactory)
    commitment = factory.SubFactory(CommitmentFactory, gemeente=factory.SelfAttribute("..gemeente"))
    organisatie = factory.SubFactory(
        OrganisatieFactory, gemeente=factory.SelfAttribute("..gemeente")
    )


class WijzigingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Wijziging

    gemeente = factory.SubFactory(GemeenteFactory)
    content_type = factory.LazyFunction(lambda: ContentType.objects.get_for_model(Organisatie))
    object_id = 1
    object_repr = "Organisatie"
    actie = Wijziging.Actie.GEWIJZIGD


class AuditRegelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuditRegel

    gemeente = factory.SubFactory(GemeenteFactory)
    content_type = factory.LazyFunction(lambda: ContentType.objects.get_for_model(Commitment))
    object_id = 1
    actie = AuditRegel.Actie.READ
