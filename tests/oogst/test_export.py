"""Export everything: a ZIP of CSV files of one proeftuin, for the facilitator and the
beleidsadviseur, without casus texts or individual netwerkpeiling answers."""

import csv
import datetime
import io
import zipfile

import pytest

from bijeenkomsten.models import Bijeenkomst
from casussen.models import Casus, Inzicht
from gemeenten.models import AuditRegel, Proeftuin
from oogst import export
from oogst.inhoud.models import Les
from oogst.netwerk.models import PeilMoment
from tests.bijeenkomsten.factories import BijeenkomstFactory, DeelnameFactory, GastFactory
from tests.casussen.factories import CasusFactory, InzichtFactory, KnelpuntFactory
from tests.factories import CommitmentFactory, ProeftuinFactory
from tests.scopes import every_gemeente
from tests.verbeteracties.factories import MetingFactory, VerbeteractieFactory, VoortgangFactory

from .factories import LesFactory, VerhaalFactory, VervolgafspraakFactory
from .netwerk import fixtures as netwerk_fixtures
from .netwerk.fixtures import antwoord, lid_bij, ourl

orgs = netwerk_fixtures.orgs
english = netwerk_fixtures.english

CASUS_TEKST = "Meneer Geheimtekst woonde alleen"


@pytest.fixture(autouse=True)
def _english(english):
    pass


@pytest.fixture
def data(gemeente_a, proeftuin, orgs, member):
    with every_gemeente():
        casus = CasusFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            titel=CASUS_TEKST,
            verloop=CASUS_TEKST,
            status="besproken",
            leeftijdscategorie="85_plus",
            ziektebeeld="hartfalen",
            dimensie_sociaal=True,
        )
        KnelpuntFactory(gemeente=gemeente_a, casus=casus, toelichting=CASUS_TEKST)
        CasusFactory(gemeente=gemeente_a, proeftuin=proeftuin, status="concept")
        InzichtFactory(gemeente=gemeente_a, casus=casus, titel="Eerder samen om tafel")
        bijeenkomst = BijeenkomstFactory(gemeente=gemeente_a, proeftuin=proeftuin, titel="Start")
        DeelnameFactory(
            gemeente=gemeente_a,
            bijeenkomst=bijeenkomst,
            lidmaatschap=lid_bij(gemeente_a, orgs["huisarts"], user=member),
            aanwezig=True,
        )
        GastFactory(gemeente=gemeente_a, bijeenkomst=bijeenkomst, naam="Gast Een")
        actie = VerbeteractieFactory(gemeente=gemeente_a, proeftuin=proeftuin, titel="MDO")
        VoortgangFactory(gemeente=gemeente_a, actie=actie)
        MetingFactory(gemeente=gemeente_a, indicator__actie=actie)
        LesFactory(gemeente=gemeente_a, proeftuin=proeftuin, titel="Koffie helpt")
        VerhaalFactory(gemeente=gemeente_a, proeftuin=proeftuin, tekst="Met toestemming")
        VerhaalFactory(
            gemeente=gemeente_a, proeftuin=proeftuin, tekst="Zonder toestemming", toestemming=False
        )
        VervolgafspraakFactory(gemeente=gemeente_a, proeftuin=proeftuin)
        CommitmentFactory(gemeente=gemeente_a, proeftuin=proeftuin, organisatie=orgs["wmo"])
        # Another proeftuin of the same gemeente: not in this export.
        ander = ProeftuinFactory(gemeente=gemeente_a, naam="Oude proeftuin", start="2024-01-01")
        VerbeteractieFactory(gemeente=gemeente_a, proeftuin=ander, titel="Oude actie")
    respondent = lid_bij(gemeente_a, orgs["welzijn"])
    antwoord(gemeente_a, proeftuin, respondent, PeilMoment.START, {orgs["wmo"]: 3})
    return casus


