"""History by field name (kern.history): a change recorded in one language reads and restores in
the other, a renamed label breaks nothing, rows from before are migrated, and a restore whose
related row is gone says so instead of failing."""

import importlib

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation

from casussen import services as casus_services
from casussen.models import Casus, Inzicht
from demo.loader import load_demo
from gemeenten.models import Wijziging
from kern import history, writes
from kern.tenancy import gemeente_scope
from tests.casussen.factories import CasusFactory, InzichtFactory, SuccesfactorFactory
from tests.factories import LidmaatschapFactory, UserFactory
from tests.scopes import every_gemeente

migration = importlib.import_module("gemeenten.migrations.0004_wijziging_by_field_name")

# Every model whose writes are kept in the history; the demo has a row of each.
MODELS_WITH_HISTORY = {
    "casussen.casus",
    "casussen.inzicht",
    "casussen.succesfactor",
    "bijeenkomsten.bijeenkomst",
    "bijeenkomsten.actiepunt",
    "verbeteracties.verbeteractie",
    "verbeteracties.voortgang",
    "verbeteracties.indicator",
    "verbeteracties.meting",
    "gemeenten.proeftuin",
    "gemeenten.organisatie",
    "gemeenten.commitment",
    "inhoud.oogst",
    "inhoud.les",
    "inhoud.verhaal",
    "inhoud.borging",
    "inhoud.vervolgafspraak",
}


def _text_field(model):
    """A plain text column of the model, free to change."""
    return next(
        field
        for field in model._meta.concrete_fields
        if isinstance(field, models.CharField | models.TextField)
        and not field.choices
        and field.editable
        and field.name not in history.HIDDEN_FIELDS
        and not field.unique
    )


@pytest.fixture
def demo(db):
    load_demo()


@pytest.mark.slow
def test_every_model_with_history_is_written_in_english_and_restored_in_dutch(demo):
    checked = set()
    with every_gemeente():
        for label in sorted(MODELS_WITH_HISTORY):
            model = apps.get_model(label)
            instance = model.objects.order_by("pk").first()
            assert instance is not None, f"the demo has no {label}"
            field = _text_field(model)
            earlier = getattr(instance, field.name)
            with translation.override("en"):
                before = history.snapshot(instance)
                setattr(instance, field.name, "Changed while reading English")
                instance.save()
                change = Wijziging.record(instance, by=None, before=before)
            assert change.changes[field.name] == [earlier, "Changed while reading English"]
            with translation.override("nl"):
                dutch = str(field.verbose_name)
                assert (dutch, earlier, "Changed while reading English") in change.rows
                writes.restore(instance, by=None, changes=change.changes, fields={field.name})
            instance.refresh_from_db()
            assert getattr(instance, field.name) == earlier, label
            checked.add(label)
    assert checked == MODELS_WITH_HISTORY


def test_a_casus_changed_in_dutch_is_restored_with_its_knelpunten_in_english(
    gemeente_a, facilitator
):
    with gemeente_scope(gemeente_a):
        casus = CasusFactory(gemeente=gemeente_a, leeftijdscategorie="75_84", titel="Eerst")
        casus.knelpunten.create(gemeente=gemeente_a, categorie="financiering", toelichting="Geld")
        with translation.override("nl"):
            before = history.snapshot(casus)
            casus.titel, casus.leeftijdscategorie = "Later", "85_plus"
            casus.save()
            casus.knelpunten.all().delete()
            change = Wijziging.record(casus, by=facilitator, before=before)
        assert change.changes["leeftijdscategorie"] == ["75_84", "85_plus"]
        assert change.changes["knelpunten"] == [[["financiering", "Geld"]], []]
        with translation.override("en"):
            assert ("age group", "75 to 84", "85 and over") in change.rows
            casus_services.casus_restore(casus=casus, wijziging=change, by=facilitator)
        casus.refresh_from_db()
        assert (casus.titel, casus.leeftijdscategorie) == ("Eerst", "75_84")
        assert list(casus.knelpunten.values_list("categorie", "toelichting")) == [
            ("financiering", "Geld")
        ]


def test_an_inzicht_keeps_its_succesfactoren_by_key_and_restores_them(gemeente_a, facilitator):
    with gemeente_scope(gemeente_a):
        factor = SuccesfactorFactory(gemeente=gemeente_a, naam="Elkaar kennen, echt")
        inzicht = InzichtFactory(gemeente=gemeente_a)
        before = history.snapshot(inzicht)
        inzicht.succesfactoren.set([factor], through_defaults={"gemeente_id": gemeente_a.pk})
        change = Wijziging.record(inzicht, by=facilitator, before=before)
        assert change.changes["succesfactoren"] == [[], [factor.pk]]
        assert [new for _label, _old, new in change.rows] == ["Elkaar kennen, echt"]
        undo = Wijziging.record(inzicht, by=facilitator, before=history.snapshot(inzicht))
        assert undo is None  # nothing changed, nothing recorded
        casus_services.inzicht_restore(inzicht=inzicht, wijziging=change, by=facilitator)
        assert list(inzicht.succesfactoren.all()) == []


def test_a_renamed_label_changes_what_is_shown_not_what_is_restored(
    gemeente_a, facilitator, monkeypatch
):
    with gemeente_scope(gemeente_a):
        casus = CasusFactory(gemeente=gemeente_a, titel="Voor")
        before = history.snapshot(casus)
        casus.titel = "Na"
        casus.save()
        change = Wijziging.record(casus, by=facilitator, before=before)
        monkeypatch.setattr(Casus._meta.get_field("titel"), "verbose_name", "kop")
        assert ("kop", "Voor", "Na") in change.rows
        casus_services.casus_restore(casus=casus, wijziging=change, by=facilitator)
        casus.refresh_from_db()
        assert casus.titel == "Voor"


