"""The anonymisation gate is also the floor of the write path: a service called without the
form's check still refuses a shared text with an identifying detail, before anything (history
included) is written; a finding marked as not identifying passes."""

import pytest

from casussen import gate, services
from casussen.models import GemarkeerdeVondst
from gemeenten.models import Wijziging
from kern.tenancy import gemeente_scope
from kern.writes import TextRefused

from .conftest import PHONE

IDENTIFYING = f"Bel haar dochter op {PHONE} als het slechter gaat."


def test_a_changed_text_with_an_identifying_detail_is_refused_and_nothing_is_written(
    own_casus, member, gemeente_a
):
    with gemeente_scope(gemeente_a):
        history_before = Wijziging.objects.of(own_casus).count()
        own_casus.verloop = IDENTIFYING
        with pytest.raises(TextRefused) as refused:
            services.casus_save(casus=own_casus, by=member, expected_version=own_casus.version)
        own_casus.refresh_from_db()
        assert own_casus.verloop != IDENTIFYING
        assert Wijziging.objects.of(own_casus).count() == history_before
    assert [(v.field, v.kind) for v in refused.value.findings] == [("verloop", "telefoon")]


def test_a_finding_marked_as_not_identifying_passes(own_casus, member, gemeente_a):
    [finding] = gate.detect(IDENTIFYING)
    marks = {gate.mark_key(finding.kind, finding.text): "Het nummer van de huisartsenpost"}
    with gemeente_scope(gemeente_a):
        own_casus.verloop = IDENTIFYING
        services.casus_save(
            casus=own_casus, by=member, expected_version=own_casus.version, marks=marks
        )
        own_casus.refresh_from_db()
        assert own_casus.verloop == IDENTIFYING
        # Stored with the casus, the mark also lets an inzicht quote the same number.
        marked = GemarkeerdeVondst.objects.keys_of(own_casus)
        assert gate.mark_key(finding.kind, finding.text) in marked


def test_an_unchanged_text_is_not_checked_again(own_casus, member, gemeente_a):
    """Texts stored before the gate knew a pattern stay editable in their other fields."""
    with gemeente_scope(gemeente_a):
        type(own_casus).objects.filter(pk=own_casus.pk).update(wat_hielp=IDENTIFYING)
        own_casus.refresh_from_db()
        own_casus.vragen = "Wie belt de familie?"
        services.casus_save(casus=own_casus, by=member, expected_version=own_casus.version)
        own_casus.refresh_from_db()
        assert own_casus.vragen == "Wie belt de familie?"


def test_a_les_is_held_to_the_same_gate_in_the_write_path(gemeente_a, proeftuin, facilitator):
    from oogst.inhoud import services as inhoud
    from oogst.inhoud.models import Les
    from tests.oogst.factories import LesFactory

    with gemeente_scope(gemeente_a):
        les = LesFactory(gemeente=gemeente_a, proeftuin=proeftuin)
        les.tekst = IDENTIFYING
        with pytest.raises(TextRefused):
            inhoud.les_save(les=les, by=facilitator, succesfactoren=[], expected_version=1)
        assert Les.objects.get(pk=les.pk).tekst != IDENTIFYING
        [finding] = gate.detect(IDENTIFYING)
        marks = {gate.mark_key(finding.kind, finding.text): "Het nummer van de huisartsenpost"}
        inhoud.les_save(les=les, by=facilitator, succesfactoren=[], expected_version=1, marks=marks)
        assert Les.objects.get(pk=les.pk).tekst == IDENTIFYING


def test_the_write_path_knows_the_gemeente_of_the_row(own_casus, member, gemeente_a):
    """The proeftuin's own gemeente is no finding in its texts; another town still is."""
    from gemeenten.models import Gemeente

    Gemeente.objects.filter(pk=gemeente_a.pk).update(naam="Zutphen")
    own = "Overleg met de gemeente Zutphen over de Wmo; Zutphen betaalt de coördinatie."
    with gemeente_scope(gemeente_a):
        own_casus.refresh_from_db()
        own_casus.verloop = own
        services.casus_save(casus=own_casus, by=member, expected_version=own_casus.version)
        own_casus.refresh_from_db()
        assert own_casus.verloop == own
        own_casus.verloop = "Zij verhuisde naar Deventer, bij haar zus."
        with pytest.raises(TextRefused) as refused:
            services.casus_save(casus=own_casus, by=member, expected_version=own_casus.version)
    assert [(v.field, v.kind, v.text) for v in refused.value.findings] == [
        ("verloop", "plaats", "Deventer")
    ]