def _zip(client, gemeente, **params):
    response = client.get(ourl("export_zip", gemeente), params)
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(response.content))


def _rows(archive, name):
    raw = archive.read(name)
    assert raw.startswith(b"\xef\xbb\xbf")  # a UTF-8 byte order mark, for Excel
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


@pytest.mark.parametrize("who", ["facilitator", "beleidsadviseur"])
def test_the_zip_holds_one_csv_per_kind_of_data(who, request, client, gemeente_a, data):
    client.force_login(request.getfixturevalue(who))
    archive = _zip(client, gemeente_a)
    assert archive.testzip() is None
    assert set(archive.namelist()) == {"LEESMIJ.txt", *export.file_names()}
    assert {n.split("-", 1)[1] for n in export.file_names()} >= {
        "partners.csv",
        "toezeggingen.csv",
        "bijeenkomsten.csv",
        "aanwezigheid.csv",
        "casussen.csv",
        "inzichten.csv",
        "verbeteracties.csv",
        "voortgang.csv",
        "metingen.csv",
        "lessen.csv",
        "verhalen.csv",
        "borging.csv",
        "vervolgafspraken.csv",
        "netwerk.csv",
    }


def test_the_rows_match_the_proeftuin_s_data(client, gemeente_a, data, facilitator, member):
    client.force_login(facilitator)
    archive = _zip(client, gemeente_a)
    casussen = _rows(archive, "05-casussen.csv")
    assert casussen[0][:4] == ["Casus number", "Status", "Age group", "Condition"]
    assert len(casussen) == 2  # the discussed casus; the draft is its author's
    assert casussen[1][0] == str(data.pk)
    assert casussen[1][2:4] == ["85 and over", "Heart failure"]
    assert casussen[1][9] == "Exchange of information"
    acties = _rows(archive, "07-verbeteracties.csv")
    assert [r[0] for r in acties[1:]] == ["MDO"]  # not the other proeftuin's action
    assert len(_rows(archive, "08-voortgang.csv")) == 2
    assert len(_rows(archive, "09-metingen.csv")) == 2
    assert [r[0] for r in _rows(archive, "10-lessen.csv")[1:]] == ["Koffie helpt"]
    verhalen = _rows(archive, "11-verhalen.csv")
    assert [r[2] for r in verhalen[1:]] == ["Met toestemming"]
    aanwezig = _rows(archive, "04-aanwezigheid.csv")
    with every_gemeente():
        assert [r[2] for r in aanwezig[1:]] == [str(member), "Gast Een"]
    assert _rows(archive, "06-inzichten.csv")[1][:2] == [str(data.pk), "Eerder samen om tafel"]
    netwerk = _rows(archive, "14-netwerk.csv")
    assert netwerk[1][:5] == ["At the start", "1", "2", "1", "1"]
    assert netwerk[2][:2] == ["At the harvest", "0"]
    assert _rows(archive, "02-toezeggingen.csv")[1][1] == "Wmo-team"


# 22:30 UTC on 15 June is half past midnight on 16 June in the Netherlands (summer time).
LATE = datetime.datetime(2026, 6, 15, 22, 30, tzinfo=datetime.UTC)


def test_times_and_dates_are_written_in_dutch_time_not_in_utc(
    client, gemeente_a, data, facilitator
):
    with every_gemeente():
        bijeenkomst = Bijeenkomst.objects.get(titel="Start")
        bijeenkomst.begin, bijeenkomst.eind = LATE, LATE + datetime.timedelta(hours=2)
        bijeenkomst.save()
        Casus.objects.filter(pk=data.pk).update(
            created_at=LATE, ingediend_op=LATE, besproken_op=LATE
        )
        Inzicht.objects.filter(casus=data).update(created_at=LATE)
        Les.objects.update(created_at=LATE)
    client.force_login(facilitator)
    archive = _zip(client, gemeente_a)
    meeting = dict(zip(*_rows(archive, "03-bijeenkomsten.csv"), strict=True))
    assert (meeting["Start"], meeting["End"]) == ("2026-06-16 00:30", "2026-06-16 02:30")
    assert {r[1] for r in _rows(archive, "04-aanwezigheid.csv")[1:]} == {"2026-06-16"}
    casus = dict(zip(*_rows(archive, "05-casussen.csv"), strict=True))
    assert [casus["Created on"], casus["Submitted on"], casus["Discussed on"]] == ["2026-06-16"] * 3
    assert dict(zip(*_rows(archive, "06-inzichten.csv"), strict=True))["Recorded on"] == (
        "2026-06-16"
    )
    assert dict(zip(*_rows(archive, "10-lessen.csv"), strict=True))["Written on"] == "2026-06-16"