def test_a_restore_whose_related_row_was_deleted_says_so_and_changes_nothing(
    gemeente_a, proeftuin, facilitator
):
    from tests.bijeenkomsten.factories import BijeenkomstFactory
    from tests.verbeteracties.factories import VerbeteractieFactory

    with gemeente_scope(gemeente_a):
        first, later = BijeenkomstFactory.create_batch(2, gemeente=gemeente_a, proeftuin=proeftuin)
        actie = VerbeteractieFactory(
            gemeente=gemeente_a, proeftuin=proeftuin, bijeenkomst=first, titel="Voor"
        )
        before = history.snapshot(actie)
        actie.bijeenkomst, actie.titel = later, "Na"
        actie.save()
        change = Wijziging.record(actie, by=facilitator, before=before)
        first.delete()
        with pytest.raises(ValidationError, match="intussen verwijderd|deleted meanwhile"):
            writes.restore(
                actie, by=facilitator, changes=change.changes, fields={"bijeenkomst", "titel"}
            )
        actie.refresh_from_db()
        assert (actie.titel, actie.bijeenkomst) == ("Na", later)


def test_rows_kept_by_dutch_labels_are_migrated_to_names_and_raw_values(gemeente_a, facilitator):
    with gemeente_scope(gemeente_a):
        factor = SuccesfactorFactory(gemeente=gemeente_a, naam="Samen koffie drinken")
        casus = CasusFactory(gemeente=gemeente_a, titel="Nu")
        inzicht = InzichtFactory(gemeente=gemeente_a, casus=casus)
        legacy_casus = Wijziging.objects.create(
            gemeente=gemeente_a,
            content_type=ContentType.objects.get_for_model(Casus),
            object_id=casus.pk,
            object_repr="Nu",
            actie=Wijziging.Actie.GEWIJZIGD,
            changes={
                "titel": ["Toen", "Nu"],
                "leeftijdscategorie": ["75 tot 85", "85 en ouder"],
                "auteur": ["Iemand", "Iemand anders"],
                "Knelpunten": ["Financiering — Geld", ""],
            },
        )
        legacy_inzicht = Wijziging.objects.create(
            gemeente=gemeente_a,
            content_type=ContentType.objects.get_for_model(Inzicht),
            object_id=inzicht.pk,
            object_repr="x",
            actie=Wijziging.Actie.GEWIJZIGD,
            changes={"Success factors": ["Samen koffie drinken", ""]},
        )
        converted = migration.convert(apps, legacy_casus)
        assert converted == {
            "titel": ["Toen", "Nu"],
            "leeftijdscategorie": ["75_84", "85_plus"],
            "auteur": [{"shown": "Iemand"}, {"shown": "Iemand anders"}],
            "knelpunten": [[["financiering", "Geld"]], []],
        }
        assert migration.convert(apps, legacy_inzicht) == {"succesfactoren": [[factor.pk], []]}
        legacy_casus.changes = converted
        legacy_casus.save()
        with translation.override("en"):
            assert ("author", "Iemand", "Iemand anders") in legacy_casus.rows
        # What was kept as shown is never restored; the rest is.
        writes.restore(
            casus,
            by=facilitator,
            changes=legacy_casus.changes,
            fields={"titel", "leeftijdscategorie", "auteur"},
        )
        casus.refresh_from_db()
        assert (casus.titel, casus.leeftijdscategorie) == ("Toen", "75_84")


def test_a_member_reading_the_history_in_english_sees_english_labels(
    client, gemeente_a, facilitator
):
    with gemeente_scope(gemeente_a):
        author = UserFactory()
        LidmaatschapFactory(gemeente=gemeente_a, user=author, role="professional")
        casus = CasusFactory(gemeente=gemeente_a, auteur=author, leeftijdscategorie="75_84")
        with translation.override("nl"):
            before = history.snapshot(casus)
            casus.leeftijdscategorie = "85_plus"
            casus.save()
            Wijziging.record(casus, by=author, before=before)
    client.force_login(facilitator)
    page = client.get(
        f"/g/{gemeente_a.slug}/casussen/{casus.pk}/historie/", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert page.status_code == 200
    assert "85 and over" in page.text and "85 en ouder" not in page.text


def test_a_moment_is_shown_in_the_readers_time_zone_and_stamps_are_left_out(gemeente_a):
    import datetime

    from django.utils import timezone

    from tests.bijeenkomsten.factories import BijeenkomstFactory

    with gemeente_scope(gemeente_a):
        bijeenkomst = BijeenkomstFactory(gemeente=gemeente_a)
        before = history.snapshot(bijeenkomst)
        bijeenkomst.begin = datetime.datetime(2026, 7, 1, 12, 0, tzinfo=datetime.UTC)
        bijeenkomst.save()
        change = Wijziging.record(bijeenkomst, by=None, before=before)
    assert change.changes["begin"][1] == "2026-07-01T12:00:00+00:00"
    assert "updated_at" not in change.changes and "created_at" not in before
    with translation.override("nl"), timezone.override("Europe/Amsterdam"):
        label = str(bijeenkomst._meta.get_field("begin").verbose_name)
        [new] = [new for shown, _old, new in change.rows if shown == label]
    assert new == "1 juli 2026 14:00"
