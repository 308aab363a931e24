"""Fixtures of the casussen tests: addresses, a casus of the professional, a post helper."""

import pytest
from django.urls import reverse

from casussen.models import Casus
from tests.scopes import every_gemeente

from .factories import CasusFactory

PHONE = "06-12345678"
EMAIL = "j.jansen@example.nl"
DATE = "12-03-1941"


def curl(name, gemeente, **kwargs):
    return reverse(f"casussen:{name}", kwargs={"gemeente_slug": gemeente.slug, **kwargs})


def casus_data(**overrides):
    """A complete post of the casus form (no knelpunten filled in)."""
    data = {
        "titel": "Meneer met COPD die thuis wilde blijven",
        "leeftijdscategorie": "75_84",
        "ziektebeeld": "copd",
        "ziektebeeld_anders": "",
        "woonsituatie": "met_partner",
        "naasten": "Zijn vrouw zorgt voor hem; een dochter woont verder weg.",
        "dimensie_fysiek": "on",
        "disciplines": "Huisarts, wijkverpleegkundige, Wmo-consulent.",
        "verloop": "De huisarts zag hem maandelijks; de benauwdheid nam toe.",
        "wat_hielp": "Een vast aanspreekpunt.",
        "vragen": "Hoe betrekken we de mantelzorger eerder?",
        "anders_beter": "Eerder het gesprek over de laatste levensfase voeren.",
        "knelpunten-TOTAL_FORMS": "2",
        "knelpunten-INITIAL_FORMS": "0",
        "knelpunten-MIN_NUM_FORMS": "0",
        "knelpunten-MAX_NUM_FORMS": "20",
        "knelpunten-0-categorie": "",
        "knelpunten-0-toelichting": "",
        "knelpunten-1-categorie": "",
        "knelpunten-1-toelichting": "",
    }
    data.update(overrides)
    return data


def edit_data(casus, **overrides):
    """A post of the edit form of an existing casus (its knelpunten as initial forms)."""
    with every_gemeente():
        knelpunten = list(casus.knelpunten.all())
    data = casus_data(
        titel=casus.titel,
        verloop=casus.verloop,
        wat_hielp=casus.wat_hielp,
        version=str(casus.version),
    )
    data["knelpunten-INITIAL_FORMS"] = str(len(knelpunten))
    data["knelpunten-TOTAL_FORMS"] = str(len(knelpunten) + 2)
    for i, k in enumerate(knelpunten):
        data[f"knelpunten-{i}-id"] = str(k.pk)
        data[f"knelpunten-{i}-categorie"] = k.categorie
        data[f"knelpunten-{i}-toelichting"] = k.toelichting
    for i in range(len(knelpunten), len(knelpunten) + 2):
        data[f"knelpunten-{i}-categorie"] = ""
        data[f"knelpunten-{i}-toelichting"] = ""
    data.update(overrides)
    return data


@pytest.fixture
def casus_factory(gemeente_a, proeftuin_a):
    def make(**kwargs):
        kwargs.setdefault("gemeente", gemeente_a)
        kwargs.setdefault("proeftuin", proeftuin_a)
        with every_gemeente():
            return CasusFactory(**kwargs)

    return make


@pytest.fixture
def own_casus(casus_factory, member):
    return casus_factory(auteur=member)


@pytest.fixture
def ingediend(casus_factory, member):
    return casus_factory(auteur=member, status=Casus.Status.INGEDIEND)
