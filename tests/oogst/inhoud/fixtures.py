"""Fixtures of the inhoud tests (imported by the tests in this folder): gemeente A's
proeftuin, an action owned by the professional, a verhaal without consent, and a helper for the
oogst URLs. Every request asks for English, so the tests read the source strings whatever the
Dutch catalogue holds."""

import datetime

import pytest
from django.urls import reverse

from gemeenten.models import Lidmaatschap
from tests.scopes import every_gemeente
from tests.verbeteracties.factories import VerbeteractieFactory

from ..factories import VerhaalFactory


def ourl(name, gemeente, query="", **kwargs):
    url = reverse(f"oogst:{name}", kwargs={"gemeente_slug": gemeente.slug, **kwargs})
    return url + query


@pytest.fixture(autouse=True)
def english_requests(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"


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
            status="afgerond",
            start=datetime.date(2026, 5, 1),
            eind=datetime.date(2026, 10, 31),
        )


@pytest.fixture
def verhaal_zonder_toestemming(gemeente_a, proeftuin):
    """A verhaal nobody has asked consent for yet: only the facilitator may read it."""
    with every_gemeente():
        return VerhaalFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            tekst="Nog niet gevraagd.",
            toestemming=False,
            toestemming_hoe="",
        )
