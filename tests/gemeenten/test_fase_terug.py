"""Undoing a phase step (issue 23, point 8): the facilitator puts the proeftuin back one phase
with a reason; the phase history keeps both steps."""

import pytest

from gemeenten.models import Fase, FaseOvergang, Proeftuin
from kern.tenancy import gemeente_scope
from tests.urls import url


def move_on(client, proeftuin, gemeente):
    return client.post(url("proeftuin_fase", gemeente, pk=proeftuin.pk), {"van": proeftuin.fase})


def undo(client, proeftuin, gemeente, reden="Te vroeg: het mandaat is nog niet rond", van=None):
    return client.post(
        url("proeftuin_fase_terug", gemeente, pk=proeftuin.pk),
        {"van": van or Proeftuin.objects.get(pk=proeftuin.pk).fase, "reden": reden},
    )


def test_a_step_undone_keeps_both_steps_with_the_reason(client, facilitator, proeftuin, gemeente_a):
    client.force_login(facilitator)
    move_on(client, proeftuin, gemeente_a)
    with gemeente_scope(gemeente_a):
        response = undo(client, proeftuin, gemeente_a)
    assert response.status_code == 302
    with gemeente_scope(gemeente_a):
        assert Proeftuin.objects.get(pk=proeftuin.pk).fase == Fase.STARTBIJEENKOMST
        steps = list(FaseOvergang.objects.order_by("at", "pk"))
    assert [(s.van, s.naar, s.is_terug) for s in steps] == [
        ("startbijeenkomst", "inventarisatie", False),
        ("inventarisatie", "startbijeenkomst", True),
    ]
    assert steps[1].reden == "Te vroeg: het mandaat is nog niet rond" and steps[1].by == facilitator
    page = client.get(url("proeftuin", gemeente_a, pk=proeftuin.pk)).content.decode()
    assert "Te vroeg: het mandaat is nog niet rond" in page


def test_a_step_is_not_undone_without_a_reason(client, facilitator, proeftuin, gemeente_a):
    client.force_login(facilitator)
    move_on(client, proeftuin, gemeente_a)
    with gemeente_scope(gemeente_a):
        response = undo(client, proeftuin, gemeente_a, reden="   ")
        assert response.status_code == 400
        assert Proeftuin.objects.get(pk=proeftuin.pk).fase == Fase.INVENTARISATIE
        assert FaseOvergang.objects.count() == 1


def test_the_first_phase_has_no_step_to_undo(client, facilitator, proeftuin, gemeente_a):
    client.force_login(facilitator)
    page = client.get(url("proeftuin_fase_terug", gemeente_a, pk=proeftuin.pk))
    assert page.status_code == 200 and page.context["vorige"] is None
    with gemeente_scope(gemeente_a):
        assert undo(client, proeftuin, gemeente_a).status_code == 400
        assert not FaseOvergang.objects.exists()


def test_a_second_click_does_not_go_back_two_phases(client, facilitator, proeftuin, gemeente_a):
    client.force_login(facilitator)
    move_on(client, proeftuin, gemeente_a)
    with gemeente_scope(gemeente_a):
        undo(client, proeftuin, gemeente_a, van="inventarisatie")
        undo(client, proeftuin, gemeente_a, van="inventarisatie")
        assert Proeftuin.objects.get(pk=proeftuin.pk).fase == Fase.STARTBIJEENKOMST
        assert FaseOvergang.objects.count() == 2


def test_an_identifying_reason_is_refused_with_the_input_kept(
    client, facilitator, proeftuin, gemeente_a
):
    client.force_login(facilitator)
    move_on(client, proeftuin, gemeente_a)
    with gemeente_scope(gemeente_a):
        response = undo(client, proeftuin, gemeente_a, reden="Bel mevrouw op 06-12345678")
        assert response.status_code == 400
        assert "06-12345678" in response.content.decode()
        assert Proeftuin.objects.get(pk=proeftuin.pk).fase == Fase.INVENTARISATIE


@pytest.mark.parametrize("who", ["member", "readonly_member", "beleidsadviseur"])
def test_only_a_facilitator_undoes_a_step(who, request, client, proeftuin, gemeente_a):
    with gemeente_scope(gemeente_a):
        Proeftuin.objects.filter(pk=proeftuin.pk).update(fase=Fase.INVENTARISATIE)
    client.force_login(request.getfixturevalue(who))
    terug = url("proeftuin_fase_terug", gemeente_a, pk=proeftuin.pk)
    assert client.get(terug).status_code == 403
    assert client.post(terug, {"van": "inventarisatie", "reden": "x"}).status_code == 403
