"""The demo's verbeteracties, the checklist items of the verbeteren phase and the attention
items, and inzichten of another gemeente."""

import datetime

import pytest
from django.utils import timezone, translation

from gemeenten import checklist
from gemeenten.models import Fase, Proeftuin
from proeftuin.demo import load_demo
from proeftuin.tenancy import gemeente_scope
from tests.casussen.factories import InzichtFactory
from tests.scopes import every_gemeente
from verbeteracties.models import Indicator, Meting, Verbeteractie, Voortgang

from .conftest import vurl
from .factories import IndicatorFactory, VerbeteractieFactory


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
