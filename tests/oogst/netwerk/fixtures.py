"""Shared set-up of the netwerkpeiling, Kennisbank and export tests: gemeente A's proeftuin with
partners in care and the social domain, and answers made with the service."""

import pytest
from django.urls import reverse

from gemeenten.models import Lidmaatschap, Organisatie
from kern.tenancy import gemeente_scope
from oogst.netwerk.services import save_peiling
from tests.factories import LidmaatschapFactory, OrganisatieFactory
from tests.scopes import every_gemeente


def ourl(name, gemeente, **kwargs):
    return reverse(f"oogst:{name}", kwargs={"gemeente_slug": gemeente.slug, **kwargs})


@pytest.fixture
def orgs(gemeente_a):
    """Four partners: two in care, one social (besides 'Welzijn A'), the Wmo team."""
    with every_gemeente():
        return {
            "huisarts": OrganisatieFactory(
                gemeente=gemeente_a, naam="Huisarts Zuid", domein="zorg", soort="huisartsenpraktijk"
            ),
            "thuiszorg": OrganisatieFactory(
                gemeente=gemeente_a, naam="Thuiszorg Oost", domein="zorg", soort="wijkverpleging"
            ),
            "welzijn": Organisatie.objects.get(gemeente=gemeente_a, naam="Welzijn A"),
            "wmo": OrganisatieFactory(
                gemeente=gemeente_a, naam="Wmo-team", domein="gemeente", soort="gemeente_wmo"
            ),
        }


def lid_bij(gemeente, organisatie, user=None, **kwargs):
    with every_gemeente():
        if user is not None:
            lid = Lidmaatschap.objects.get(gemeente=gemeente, user=user)
            lid.organisatie = organisatie
            lid.save()
            return lid
        return LidmaatschapFactory(gemeente=gemeente, organisatie=organisatie, **kwargs)


def antwoord(gemeente, proeftuin, lid, moment, antwoorden):
    """answers as {organisation: level}."""
    with gemeente_scope(gemeente):
        return save_peiling(
            proeftuin=proeftuin,
            moment=moment,
            lidmaatschap=lid,
            answers={o.pk: niveau for o, niveau in antwoorden.items()},
        )


@pytest.fixture
def english(client):
    """Pages in English (the msgids), whatever the Dutch catalogue holds by then."""
    from django.utils import translation

    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield
