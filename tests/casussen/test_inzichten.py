"""Inzichten per casus by the facilitator, the succesfactoren taxonomy, the overview "waar gaan
we mee aan de slag?" with its drill-down, the phase checklist, and constant query counts."""

import pytest

from casussen.models import Inzicht, InzichtKnelpunt, Succesfactor
from gemeenten import checklist
from gemeenten.models import Fase
from tests.scopes import every_gemeente

from .conftest import EMAIL, curl
from .factories import InzichtFactory, InzichtSuccesfactorFactory, KnelpuntFactory


@pytest.fixture
def factoren(gemeente_a):
    with every_gemeente():
        return list(Succesfactor.objects.filter(gemeente=gemeente_a).order_by("volgorde"))


def inzicht_data(**overrides):
    data = {"titel": "Eerder de geestelijk verzorger inschakelen", "toelichting": "", "version": ""}
    data.update(overrides)
    return data


def test_the_facilitator_records_an_inzicht_with_succesfactoren_and_categories(
    client, ingediend, facilitator, gemeente_a, factoren
):
    with every_gemeente():
        knelpunt = KnelpuntFactory(casus=ingediend, gemeente=gemeente_a)
    client.force_login(facilitator)
    data = inzicht_data(
        succesfactoren=[factoren[0].pk, factoren[2].pk],
        knelpunt_categorieen=["elkaar_niet_kennen", "financiering"],
        knelpunten=[knelpunt.pk],
    )
    response = client.post(curl("inzicht_new", gemeente_a, pk=ingediend.pk), data)
    assert response.status_code == 302
    with every_gemeente():
        inzicht = Inzicht.objects.get()
        assert set(inzicht.succesfactoren.all()) == {factoren[0], factoren[2]}
        assert list(inzicht.knelpunten.all()) == [knelpunt]
        assert InzichtKnelpunt.objects.get().gemeente == gemeente_a
    assert inzicht.knelpunt_categorieen == ["elkaar_niet_kennen", "financiering"]
    assert inzicht.casus_id == ingediend.pk and inzicht.by_id == facilitator.pk


def test_an_inzicht_passes_the_gate(client, ingediend, facilitator, gemeente_a):
    client.force_login(facilitator)
    response = client.post(
        curl("inzicht_new", gemeente_a, pk=ingediend.pk),
        inzicht_data(toelichting=f"Mail {EMAIL} voor meer."),
    )
    assert response.status_code == 400
    assert f"<mark>{EMAIL}</mark>" in response.content.decode()
    with every_gemeente():
        assert not Inzicht.objects.exists()


def test_a_professional_may_not_record_inzichten(client, ingediend, member, gemeente_a):
    client.force_login(member)
    assert client.get(curl("inzicht_new", gemeente_a, pk=ingediend.pk)).status_code == 403


def test_facilitators_add_rename_and_retire_succesfactoren(
    client, facilitator, member, gemeente_a, factoren
):
    client.force_login(member)
    assert client.get(curl("succesfactoren", gemeente_a)).status_code == 403
    client.force_login(facilitator)
    response = client.post(
        curl("succesfactoren", gemeente_a),
        {"naam": "Korte lijnen", "volgorde": "7", "actief": "on"},
    )
    assert response.status_code == 302
    factor = factoren[0]
    response = client.post(
        curl("succesfactor_edit", gemeente_a, pk=factor.pk),
        {"naam": "Elkaar echt kennen", "volgorde": "1"},  # actief unticked: retired
    )
    assert response.status_code == 302
    with every_gemeente():
        factor.refresh_from_db()
        assert Succesfactor.objects.filter(gemeente=gemeente_a, naam="Korte lijnen").exists()
    assert factor.naam == "Elkaar echt kennen" and not factor.actief
    duplicate = client.post(
        curl("succesfactoren", gemeente_a), {"naam": "korte lijnen", "volgorde": "8"}
    )
    assert duplicate.status_code == 400


