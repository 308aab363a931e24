"""`manage.py generate`: synthetic gemeenten for the benchmarks."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.db.models import F

from demo.generator import SCALES
from gemeenten.models import Gemeente, Lidmaatschap, Organisatie, Proeftuin
from kern.permissions import Rol
from tests.scopes import every_gemeente

# The benchmark data at scale: make test runs it.
pytestmark = pytest.mark.slow


def counts():
    with every_gemeente():
        return {
            g.slug: (
                Organisatie.objects.filter(gemeente=g).count(),
                Lidmaatschap.objects.filter(gemeente=g).count(),
                Proeftuin.objects.filter(gemeente=g).count(),
                Lidmaatschap.objects.filter(gemeente=g, role=Rol.FACILITATOR).count(),
            )
            for g in Gemeente.objects.filter(slug__startswith="gen-")
        }


@pytest.mark.django_db
def test_the_demo_scale_makes_five_gemeenten_with_their_partners_and_members():
    scale = SCALES["demo"]
    call_command("generate", scale="demo", stdout=io.StringIO())
    assert counts() == {
        f"gen-{n:04d}": (scale.partners, scale.members + 1, 1, 1)
        for n in range(1, scale.gemeenten + 1)
    }


@pytest.mark.django_db
def test_it_refuses_a_database_that_already_has_generated_gemeenten():
    Gemeente.objects.create(naam="Gemeente 0001", slug="gen-0001")
    with pytest.raises(CommandError):
        call_command("generate", scale="demo")


def app_counts(gemeente):
    from bijeenkomsten.models import Agendapunt, Bijeenkomst, Deelname
    from casussen.models import Casus, Inzicht, InzichtSuccesfactor, Knelpunt
    from verbeteracties.models import Indicator, Meting, Verbeteractie, Voortgang

    def of(model, **filters):
        return model.objects.filter(gemeente=gemeente, **filters)

    discussed = of(Casus, status__in=["besproken", "gearchiveerd"])
    return {
        "casussen": of(Casus).count(),
        "casussen without knelpunt": of(Casus, knelpunten__isnull=True).count(),
        "discussed without inzicht": discussed.filter(inzichten__isnull=True).count(),
        "inzichten": of(Inzicht).count(),
        "inzichten without succesfactor": of(Inzicht)
        .exclude(pk__in=of(InzichtSuccesfactor).values("inzicht"))
        .count(),
        "knelpunten": of(Knelpunt).count(),
        "bijeenkomsten": of(Bijeenkomst).count(),
        "bijeenkomsten without agenda": of(Bijeenkomst, agendapunten__isnull=True).count(),
        "bijeenkomsten without invitations": of(Bijeenkomst, deelnames__isnull=True).count(),
        "agendapunten": of(Agendapunt).count(),
        "present": of(Deelname, aanwezig=True).count(),
        "verbeteracties": of(Verbeteractie).count(),
        "indicators": of(Indicator).count(),
        "metingen": of(Meting).count(),
        "updates": of(Voortgang).count(),
        "metingen outside the action": of(Meting)
        .exclude(datum__gte=F("indicator__actie__start"), datum__lte=F("indicator__actie__eind"))
        .count(),
    }


@pytest.mark.django_db
def test_the_demo_scale_fills_casussen_bijeenkomsten_and_verbeteracties_consistently():
    scale = SCALES["demo"]
    call_command("generate", scale="demo", stdout=io.StringIO())
    with every_gemeente():
        for gemeente in Gemeente.objects.filter(slug__startswith="gen-"):
            made = app_counts(gemeente)
            assert made["casussen"] == scale.casussen
            assert made["bijeenkomsten"] == scale.bijeenkomsten
            assert made["verbeteracties"] == scale.verbeteracties
            assert made["casussen without knelpunt"] == 0
            assert made["discussed without inzicht"] == 0
            assert made["inzichten"] > 0
            assert made["inzichten without succesfactor"] == 0
            assert made["knelpunten"] >= scale.casussen
            assert made["bijeenkomsten without agenda"] == 0
            assert made["bijeenkomsten without invitations"] == 0
            assert made["agendapunten"] >= 3 * scale.bijeenkomsten
            assert made["present"] > 0
            assert made["indicators"] > 0
            assert made["metingen"] == made["indicators"] * scale.metingen
            assert made["updates"] == made["indicators"] * 3
            assert made["metingen outside the action"] == 0


@pytest.mark.django_db
def test_the_same_seed_gives_the_same_data():
    from casussen.models import Casus

    def titles():
        with every_gemeente():
            return list(Casus.objects.order_by("pk").values_list("titel", "status", "ziektebeeld"))

    class Undo(Exception):
        pass

    with pytest.raises(Undo), transaction.atomic():
        call_command("generate", scale="demo", seed=7, stdout=io.StringIO())
        first = titles()
        raise Undo
    assert titles() == []
    call_command("generate", scale="demo", seed=7, stdout=io.StringIO())
    assert titles() == first
