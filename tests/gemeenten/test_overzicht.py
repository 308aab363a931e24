"""The facilitator's overview across her gemeenten: one row per proeftuin, in constant queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from gemeenten import checklist
from gemeenten.models import Commitment, Fase, Gemeente, Organisatie, Proeftuin
from kern.permissions import Rol
from tests.factories import (
    CommitmentFactory,
    GemeenteFactory,
    KengetalFactory,
    KerngroeplidFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
    ProeftuinFactory,
)
from tests.scopes import every_gemeente

OVERZICHT = reverse("overzicht")


def names(response):
    return [row["proeftuin"].naam for row in response.context["rows"]]


def test_anonymous_visitors_must_log_in(client, db):
    response = client.get(OVERZICHT)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


@pytest.mark.parametrize("who", ["member", "readonly_member", "beleidsadviseur"])
def test_who_facilitates_nowhere_may_not_see_it(who, request, client):
    client.force_login(request.getfixturevalue(who))
    assert client.get(OVERZICHT).status_code == 403
    assert OVERZICHT not in client.get(reverse("home")).text


def test_the_home_page_links_it_for_a_facilitator(client, facilitator):
    client.force_login(facilitator)
    assert f'href="{OVERZICHT}"' in client.get(reverse("home")).text


def test_it_shows_only_proeftuinen_where_she_is_facilitator(
    client, facilitator, outsider, gemeente_a, gemeente_b
):
    with every_gemeente():
        elders = GemeenteFactory(naam="Elders", slug="elders")
        ProeftuinFactory(gemeente=elders, naam="Proeftuin waar zij beleidsadviseur is")
        LidmaatschapFactory(gemeente=elders, user=facilitator, role=Rol.BELEIDSADVISEUR)
        tweede = GemeenteFactory(naam="Tweede", slug="tweede")
        ProeftuinFactory(gemeente=tweede, naam="Proeftuin Tweede")
        LidmaatschapFactory(gemeente=tweede, user=facilitator, role=Rol.FACILITATOR)
    client.force_login(facilitator)
    response = client.get(OVERZICHT)
    assert response.status_code == 200
    assert sorted(names(response)) == ["Proeftuin A", "Proeftuin Tweede"]
    assert "Geheime proeftuin B" not in response.text
    assert "beleidsadviseur is" not in response.text


def test_a_row_names_the_next_phase_and_what_the_checklist_lacks(client, facilitator):
    client.force_login(facilitator)
    (row,) = client.get(OVERZICHT).context["rows"]
    assert row["volgende"] == "inventarisatie"
    assert "Een trekker benoemd" in [str(item.label) for item in row["open_items"]]


def test_a_row_shows_what_needs_attention(client, facilitator, gemeente_a):
    with every_gemeente():
        proeftuin = Proeftuin.objects.get(gemeente=gemeente_a)
        CommitmentFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            organisatie=Organisatie.objects.get(gemeente=gemeente_a),
            toegezegd_op=datetime.date(2026, 1, 1),
            verwacht_op=datetime.date(2026, 2, 1),
        )
    client.force_login(facilitator)
    response = client.get(OVERZICHT)
    (row,) = response.context["rows"]
    labels = [str(item.label) for item in row["aandacht"]]
    assert labels == [
        "1 partner zonder contactpersoon",
        "1 toezegging over tijd",
        "Geen trekker benoemd",
    ]
    assert "Welzijn A" in response.text


def test_nothing_needs_attention_when_all_is_well(client, facilitator, gemeente_a):
    with every_gemeente():
        Proeftuin.objects.filter(gemeente=gemeente_a).update(trekker="Tineke")
        Organisatie.objects.filter(gemeente=gemeente_a).update(contactpersoon_naam="Carla")
        CommitmentFactory(
            gemeente=gemeente_a,
            proeftuin=Proeftuin.objects.get(gemeente=gemeente_a),
            organisatie=Organisatie.objects.get(gemeente=gemeente_a),
            status=Commitment.Status.GELEVERD,
            verwacht_op=datetime.date(2026, 2, 1),
            toegezegd_op=datetime.date(2026, 1, 1),
        )
    client.force_login(facilitator)
    (row,) = client.get(OVERZICHT).context["rows"]
    assert row["aandacht"] == []


def make_busy_gemeenten(facilitator, count, start=0):
    """``count`` proeftuinen in gemeenten full of partners, commitments and figures."""
    with every_gemeente():
        for n in range(start, start + count):
            gemeente = GemeenteFactory(naam=f"Druk {n}", slug=f"druk-{n}")
            LidmaatschapFactory(gemeente=gemeente, user=facilitator, role=Rol.FACILITATOR)
            proeftuin = ProeftuinFactory(gemeente=gemeente)
            for _ in range(3):
                organisatie = OrganisatieFactory(gemeente=gemeente)
                KerngroeplidFactory(gemeente=gemeente, organisatie=organisatie)
                CommitmentFactory(
                    gemeente=gemeente,
                    proeftuin=proeftuin,
                    organisatie=organisatie,
                    toegezegd_op=datetime.date(2026, 1, 1),
                    verwacht_op=datetime.date(2026, 2, 1),
                )
            KengetalFactory(gemeente=gemeente)


def app_queries(client):
    """The queries of one overview request, without row-level security's set_config calls and
    the session's save at the end of every request (the inactivity time-out renews it)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(OVERZICHT)
    session_save = ("SAVEPOINT", 'UPDATE "django_session"')
    return response, [
        q
        for q in captured.captured_queries
        if "set_config" not in q["sql"] and not any(s in q["sql"] for s in session_save)
    ]


