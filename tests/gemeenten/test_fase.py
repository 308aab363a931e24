"""Moving a proeftuin on: a confirmation page with the checklist, then a recorded step."""

import datetime

import pytest

from gemeenten import checklist
from gemeenten.models import Commitment, Fase, FaseOvergang, Kengetal, Proeftuin, Wijziging
from kern.tenancy import gemeente_scope
from tests.factories import (
    CommitmentFactory,
    KengetalFactory,
    KerngroeplidFactory,
    LidmaatschapFactory,
    OrganisatieFactory,
)
from tests.scopes import every_gemeente
from tests.urls import url


@pytest.fixture(autouse=True)
def only_the_gemeenten_checks(monkeypatch):
    """These tests are about the gemeenten app's own products; the checks that later apps
    register (casussen, bijeenkomsten …) are tested in those apps."""

    def own(checks):
        return [check for check in checks if check.__module__.startswith("gemeenten.")]

    monkeypatch.setattr(
        checklist, "_checks", {fase: own(checks) for fase, checks in checklist._checks.items()}
    )
    monkeypatch.setattr(checklist, "_attention", own(checklist._attention))


def open_labels(proeftuin, gemeente):
    with gemeente_scope(gemeente):
        fresh = Proeftuin.objects.get(pk=proeftuin.pk)
        return {str(item.label) for item in checklist.open_items(fresh)}


def complete_the_startbijeenkomst(proeftuin, gemeente):
    with every_gemeente():
        Proeftuin.objects.filter(pk=proeftuin.pk).update(trekker="Tineke Trekker")
        for organisatie in gemeente.organisatie_set.all():
            organisatie.contactpersoon_naam = "Carla Contact"
            organisatie.save()
        KerngroeplidFactory(gemeente=gemeente, organisatie=gemeente.organisatie_set.first())
        for soort in Kengetal.Soort:
            KengetalFactory(gemeente=gemeente, soort=soort)
        CommitmentFactory(
            gemeente=gemeente,
            proeftuin=proeftuin,
            organisatie=None,
            soort=Commitment.Soort.MANDAAT,
            mandaat_door="Wethouder W.",
            uren_per_jaar=None,
        )


@pytest.mark.parametrize("who", ["member", "readonly_member", "beleidsadviseur"])
def test_only_a_facilitator_moves_the_proeftuin_on(who, request, client, proeftuin, gemeente_a):
    client.force_login(request.getfixturevalue(who))
    fase_url = url("proeftuin_fase", gemeente_a, pk=proeftuin.pk)
    assert client.get(fase_url).status_code == 403
    assert client.post(fase_url, {"van": "startbijeenkomst"}).status_code == 403
    page = client.get(url("proeftuin", gemeente_a, pk=proeftuin.pk))
    assert fase_url not in page.text
    with gemeente_scope(gemeente_a):
        assert Proeftuin.objects.get(pk=proeftuin.pk).fase == Fase.STARTBIJEENKOMST


def test_the_confirmation_lists_the_open_items_and_changes_nothing(
    client, facilitator, proeftuin, gemeente_a
):
    client.force_login(facilitator)
    page = client.get(url("proeftuin_fase", gemeente_a, pk=proeftuin.pk))
    assert page.status_code == 200
    assert page.context["volgende"] == Fase.INVENTARISATIE
    assert len(page.context["open_items"]) == 5
    assert 'name="van" value="startbijeenkomst"' in page.text
    with gemeente_scope(gemeente_a):
        assert Proeftuin.objects.get(pk=proeftuin.pk).fase == Fase.STARTBIJEENKOMST
        assert not FaseOvergang.objects.exists()


def test_moving_on_records_who_when_and_what_was_still_open(
    client, facilitator, proeftuin, gemeente_a
):
    client.force_login(facilitator)
    response = client.post(
        url("proeftuin_fase", gemeente_a, pk=proeftuin.pk), {"van": "startbijeenkomst"}
    )
    assert response.status_code == 302
    with gemeente_scope(gemeente_a):
        proeftuin.refresh_from_db()
        assert proeftuin.fase == Fase.INVENTARISATIE
        overgang = FaseOvergang.objects.get()
        assert (overgang.van, overgang.naar, overgang.by) == (
            "startbijeenkomst",
            "inventarisatie",
            facilitator,
        )
        assert overgang.at is not None
        assert len(overgang.open_punten) == 5
        assert all(punt["label"] for punt in overgang.open_punten)
        assert Wijziging.objects.of(proeftuin).get().actie == Wijziging.Actie.GEWIJZIGD
    page = client.get(url("proeftuin", gemeente_a, pk=proeftuin.pk))
    assert overgang.open_punten[0]["label"] in page.text
    assert facilitator.name in page.text


