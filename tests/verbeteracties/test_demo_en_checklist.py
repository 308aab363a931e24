"""The demo's verbeteracties, the checklist items of the verbeteren phase and the attention
items, and inzichten of another gemeente."""

import datetime

import pytest
from django.utils import timezone, translation

from demo.loader import load_demo
from gemeenten import checklist
from gemeenten.models import Fase, Proeftuin
from kern.tenancy import gemeente_scope
from tests.casussen.factories import InzichtFactory
from tests.scopes import every_gemeente
from verbeteracties.models import Indicator, Meting, Verbeteractie, Voortgang

from .conftest import vurl
from .factories import IndicatorFactory, VerbeteractieFactory


@pytest.mark.slow
def test_the_demo_has_actions_with_updates_and_metingen_where_the_phase_fits(db):
    load_demo()
    load_demo()  # idempotent
    with every_gemeente():
        per_gemeente = {
            slug: Verbeteractie.objects.filter(gemeente__slug=slug).count()
            for slug in ("oude-ijsselstreek", "zundert", "stichtse-vecht", "roermond")
        }
        assert per_gemeente == {
            "oude-ijsselstreek": 2,
            "zundert": 2,
            "stichtse-vecht": 0,
            "roermond": 0,
        }
        namen = set(Indicator.objects.values_list("naam", flat=True))
        assert namen == {
            "Casussen besproken in het zesweekse MDO",
            "Verwijzingen huisarts → geestelijk verzorger",
            "Mantelzorgers bereikt via het inloopspreekuur",
        }
        assert Voortgang.objects.count() == 8
        for meting in Meting.objects.select_related("indicator__actie"):
            actie = meting.indicator.actie
            assert actie.start <= meting.datum <= actie.eind


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def test_the_verbeteren_checklist_asks_for_running_actions_with_indicators(gemeente_a, proeftuin):
    with gemeente_scope(gemeente_a):
        labels = {str(i.label): i.done for i in checklist.items(proeftuin, Fase.VERBETEREN)}
    assert labels["Improvement actions chosen and running"] is False
    with every_gemeente():
        actie = VerbeteractieFactory(gemeente=gemeente_a, proeftuin=proeftuin, status="loopt")
    with gemeente_scope(gemeente_a):
        proeftuin = Proeftuin.objects.get(pk=proeftuin.pk)
        labels = {str(i.label): i.done for i in checklist.items(proeftuin, Fase.VERBETEREN)}
    assert labels["Improvement actions chosen and running"] is True
    assert labels["Every running action has an indicator"] is False
    with every_gemeente():
        IndicatorFactory(gemeente=gemeente_a, actie=actie)
    with gemeente_scope(gemeente_a):
        proeftuin = Proeftuin.objects.get(pk=proeftuin.pk)
        labels = {str(i.label): i.done for i in checklist.items(proeftuin, Fase.VERBETEREN)}
    assert labels["Every running action has an indicator"] is True


def test_a_silent_action_past_its_end_is_a_point_of_attention(gemeente_a, proeftuin):
    today = timezone.localdate()
    with every_gemeente():
        VerbeteractieFactory(
            gemeente=gemeente_a,
            proeftuin=proeftuin,
            status="loopt",
            start=today - datetime.timedelta(days=200),
            eind=today - datetime.timedelta(days=1),
        )
        VerbeteractieFactory(
            gemeente=gemeente_a, proeftuin=proeftuin, status="idee", deleted_at=timezone.now()
        )
    with gemeente_scope(gemeente_a):
        items = checklist.attention(Proeftuin.objects.get(pk=proeftuin.pk))
    labels = " | ".join(str(i.label) for i in items)
    assert "1 running improvement action has had no update" in labels
    assert "1 improvement action is past its end date" in labels


def test_an_inzicht_of_another_gemeente_cannot_be_the_starting_point(
    client, member, gemeente_a, gemeente_b
):
    with every_gemeente():
        inzicht = InzichtFactory(gemeente=gemeente_b, titel="Geheim-B inzicht")
    client.force_login(member)
    response = client.get(vurl("new", gemeente_a) + f"?inzicht={inzicht.pk}")
    assert response.status_code == 404
    assert "Geheim-B" not in response.content.decode()


def test_the_checks_answer_the_same_from_the_prefetch_as_from_the_rows(gemeente_a, proeftuin):
    """The cockpit's prefetch hands the checks each action's last update date and whether it
    has an indicator, counted by the database; without it they read the rows themselves."""
    today = timezone.localdate()
    with every_gemeente():
        measured = VerbeteractieFactory(gemeente=gemeente_a, proeftuin=proeftuin, status="loopt")
        IndicatorFactory(gemeente=gemeente_a, actie=measured)
        for days in (3, 90):
            Voortgang.objects.create(
                gemeente=gemeente_a,
                actie=measured,
                datum=today - datetime.timedelta(days=days),
                licht="op_koers",
                tekst="[naam] belde terug.",
            )
        silent = VerbeteractieFactory(gemeente=gemeente_a, proeftuin=proeftuin, status="loopt")
        Voortgang.objects.create(
            gemeente=gemeente_a,
            actie=silent,
            datum=today - datetime.timedelta(days=200),
            licht="aandacht",
            tekst="Wacht op de gemeente.",
        )
        VerbeteractieFactory(gemeente=gemeente_a, proeftuin=proeftuin, status="loopt")
        Proeftuin.objects.filter(pk=proeftuin.pk).update(fase=Fase.VERBETEREN)

    def answers(proeftuin):
        return (
            [(str(i.label), i.done) for i in checklist.items(proeftuin)],
            [str(i.label) for i in checklist.attention(proeftuin)],
        )

    with gemeente_scope(gemeente_a):
        from_rows = answers(Proeftuin.objects.get(pk=proeftuin.pk))
        prefetched = checklist.prefetch_current(Proeftuin.objects.get(pk=proeftuin.pk))
        (first,) = [a for a in prefetched.verbeteracties.all() if a.pk == measured.pk]
        assert first.laatste_update == today - datetime.timedelta(days=3)
        assert first.heeft_indicator is True
        from_prefetch = answers(prefetched)
    assert from_prefetch == from_rows
    assert ("Every running action has an indicator", False) in from_rows[0]
    assert any("2 running improvement actions have had no update" in a for a in from_rows[1])