def test_the_overview_counts_knelpunten_and_succesfactoren_and_drills_down(
    client, casus_factory, member, facilitator, gemeente_a, factoren
):
    with every_gemeente():
        a = casus_factory(status="besproken", titel="Casus over informatie")
        b = casus_factory(status="ingediend", titel="Casus over geld")
        concept = casus_factory(status="concept", titel="Nog een concept")
        KnelpuntFactory(casus=a, gemeente=gemeente_a, categorie="informatie_uitwisseling")
        KnelpuntFactory(casus=b, gemeente=gemeente_a, categorie="financiering")
        KnelpuntFactory(casus=concept, gemeente=gemeente_a, categorie="financiering")
        inzicht = InzichtFactory(
            casus=a, gemeente=gemeente_a, knelpunt_categorieen=["financiering"]
        )
        InzichtSuccesfactorFactory(inzicht=inzicht, gemeente=gemeente_a, succesfactor=factoren[1])
    client.force_login(facilitator)
    response = client.get(curl("overzicht", gemeente_a))
    assert response.status_code == 200
    rows = {row["value"]: row for row in response.context["knelpunten"]}
    assert (rows["financiering"]["casussen"], rows["financiering"]["inzichten"]) == (1, 1)
    assert rows["informatie_uitwisseling"]["casussen"] == 1
    factor_rows = {row["factor"].pk: row["inzichten"] for row in response.context["succesfactoren"]}
    assert factor_rows[factoren[1].pk] == 1 and factor_rows[factoren[0].pk] == 0
    assert "<svg" in response.content.decode()
    drill = client.get(curl("list", gemeente_a) + "?knelpunt=financiering").content.decode()
    assert "Casus over geld" in drill and "Casus over informatie" in drill  # via the inzicht
    address = curl("list", gemeente_a) + f"?succesfactor={factoren[1].pk}"
    drill = client.get(address).content.decode()
    assert "Casus over informatie" in drill and "Casus over geld" not in drill


def test_the_inventarisatie_checklist_follows_casussen_and_inzichten(
    casus_factory, gemeente_a, proeftuin_a
):
    def done():
        return [i.done for i in checklist.items(proeftuin_a, Fase.INVENTARISATIE)]

    with every_gemeente():
        assert sum(done()) == 0
        casus = casus_factory(status="besproken")
        InzichtFactory(casus=casus, gemeente=gemeente_a)
        # Discussed and insights recorded; three casussen brought in is not reached yet.
        assert sum(done()) == 2


def _make(casus_factory, gemeente_a, factoren, n):
    with every_gemeente():
        for i in range(n):
            casus = casus_factory(status="besproken")
            KnelpuntFactory(casus=casus, gemeente=gemeente_a)
            inzicht = InzichtFactory(casus=casus, gemeente=gemeente_a)
            InzichtSuccesfactorFactory(
                inzicht=inzicht, gemeente=gemeente_a, succesfactor=factoren[i % len(factoren)]
            )


@pytest.mark.parametrize("name", ["list", "overzicht"])
def test_the_list_and_the_overview_take_the_same_number_of_queries_for_1_and_10_casussen(
    client, casus_factory, facilitator, gemeente_a, factoren, name, django_assert_max_num_queries
):
    client.force_login(facilitator)
    _make(casus_factory, gemeente_a, factoren, 1)
    client.get(curl(name, gemeente_a))  # warm the session and content types
    from django.core.cache import caches
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    caches["fragmenten"].clear()  # both loads render the page (the new data renews its stamp)
    with CaptureQueriesContext(connection) as one:
        client.get(curl(name, gemeente_a))
    _make(casus_factory, gemeente_a, factoren, 9)
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(curl(name, gemeente_a))
    assert response.status_code == 200


def test_a_deleted_inzicht_leaves_the_counts_and_the_facilitator_brings_it_back(
    client, ingediend, facilitator, gemeente_a
):
    with every_gemeente():
        inzicht = InzichtFactory(casus=ingediend, gemeente=gemeente_a, titel="Weg en terug")
    client.force_login(facilitator)
    assert client.post(curl("inzicht_delete", gemeente_a, pk=inzicht.pk)).status_code == 302
    assert client.get(curl("overzicht", gemeente_a)).context["aantal_inzichten"] == 0
    page = client.get(curl("detail", gemeente_a, pk=ingediend.pk)).content.decode()
    assert "Weg en terug" in page  # under the deleted insights, with an undo button
    assert client.post(curl("inzicht_undelete", gemeente_a, pk=inzicht.pk)).status_code == 302
    assert client.get(curl("overzicht", gemeente_a)).context["aantal_inzichten"] == 1
