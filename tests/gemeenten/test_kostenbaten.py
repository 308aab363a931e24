"""Kosten en baten: hand-computed totals, a constant number of queries, and the page."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gemeenten.kostenbaten import kosten_en_baten, per_domein, totaal
from kern.tenancy import gemeente_scope
from tests.factories import (
    BaatFactory,
    CommitmentFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    ProeftuinFactory,
)
from tests.scopes import every_gemeente
from tests.urls import url


@pytest.fixture
def kosten_baten_case(gemeente_a, proeftuin, welzijn):
    """Three partners; hand-computed: see the test below."""
    with every_gemeente():
        huisarts = OrganisatieFactory(gemeente=gemeente_a, naam="Huisarts", domein="zorg")
        verzekeraar = OrganisatieFactory(
            gemeente=gemeente_a, naam="Verzekeraar", domein="financier"
        )

        def make(organisatie, soort, uren=None, bedrag=None, status="toegezegd", baat=()):
            c = CommitmentFactory(
                gemeente=gemeente_a,
                proeftuin=proeftuin,
                organisatie=organisatie,
                soort=soort,
                uren_per_jaar=uren,
                bedrag=bedrag,
                status=status,
                reden_ingetrokken="x" if status == "ingetrokken" else "",
            )
            for o in baat:
                BaatFactory(gemeente=gemeente_a, commitment=c, organisatie=o)
            return c

        make(welzijn, "uren", uren=Decimal("40"), baat=[huisarts])
        make(welzijn, "uren", uren=Decimal("12.5"), status="geleverd", baat=[huisarts, welzijn])
        make(huisarts, "kerngroep", uren=Decimal("20"))
        make(verzekeraar, "geld", bedrag=Decimal("15000"), baat=[huisarts, welzijn])
        make(verzekeraar, "in_natura", bedrag=Decimal("2500.50"), baat=[welzijn])
        make(None, "geld", bedrag=Decimal("5000"), baat=[welzijn])
        # Withdrawn: counts nowhere.
        make(huisarts, "geld", bedrag=Decimal("999"), status="ingetrokken", baat=[verzekeraar])
    return huisarts, verzekeraar


def test_kosten_en_baten_add_up_to_the_hand_computed_numbers(
    gemeente_a, proeftuin, welzijn, kosten_baten_case
):
    with gemeente_scope(gemeente_a):
        rows = kosten_en_baten(proeftuin)
    by_name = {r.naam: r for r in rows}
    assert [r.naam for r in rows] == [
        "De gemeente als geheel",
        "Huisarts",
        "Verzekeraar",
        "Welzijn A",
    ]
    gemeente = by_name["De gemeente als geheel"]
    assert (gemeente.uren, gemeente.euro, gemeente.toezeggingen, gemeente.baten) == (0, 5000, 1, 0)
    huisarts = by_name["Huisarts"]
    assert (huisarts.uren, huisarts.euro, huisarts.toezeggingen, huisarts.baten) == (20, 0, 1, 3)
    verzekeraar = by_name["Verzekeraar"]
    assert (verzekeraar.uren, verzekeraar.euro, verzekeraar.baten) == (0, Decimal("17500.50"), 0)
    assert verzekeraar.toezeggingen == 2
    w = by_name["Welzijn A"]
    assert (w.uren, w.euro, w.toezeggingen, w.baten) == (Decimal("52.5"), 0, 2, 4)

    sum_ = totaal(rows)
    assert (sum_.uren, sum_.euro, sum_.toezeggingen, sum_.baten) == (
        Decimal("72.5"),
        Decimal("22500.50"),
        6,
        7,
    )
    domeinen = dict(per_domein(rows))
    assert domeinen["Financier"].euro == Decimal("17500.50")
    assert domeinen["Gemeente"].euro == Decimal("5000")
    assert domeinen["Zorg"].uren == Decimal("20")
    assert domeinen["Sociaal domein"].uren == Decimal("52.5")


def test_kosten_en_baten_takes_a_constant_number_of_queries(
    gemeente_a, proeftuin, welzijn, kosten_baten_case
):
    with gemeente_scope(gemeente_a), CaptureQueriesContext(connection) as few:
        kosten_en_baten(proeftuin)
    with every_gemeente():
        for n in range(5):
            o = OrganisatieFactory(gemeente=gemeente_a, naam=f"Extra {n}")
            c = CommitmentFactory(gemeente=gemeente_a, proeftuin=proeftuin, organisatie=o)
            BaatFactory(gemeente=gemeente_a, commitment=c, organisatie=welzijn)
    with gemeente_scope(gemeente_a), CaptureQueriesContext(connection) as many:
        rows = kosten_en_baten(proeftuin)
    assert len(many) == len(few) == 3
    assert len(rows) == 9


def test_kosten_en_baten_ignores_other_proeftuinen(gemeente_a, proeftuin, welzijn):
    with every_gemeente():
        other = ProeftuinFactory(
            gemeente=gemeente_a, start=datetime.date(2024, 1, 1), eind=datetime.date(2024, 12, 31)
        )
        CommitmentFactory(
            gemeente=gemeente_a, proeftuin=other, organisatie=welzijn, uren_per_jaar=9
        )
    with gemeente_scope(gemeente_a):
        (row,) = kosten_en_baten(proeftuin)
    assert (row.uren, row.toezeggingen) == (0, 0)


def test_the_kosten_en_baten_page_shows_the_totals(
    client, readonly_member, gemeente_a, kosten_baten_case
):
    client.force_login(readonly_member)
    page = client.get(url("kostenbaten", gemeente_a))
    assert page.status_code == 200
    assert "22.500,50" in page.text
    assert "72,5" in page.text
    assert "<caption>" in page.text


def test_other_members_of_the_gemeente_are_not_commitment_makers(gemeente_a, proeftuin):
    # A membership's organisation is not a partner row of another gemeente.
    with every_gemeente():
        LidmaatschapFactory(gemeente=gemeente_a)
    with gemeente_scope(gemeente_a):
        assert len(kosten_en_baten(proeftuin)) == 1