def test_no_casus_text_and_no_individual_answer_is_in_the_export(
    client, gemeente_a, data, facilitator
):
    client.force_login(facilitator)
    archive = _zip(client, gemeente_a)
    everything = b"".join(archive.read(name) for name in archive.namelist()).decode("utf-8")
    assert "Geheimtekst" not in everything
    assert "Zonder toestemming" not in everything
    assert "Respondent" not in everything.replace("Respondents", "")


def test_another_proeftuin_is_exported_when_asked_for(client, gemeente_a, data, facilitator):
    with every_gemeente():
        ander = Proeftuin.objects.get(naam="Oude proeftuin")
    client.force_login(facilitator)
    archive = _zip(client, gemeente_a, proeftuin=ander.pk)
    assert [r[0] for r in _rows(archive, "07-verbeteracties.csv")[1:]] == ["Oude actie"]


def test_a_formula_in_a_text_is_exported_as_text(client, gemeente_a, proeftuin, facilitator):
    with every_gemeente():
        LesFactory(gemeente=gemeente_a, proeftuin=proeftuin, titel="=HYPERLINK(1)")
    client.force_login(facilitator)
    archive = _zip(client, gemeente_a)
    assert _rows(archive, "10-lessen.csv")[1][0] == "'=HYPERLINK(1)"


def test_the_export_is_recorded_in_the_audit_log(client, gemeente_a, proeftuin, facilitator):
    client.force_login(facilitator)
    _zip(client, gemeente_a)
    with every_gemeente():
        regel = AuditRegel.objects.get(actie="export")
        assert regel.object_id == proeftuin.pk


@pytest.mark.parametrize("who", ["member", "readonly_member"])
def test_professionals_and_bestuurders_may_not_export(who, request, client, gemeente_a, proeftuin):
    client.force_login(request.getfixturevalue(who))
    assert client.get(ourl("export", gemeente_a)).status_code == 403
    assert client.get(ourl("export_zip", gemeente_a)).status_code == 403


def test_a_member_of_another_gemeente_gets_404(client, gemeente_a, proeftuin, outsider):
    client.force_login(outsider)
    assert client.get(ourl("export", gemeente_a)).status_code == 404
    assert client.get(ourl("export_zip", gemeente_a)).status_code == 404


def test_a_proeftuin_of_another_gemeente_is_never_exported(
    client, gemeente_a, gemeente_b, proeftuin, facilitator
):
    with every_gemeente():
        van_b = Proeftuin.objects.get(gemeente=gemeente_b)
    client.force_login(facilitator)
    archive = _zip(client, gemeente_a, proeftuin=van_b.pk)  # falls back to A's own
    assert "Proeftuin A" in archive.read("LEESMIJ.txt").decode("utf-8-sig")
    assert "Geheime" not in b"".join(archive.read(n) for n in archive.namelist()).decode()


def test_the_export_page_offers_the_download(client, gemeente_a, proeftuin, beleidsadviseur):
    client.force_login(beleidsadviseur)
    body = client.get(ourl("export", gemeente_a)).content.decode()
    assert ourl("export_zip", gemeente_a) in body
    assert "05-casussen.csv" in body