def test_the_number_of_queries_does_not_grow_with_the_proeftuinen(db, client):
    with every_gemeente():
        facilitator = LidmaatschapFactory(
            gemeente=GemeenteFactory(naam="Eigen", slug="eigen"), role=Rol.FACILITATOR
        ).user
        lookups = len(checklist.prefetch_lookups())
    client.force_login(facilitator)
    make_busy_gemeenten(facilitator, 1)
    response, one = app_queries(client)
    assert len(response.context["rows"]) == 1
    make_busy_gemeenten(facilitator, 4, start=1)
    response, five = app_queries(client)
    assert len(response.context["rows"]) == 5
    assert len(five) == len(one)
    # Session, user, memberships (the user's gemeenten, then their rows), proeftuinen, and one
    # query per lookup the checks declare.
    assert len(one) <= 5 + lookups


def test_each_proeftuin_gets_the_rows_its_own_phase_reads(db, client):
    """At landelijk scale, loading every phase's rows for every proeftuin built thousands of
    objects no check of the page read (issue 9)."""
    from tests.casussen.factories import CasusFactory

    with every_gemeente():
        facilitator = LidmaatschapFactory(
            gemeente=GemeenteFactory(naam="Eigen", slug="eigen"), role=Rol.FACILITATOR
        ).user
    make_busy_gemeenten(facilitator, 4)
    with every_gemeente():
        druk = Gemeente.objects.filter(slug__startswith="druk-")
        for fase, gemeente in zip(Fase.values, druk, strict=True):
            proeftuin = Proeftuin.objects.get(gemeente=gemeente)
            Proeftuin.objects.filter(pk=proeftuin.pk).update(fase=fase)
            CasusFactory(gemeente=gemeente, proeftuin=proeftuin)
    with every_gemeente():
        loaded = checklist.prefetch_current_many(
            checklist.annotated(Proeftuin.objects.filter(gemeente__in=druk))
        )
    assert {p.fase for p in loaded} == set(Fase.values)
    for proeftuin in loaded:
        fase, cache = proeftuin.fase, proeftuin._prefetched_objects_cache
        assert ("casussen" in cache) == (fase == Fase.INVENTARISATIE)
        assert ("commitments" in cache) == (fase == Fase.STARTBIJEENKOMST)
        assert "verbeteracties" in cache  # the attention checks read them in every phase
    client.force_login(facilitator)
    response, queries = app_queries(client)
    rows = {row["proeftuin"].fase: row for row in response.context["rows"]}
    assert set(rows) == set(Fase.values)
    open_labels = [str(item.label) for item in rows[Fase.INVENTARISATIE]["open_items"]]
    assert "Casussen ingebracht" in open_labels  # "Casussen brought in"
    # Still one query per lookup at most (and the proeftuinen loaded again for the checks),
    # with proeftuinen in every phase.
    with every_gemeente():
        lookups = len(checklist.prefetch_lookups())
    assert len(queries) <= 6 + lookups


def test_the_checklists_come_from_the_cache_until_the_gemeente_changes(db, client):
    """The second view reads no checklist rows; a change in one gemeente is seen at once."""
    with every_gemeente():
        facilitator = LidmaatschapFactory(
            gemeente=GemeenteFactory(naam="Eigen", slug="eigen"), role=Rol.FACILITATOR
        ).user
    make_busy_gemeenten(facilitator, 3)
    client.force_login(facilitator)
    first, cold = app_queries(client)
    second, warm = app_queries(client)
    assert len(warm) < len(cold)
    assert not any("verbeteracties_verbeteractie" in q["sql"] for q in warm)
    assert [r["aandacht"] for r in second.context["rows"]] == [
        r["aandacht"] for r in first.context["rows"]
    ]
    before = {r["proeftuin"].gemeente.slug: r["aandacht"] for r in second.context["rows"]}
    assert "Geen trekker benoemd" in [str(i.label) for i in before["druk-1"]]

    with every_gemeente():
        proeftuin = Proeftuin.objects.get(gemeente__slug="druk-1")
        proeftuin.trekker = "Tineke"
        proeftuin.save()
    third, _queries = app_queries(client)
    rows = {r["proeftuin"].gemeente.slug: r for r in third.context["rows"]}
    assert "Geen trekker benoemd" not in [str(i.label) for i in rows["druk-1"]["aandacht"]]
    assert rows["druk-2"]["aandacht"] == before["druk-2"]
