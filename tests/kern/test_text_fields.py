"""Every text field of every tenant model is declared: a shared free text the anonymisation gate
checks (``shared_text_fields``), a professional's name by purpose that the gate checks for
everything but names (``shared_name_fields``), or exempt with a written reason
(``text_exempt``). A field added later without a declaration fails here.

Exempt without a declaration, by their kind: fields with ``choices`` (a code from a list),
``EmailField``, ``URLField``, ``SlugField``, ``UUIDField`` and ``FileField`` (and their
subclasses): none of them holds free text.
"""

import datetime

import pytest
from django.apps import apps
from django.db import models

from casussen.models import GemarkeerdeVondst
from gemeenten.models import Organisatie, Wijziging
from gemeenten.services import commitments
from kern import writes
from kern.tenancy import TenantModel, gemeente_scope
from tests.factories import OrganisatieFactory
from verbeteracties import services as acties
from verbeteracties.models import Verbeteractie

IDENTIFYING = "Jan de Vries, BSN 111222333, woont Dorpsstraat 12"
AUTO_EXEMPT = (
    models.EmailField,
    models.URLField,
    models.SlugField,
    models.UUIDField,
    models.FileField,
)


def _text_fields(model):
    for field in model._meta.concrete_fields:
        if not isinstance(field, models.CharField | models.TextField):
            continue
        if field.choices or isinstance(field, AUTO_EXEMPT):
            continue
        yield field


def undeclared(model_list) -> list[str]:
    """ "app.Model.field" for each free text field not in exactly one declaration."""
    wrong = []
    for model in model_list:
        gated = set(getattr(model, "shared_text_fields", ()))
        named = set(getattr(model, "shared_name_fields", ()))
        exempt = getattr(model, "text_exempt", {})
        for field in _text_fields(model):
            declared = [field.name in gated, field.name in named, field.name in exempt]
            reason_given = field.name not in exempt or str(exempt[field.name]).strip()
            if declared.count(True) != 1 or not reason_given:
                wrong.append(f"{model._meta.label}.{field.name}")
    return wrong


def tenant_models():
    return [m for m in apps.get_models() if issubclass(m, TenantModel)]


def test_every_text_field_of_every_tenant_model_is_gated_or_exempt_with_a_reason():
    assert undeclared(tenant_models()) == []


def test_every_declared_name_is_a_text_field_of_its_model():
    """A declaration does not outlive its field (a renamed field would go unchecked)."""
    stale = []
    for model in tenant_models():
        names = {f.name for f in model._meta.concrete_fields}
        for name in (*writes.gated_fields(model), *getattr(model, "text_exempt", {})):
            if name not in names:
                stale.append(f"{model._meta.label}.{name}")
    assert stale == []


def test_a_missing_declaration_is_caught(monkeypatch):
    """The counter-test: take one field out of its declaration, and one field with an empty
    reason, and both are listed."""
    monkeypatch.setattr(
        Verbeteractie,
        "shared_text_fields",
        tuple(n for n in Verbeteractie.shared_text_fields if n != "beschrijving"),
    )
    monkeypatch.setattr(Organisatie, "text_exempt", {"naam": " "})
    assert undeclared(tenant_models()) == [
        "gemeenten.Organisatie.naam",
        "verbeteracties.Verbeteractie.beschrijving",
    ]


def test_a_field_declared_twice_is_caught(monkeypatch):
    monkeypatch.setattr(Organisatie, "shared_text_fields", ("contactpersoon_naam",), raising=False)
    assert undeclared([Organisatie]) == ["gemeenten.Organisatie.contactpersoon_naam"]


def test_a_verbeteractie_with_identifying_details_is_refused_and_nothing_is_stored(
    gemeente_a, proeftuin, facilitator
):
    with gemeente_scope(gemeente_a):
        history = Wijziging.objects.count()
        actie = Verbeteractie(
            proeftuin=proeftuin,
            titel="Vast aanspreekpunt",
            beschrijving=IDENTIFYING,
            start=datetime.date(2026, 5, 1),
            eind=datetime.date(2026, 10, 31),
        )
        with pytest.raises(writes.TextRefused) as refused:
            acties.actie_save(actie=actie, by=facilitator)
        assert not Verbeteractie.objects.filter(titel="Vast aanspreekpunt").exists()
        assert Wijziging.objects.count() == history
    # Every form shows the gate's findings to replace or mark: every kind counts.
    assert {(v.field, v.kind) for v in refused.value.findings} == {
        ("beschrijving", "naam"),
        ("beschrijving", "bsn"),
        ("beschrijving", "adres"),
    }


@pytest.mark.parametrize(
    "titel",
    [
        "Startbijeenkomst 14 april in het gemeentehuis",
        "Overleg met Sensire en de huisartsen van Oude IJsselstreek",
    ],
)
def test_the_words_of_ordinary_work_are_saved_once_marked_and_the_mark_is_recorded(
    titel, gemeente_a, proeftuin, facilitator
):
    """A date, a place or an organisation is often the work itself: the form shows it, the
    author marks it as not identifying with a reason, and the save records the mark on the
    row (a hash and the reason, as a casus's), so it is not flagged again there."""
    with gemeente_scope(gemeente_a):
        actie = Verbeteractie(
            proeftuin=proeftuin,
            titel="Vast aanspreekpunt",
            beschrijving=titel,
            start=datetime.date(2026, 5, 1),
            eind=datetime.date(2026, 10, 31),
        )
        with pytest.raises(writes.TextRefused) as refused:
            acties.actie_save(actie=actie, by=facilitator)
        marks = {v.key: "Werk van de proeftuin, geen persoon." for v in refused.value.findings}
        with writes.marked(marks):
            acties.actie_save(actie=actie, by=facilitator)
        assert Verbeteractie.objects.get(pk=actie.pk).beschrijving == titel
        stored = GemarkeerdeVondst.objects.of(actie)
        assert {f"{m.soort}:{m.vondst_hash}" for m in stored} == set(marks)
        assert {m.by for m in stored} == {facilitator}
        assert all(titel not in m.vondst_hash for m in stored)
        # Changed later, the marked words are not flagged again.
        actie.beschrijving = titel + " (verzet)"
        acties.actie_save(actie=actie, by=facilitator, expected_version=actie.version)


def test_a_contact_person_may_be_named_but_a_bsn_there_is_refused(gemeente_a, facilitator):
    with gemeente_scope(gemeente_a):
        partner = OrganisatieFactory(gemeente=gemeente_a)
        partner.contactpersoon_naam = "Jan de Vries"
        commitments.organisatie_save(organisatie=partner, by=facilitator, expected_version=1)
        partner.refresh_from_db()
        assert partner.contactpersoon_naam == "Jan de Vries"
        history = Wijziging.objects.of(partner).count()

        partner.contactpersoon_naam = "Jan de Vries, BSN 111222333"
        with pytest.raises(writes.TextRefused) as refused:
            commitments.organisatie_save(
                organisatie=partner, by=facilitator, expected_version=partner.version
            )
        partner.refresh_from_db()
        assert partner.contactpersoon_naam == "Jan de Vries"
        assert Wijziging.objects.of(partner).count() == history
    assert [(v.field, v.kind) for v in refused.value.findings] == [("contactpersoon_naam", "bsn")]
