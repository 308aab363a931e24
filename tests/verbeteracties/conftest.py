"""Fixtures of the verbeteracties tests: gemeente A's proeftuin, an action owned by the
professional (member), and a request helper for its pages."""

import datetime

import pytest
from django.urls import reverse

from gemeenten.models import Lidmaatschap
from tests.scopes import every_gemeente

from .factories import VerbeteractieFactory


def vurl(name, gemeente, **kwargs):
    return reverse(f"verbeteracties:{name}", kwargs={"gemeente_slug": gemeente.slug, **kwargs})


@pytest.fixture
def member_lid(gemeente_a, member):
    with every_gemeente():
        return Lidmaatschap.objects.get(gemeente=gemeente_a, user=member)


@pytest.fixture
def actie(gemeente_a, proeftuin, member_lid):
    with every_gemeente():
        return VerbeteractieFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            eigenaar=member_lid,
            titel="Zesweeks MDO",
            status="loopt",
            start=datetime.date(2026, 5, 1),
            eind=datetime.date(2026, 10, 31),
        )
