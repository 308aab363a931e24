"""`manage.py generate`: synthetic gemeenten for the benchmarks."""

import io

import pytest
from django.core.management import CommandError, call_command

from gemeenten.models import Gemeente, Lidmaatschap, Organisatie, Proeftuin
from proeftuin.generator import SCALES
from proeftuin.permissions import Rol
from tests.scopes import every_gemeente


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