def test_a_complete_checklist_moves_on_without_open_items(
    client, facilitator, proeftuin, gemeente_a
):
    complete_the_startbijeenkomst(proeftuin, gemeente_a)
    assert open_labels(proeftuin, gemeente_a) == set()
    client.force_login(facilitator)
    page = client.get(url("proeftuin_fase", gemeente_a, pk=proeftuin.pk))
    assert page.context["open_items"] == []
    client.post(url("proeftuin_fase", gemeente_a, pk=proeftuin.pk), {"van": "startbijeenkomst"})
    with gemeente_scope(gemeente_a):
        assert FaseOvergang.objects.get().open_punten == []


def test_a_second_click_on_the_same_confirmation_does_not_skip_a_phase(
    client, facilitator, proeftuin, gemeente_a
):
    client.force_login(facilitator)
    fase_url = url("proeftuin_fase", gemeente_a, pk=proeftuin.pk)
    client.post(fase_url, {"van": "startbijeenkomst"})
    client.post(fase_url, {"van": "startbijeenkomst"})
    with gemeente_scope(gemeente_a):
        assert Proeftuin.objects.get(pk=proeftuin.pk).fase == Fase.INVENTARISATIE
        assert FaseOvergang.objects.count() == 1


def test_the_last_phase_has_no_next_one(client, facilitator, proeftuin, gemeente_a):
    with gemeente_scope(gemeente_a):
        Proeftuin.objects.filter(pk=proeftuin.pk).update(fase=Fase.VERANKERING)
    client.force_login(facilitator)
    fase_url = url("proeftuin_fase", gemeente_a, pk=proeftuin.pk)
    assert client.get(fase_url).context["volgende"] is None
    client.post(fase_url, {"van": "verankering"})
    with gemeente_scope(gemeente_a):
        assert Proeftuin.objects.get(pk=proeftuin.pk).fase == Fase.VERANKERING
        assert not FaseOvergang.objects.exists()


def test_the_checklist_warns_about_each_missing_product(proeftuin, gemeente_a):
    labels = open_labels(proeftuin, gemeente_a)
    assert labels == {
        "Bestuurlijk mandaat vastgelegd",
        "Een contactpersoon voor elke partner",
        "Een trekker benoemd",
        "De kerngroep heeft leden",
        "Cijfers van het gemeenteprofiel ingevuld",
    }


def test_each_product_clears_its_own_warning(proeftuin, gemeente_a):
    before = open_labels(proeftuin, gemeente_a)
    with every_gemeente():
        Proeftuin.objects.filter(pk=proeftuin.pk).update(trekker="Tineke")
    assert before - open_labels(proeftuin, gemeente_a) == {"Een trekker benoemd"}

    with every_gemeente():
        lid = LidmaatschapFactory(gemeente=gemeente_a)
        gemeente_a.organisatie_set.update(contactpersoon=lid)
    assert "Een contactpersoon voor elke partner" not in open_labels(proeftuin, gemeente_a)
    with every_gemeente():
        OrganisatieFactory(gemeente=gemeente_a)  # a new partner without one
    assert "Een contactpersoon voor elke partner" in open_labels(proeftuin, gemeente_a)


def test_a_withdrawn_mandate_does_not_count(proeftuin, gemeente_a):
    with every_gemeente():
        CommitmentFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            soort=Commitment.Soort.MANDAAT,
            mandaat_door="Wethouder W.",
            status=Commitment.Status.INGETROKKEN,
            reden_ingetrokken="Coalitie gevallen",
        )
    assert "Bestuurlijk mandaat vastgelegd" in open_labels(proeftuin, gemeente_a)
    with every_gemeente():
        Commitment.objects.update(status=Commitment.Status.TOEGEZEGD)
    assert "Bestuurlijk mandaat vastgelegd" not in open_labels(proeftuin, gemeente_a)


def test_a_later_app_registers_its_checks_for_its_phase(proeftuin, gemeente_a):
    @checklist.register(Fase.INVENTARISATIE)
    def twee_bijeenkomsten(p):
        return [checklist.Item("Twee bijeenkomsten gehouden", done=False)]

    try:
        with gemeente_scope(gemeente_a):
            assert [i.label for i in checklist.items(proeftuin, Fase.INVENTARISATIE)] == [
                "Twee bijeenkomsten gehouden"
            ]
            assert "Twee bijeenkomsten gehouden" not in {
                i.label for i in checklist.items(proeftuin)
            }
    finally:
        checklist._checks[Fase.INVENTARISATIE].remove(twee_bijeenkomsten)


def test_the_phase_dates_show_in_the_timeline(client, member, proeftuin, gemeente_a):
    with every_gemeente():
        overgang = FaseOvergang.objects.create(
            gemeente=gemeente_a, proeftuin=proeftuin, van="", naar="startbijeenkomst"
        )
        FaseOvergang.objects.filter(pk=overgang.pk).update(
            at=datetime.datetime(2026, 1, 5, 10, tzinfo=datetime.UTC)
        )
    client.force_login(member)
    page = client.get(url("proeftuin", gemeente_a, pk=proeftuin.pk))
    assert "5 januari 2026" in page.text
