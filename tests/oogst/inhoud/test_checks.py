"""The verankering checklist items of the oogst's content, and the demo oogst."""

import pytest
from django.utils import translation

from casussen.anonimisering import detect
from demo.loader import load_demo
from gemeenten import checklist
from gemeenten.models import Fase, Proeftuin
from kern.tenancy import gemeente_scope
from oogst.inhoud import demo
from oogst.inhoud.models import Borging, Les, Oogst, Verhaal, Vervolgafspraak
from tests.scopes import every_gemeente

from ..factories import BorgingFactory, LesFactory, VervolgafspraakFactory
from .fixtures import *  # noqa: F403
from .fixtures import ourl

LESSEN = "Lessons learnt recorded"
BORGING = "Embedding of every completed improvement action recorded"
VERVOLG = "Follow-up agreements made"


def _labels(gemeente, proeftuin, *, annotated=True):
    with gemeente_scope(gemeente), translation.override("en"):
        queryset = Proeftuin.objects.select_related("gemeente")
        if annotated:
            queryset = checklist.annotated(queryset)
        proeftuin = checklist.prefetch_current(queryset.get(pk=proeftuin.pk))
        return {str(i.label): i for i in checklist.items(proeftuin, Fase.VERANKERING)}


def test_the_verankering_checklist_asks_for_lessen_borging_and_vervolgafspraken(
    gemeente_a, proeftuin, actie
):
    labels = _labels(gemeente_a, proeftuin)
    assert not labels[LESSEN].done
    assert not labels[BORGING].done
    assert "1 completed action has no embedding" in str(labels[BORGING].hint)
    assert not labels[VERVOLG].done
    assert labels[LESSEN].link == ourl("overzicht", gemeente_a, f"?proeftuin={proeftuin.pk}#lessen")
    with every_gemeente():
        LesFactory(gemeente=gemeente_a, proeftuin=proeftuin)
        BorgingFactory(gemeente=gemeente_a, verbeteractie=actie)
        VervolgafspraakFactory(gemeente=gemeente_a, proeftuin=proeftuin)
    labels = _labels(gemeente_a, proeftuin)
    assert labels[LESSEN].done and labels[BORGING].done and labels[VERVOLG].done


def test_a_proeftuin_loaded_without_the_annotations_gets_the_same_answers(
    gemeente_a, proeftuin, actie
):
    assert {k: i.done for k, i in _labels(gemeente_a, proeftuin, annotated=False).items()} == {
        k: i.done for k, i in _labels(gemeente_a, proeftuin).items()
    }
    with every_gemeente():
        LesFactory(gemeente=gemeente_a, proeftuin=proeftuin)
        BorgingFactory(gemeente=gemeente_a, verbeteractie=actie)
    labels = _labels(gemeente_a, proeftuin, annotated=False)
    assert labels[LESSEN].done and labels[BORGING].done and not labels[VERVOLG].done


def test_the_checklist_items_make_no_query_of_their_own(
    gemeente_a, proeftuin, actie, django_assert_num_queries
):
    with every_gemeente():
        LesFactory(gemeente=gemeente_a, proeftuin=proeftuin)
        # prefetch_current loads what the checks of the proeftuin's own phase read.
        Proeftuin.objects.filter(pk=proeftuin.pk).update(fase=Fase.VERANKERING)
    with gemeente_scope(gemeente_a):
        queryset = checklist.annotated(Proeftuin.objects.select_related("gemeente"))
        tuin = checklist.prefetch_current(queryset.get(pk=proeftuin.pk))
        with django_assert_num_queries(0):
            checklist.items(tuin, Fase.VERANKERING)


def test_the_demo_texts_pass_the_anonymisation_gate():
    for text in demo.gated_texts():
        assert detect(text) == [], text


@pytest.mark.slow
@pytest.mark.django_db
def test_the_demo_oogst_of_oude_ijsselstreek_is_complete_and_loads_twice(client):
    load_demo()
    load_demo()  # idempotent
    with every_gemeente():
        assert Oogst.objects.count() == 1
        oogst = Oogst.objects.select_related("proeftuin", "gemeente").get()
        assert oogst.gemeente.slug == "oude-ijsselstreek"
        assert oogst.proeftuin.fase == Fase.VERANKERING
        assert oogst.voorwoord and oogst.hoe_verder
        assert Les.objects.count() == len(demo.LESSEN)
        assert all(les.succesfactoren.exists() for les in Les.objects.all())
        assert Verhaal.objects.filter(toestemming=False).count() == 1
        assert Verhaal.objects.count() == len(demo.VERHALEN)
        assert Borging.objects.count() == 2
        assert Vervolgafspraak.objects.count() == len(demo.VERVOLG)
        gemeente, proeftuin = oogst.gemeente, oogst.proeftuin
    labels = _labels(gemeente, proeftuin)
    assert labels[LESSEN].done and labels[BORGING].done and labels[VERVOLG].done
