"""The dashboard: phase, partners by domain, commitments delivered against promised."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from gemeenten.models import Commitment, Domein
from gemeenten.views.dashboard import year_progress
from kern.charts import horizontal_bars
from kern.tenancy import gemeente_scope
from tests.factories import CommitmentFactory, OrganisatieFactory
from tests.scopes import every_gemeente


@pytest.fixture
def commitments(gemeente_a, proeftuin):
    with every_gemeente():
        zorg = OrganisatieFactory(gemeente=gemeente_a, naam="Thuiszorg", domein=Domein.ZORG)
        OrganisatieFactory(gemeente=gemeente_a, naam="Huisarts", domein=Domein.ZORG)
        make = CommitmentFactory
        make(gemeente=gemeente_a, proeftuin=proeftuin, organisatie=zorg, uren_per_jaar=40)
        make(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            organisatie=zorg,
            uren_per_jaar=Decimal("12.5"),
            status=Commitment.Status.GELEVERD,
        )
        make(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            soort=Commitment.Soort.GELD,
            uren_per_jaar=None,
            bedrag=Decimal("2500"),
            status=Commitment.Status.GELEVERD,
        )
        make(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            uren_per_jaar=100,
            status=Commitment.Status.INGETROKKEN,
            reden_ingetrokken="Reorganisatie",
        )
        make(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            uren_per_jaar=8,
            verwacht_op=datetime.date(2020, 1, 1),
            toegezegd_op=datetime.date(2019, 12, 1),
        )


def test_the_dashboard_adds_up_commitments_as_computed_by_hand(
    client, readonly_member, gemeente_a, commitments
):
    client.force_login(readonly_member)
    response = client.get(reverse("gemeenten:detail", kwargs={"gemeente_slug": gemeente_a.slug}))
    assert response.status_code == 200
    totals = response.context["commitments"]
    # Withdrawn commitments count for nothing; five made, one withdrawn.
    assert totals["aantal"] == 4
    assert totals["aantal_geleverd"] == 2
    assert totals["uren"] == Decimal("60.5")  # 40 + 12.5 + 8
    assert totals["uren_geleverd"] == Decimal("12.5")
    assert totals["euro"] == Decimal("2500") == totals["euro_geleverd"]
    assert totals["overdue"] == 1
    assert totals["ingetrokken"] == 1


def test_partners_are_counted_by_domain(client, member, gemeente_a, commitments):
    client.force_login(member)
    response = client.get(reverse("gemeenten:detail", kwargs={"gemeente_slug": gemeente_a.slug}))
    # Welzijn A (sociaal) from the fixture plus two in zorg, plus the factories' own partners.
    chart = response.context["partners_chart"]
    assert '<th scope="row">Zorg</th><td class="num">2</td>' in chart.replace("\n", "")


def test_the_dashboard_without_a_proeftuin_says_so(client, member, gemeente_a, proeftuin):
    with gemeente_scope(gemeente_a):
        proeftuin.delete()
    client.force_login(member)
    response = client.get(reverse("gemeenten:detail", kwargs={"gemeente_slug": gemeente_a.slug}))
    assert response.status_code == 200
    assert "Er is nog geen proeftuin ingericht" in response.text


def test_year_progress_runs_from_start_to_end(proeftuin):
    proeftuin.start, proeftuin.eind = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
    assert year_progress(proeftuin, today=datetime.date(2025, 6, 1)) == 0
    assert year_progress(proeftuin, today=datetime.date(2026, 7, 2)) == 50
    assert year_progress(proeftuin, today=datetime.date(2027, 3, 1)) == 100


def test_a_chart_scales_its_bars_and_carries_a_table(db):
    html = horizontal_bars(title="Test", series=["A", "B"], rows=[("x", [10, 5]), ("y", [0, 2.5])])
    assert 'width="210.0"' in html  # the largest value fills the chart
    assert 'width="105.0"' in html
    assert "<table>" in html and "<caption>Test</caption>" in html
    assert 'aria-hidden="true"' in html
    assert "2,5" in html  # Dutch decimal comma


def test_a_chart_escapes_every_text_it_shows(db):
    html = horizontal_bars(
        title='Uren <b>"vet"</b>',
        series=["<i>A</i>"],
        rows=[("Stichting <script>alert(1)</script> & Zorg", [3])],
        unit="<u>",
        description="<em>d</em>",
    )
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert "<u>" not in html and "<em>" not in html
    assert "Stichting &lt;script&gt;alert(1)&lt;/script&gt; &amp; Zorg" in html  # the table
    assert "Stichting &lt;script&gt;al…" in html  # the bar's label, cut at 21 characters
    assert "Uren &lt;b&gt;&quot;vet&quot;&lt;/b&gt;" in html


@pytest.mark.parametrize("chosen", ["²", "٣", "99999999999999999999999", "-1", "x"])
def test_a_strange_proeftuin_in_the_query_is_not_a_server_error(
    client, member, gemeente_a, proeftuin, chosen
):
    # "²".isdigit() is true, but int("²") raises: this was a 500 (found by test_bad_input).
    client.force_login(member)
    url = reverse("gemeenten:detail", kwargs={"gemeente_slug": gemeente_a.slug})
    response = client.get(url, {"proeftuin": chosen})
    assert response.status_code in (200, 404)
