"""A form whose view leaves the anonymisation gate to the write path: an identifying text comes
back as a form error (400) with what was typed, never a 500, and nothing is stored, history
included."""

import datetime

import pytest

from bijeenkomsten.models import Actiepunt, Agendapunt, Bijeenkomst
from casussen.models import Succesfactor
from gemeenten.models import Commitment, Kerngroeplid, Lidmaatschap, Organisatie, Wijziging
from tests.bijeenkomsten.conftest import burl
from tests.bijeenkomsten.factories import BijeenkomstFactory
from tests.casussen.conftest import curl
from tests.scopes import every_gemeente
from tests.urls import url
from tests.verbeteracties.conftest import vurl
from tests.verbeteracties.factories import IndicatorFactory, VerbeteractieFactory
from verbeteracties.models import Indicator, Meting, Verbeteractie, Voortgang

IDENTIFYING = "Jan de Vries, BSN 111222333, woont Dorpsstraat 12"
REFUSED = "herleidbare gegevens"  # the Dutch of TextRefused's message


@pytest.fixture
def world(gemeente_a, proeftuin, facilitator, member):
    with every_gemeente():
        lid = Lidmaatschap.objects.get(gemeente=gemeente_a, user=member)
        actie = VerbeteractieFactory(
            gemeente=gemeente_a, proeftuin=proeftuin, eigenaar=lid, status="loopt"
        )
        return {
            "gemeente": gemeente_a,
            "proeftuin": proeftuin,
            "lid": lid,
            "actie": actie,
            "indicator": IndicatorFactory(gemeente=gemeente_a, actie=actie),
            "bijeenkomst": BijeenkomstFactory(gemeente=gemeente_a, proeftuin=proeftuin),
            "partner": Organisatie.objects.filter(gemeente=gemeente_a).first(),
        }


def _verbeteractie(w):
    data = {
        "proeftuin": w["proeftuin"].pk,
        "titel": "Vast aanspreekpunt",
        "beschrijving": IDENTIFYING,
        "start": "2026-05-01",
        "eind": "2026-10-31",
    }
    return vurl("new", w["gemeente"]), data, Verbeteractie


def _voortgang(w):
    data = {"datum": "2026-06-01", "licht": "op_koers", "tekst": IDENTIFYING}
    return vurl("voortgang", w["gemeente"], pk=w["actie"].pk), data, Voortgang


def _meting(w):
    data = {"datum": "2026-06-01", "waarde": "3", "toelichting": IDENTIFYING}
    return vurl("meting", w["gemeente"], pk=w["indicator"].pk), data, Meting


def _indicator(w):
    data = {"naam": IDENTIFYING, "eenheid": "casussen"}
    return vurl("indicator_new", w["gemeente"], pk=w["actie"].pk), data, Indicator


def _stop_reason(w):
    """Stopping an action: the reason is refused on its field, the action keeps running."""
    data = {"status": "gestopt", "reden_gestopt": IDENTIFYING, "version": w["actie"].version}
    return vurl("status", w["gemeente"], pk=w["actie"].pk), data, Verbeteractie


def _succesfactor(w):
    data = {"naam": "Korte lijnen", "omschrijving": IDENTIFYING, "volgorde": "8"}
    return curl("succesfactoren", w["gemeente"]), data, Succesfactor


def _kerngroeplid(w):
    data = {"naam": "Tineke Terpstra", "functie": IDENTIFYING}
    return url("kerngroeplid_add", w["gemeente"], pk=w["partner"].pk), data, Kerngroeplid


def _agendapunt(w):
    data = {"titel": IDENTIFYING, "duur_minuten": "15"}
    return burl("agendapunt_add", w["gemeente"], pk=w["bijeenkomst"].pk), data, Agendapunt


def _actiepunt(w):
    data = {"omschrijving": IDENTIFYING, "eigenaar": w["lid"].pk, "deadline": "2026-12-20"}
    return burl("actiepunten", w["gemeente"], pk=w["bijeenkomst"].pk), data, Actiepunt


def _bijeenkomst(w):
    day = datetime.date.today() + datetime.timedelta(days=30)
    data = {
        "proeftuin": w["proeftuin"].pk,
        "soort": "inventarisatie",
        "titel": "Tweede inventarisatie",
        "begin": f"{day}T14:00",
        "eind": f"{day}T16:00",
        "casus_deadline": f"{day - datetime.timedelta(days=7)}T12:00",
        "locatie": "Gemeentehuis",
        "beschrijving": IDENTIFYING,
    }
    return burl("new", w["gemeente"]), data, Bijeenkomst


def _commitment(w):
    data = {
        "proeftuin": w["proeftuin"].pk,
        "soort": Commitment.Soort.UREN,
        "organisatie": w["partner"].pk,
        "omschrijving": IDENTIFYING,
        "uren_per_jaar": "80",
        "toegezegd_op": "2026-01-20",
    }
    return url("commitment_new", w["gemeente"]), data, Commitment


def _partner(w):
    """A contact person may be named; a BSN next to the name is refused all the same."""
    data = {
        "naam": "Thuiszorg Oost",
        "soort": Organisatie.Soort.WIJKVERPLEGING,
        "domein": "zorg",
        "contactpersoon_naam": "Jan de Vries, BSN 111222333",
    }
    return url("partner_new", w["gemeente"]), data, Organisatie


@pytest.mark.parametrize(
    "form",
    [
        _verbeteractie,
        _voortgang,
        _meting,
        _indicator,
        _stop_reason,
        _agendapunt,
        _actiepunt,
        _bijeenkomst,
        _commitment,
        _partner,
        _succesfactor,
        _kerngroeplid,
    ],
)
def test_an_identifying_text_is_refused_on_the_form_with_the_input_kept(
    form, world, client, facilitator
):
    address, data, model = form(world)
    with every_gemeente():
        rows, history = model.objects.count(), Wijziging.objects.count()
    client.force_login(facilitator)
    response = client.post(address, data)
    body = response.content.decode()
    assert response.status_code == 400
    assert REFUSED in body
    typed = next(v for v in data.values() if "BSN" in str(v))
    assert typed in body
    with every_gemeente():
        assert model.objects.count() == rows
        assert Wijziging.objects.count() == history
        world["actie"].refresh_from_db()
    assert world["actie"].status == "loopt"
