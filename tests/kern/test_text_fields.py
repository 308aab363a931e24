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
    # Its form cannot show findings to replace or mark: what the detector finds without doubt
    # stops the save; the name and the street count where the form can show them (a casus).
    assert {(v.field, v.kind) for v in refused.value.findings} == {("beschrijving", "bsn")}


@pytest.mark.parametrize(
    "titel",
    [
        "Startbijeenkomst 14 april in het gemeentehuis",
        "Werkgroep palliatieve zorg Gendringen",
        "Overleg met Sensire en de huisartsen van Oude IJsselstreek",
        "Scholing voor vrijwilligers",
    ],
)
def test_the_words_of_ordinary_work_are_saved(titel, gemeente_a, proeftuin, facilitator):
    """A date, a place, an organisation or a word the detector takes for a name is often the
    work itself; in a form that cannot show findings it must not stop the save."""
    with gemeente_scope(gemeente_a):
        actie = Verbeteractie(
            proeftuin=proeftuin,
            titel=titel,
            beschrijving=titel,
            start=datetime.date(2026, 5, 1),
            eind=datetime.date(2026, 10, 31),
        )
        acties.actie_save(actie=actie, by=facilitator)
        assert Verbeteractie.objects.get(pk=actie.pk).titel == titel


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
