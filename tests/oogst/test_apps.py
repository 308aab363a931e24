"""The oogst is four apps (inhoud, netwerk, kennisbank, logboek) under the oogst app that joins
them: each model kept its table, the rows that name a model by its content type followed it to
its new app, and the phase checklist and the Celery tasks are what they were."""

import importlib

import pytest
from celery import current_app
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from gemeenten import checklist
from gemeenten.models import Fase
from oogst.inhoud.models import Les

PARTS = {
    "inhoud": {"oogst", "les", "lessuccesfactor", "verhaal", "borging", "vervolgafspraak"},
    "netwerk": {"netwerkpeiling", "netwerkantwoord"},
    "kennisbank": {"kennisbankitem"},
    "logboek": {"logboekversie", "gecombineerdlogboek", "gecombineerdlogboekgemeente"},
}


def test_each_part_is_an_app_whose_models_keep_the_tables_of_the_oogst_app():
    for label, models in PARTS.items():
        config = apps.get_app_config(label)
        assert config.name == f"oogst.{label}"
        assert {m._meta.model_name for m in config.get_models()} == models
        for model in config.get_models():
            assert model._meta.db_table == f"oogst_{model._meta.model_name}"
    assert list(apps.get_app_config("oogst").get_models()) == []


def test_the_verankering_checklist_lists_the_oogst_items_in_their_old_order():
    modules = [
        check.__module__
        for check in checklist._checks[Fase.VERANKERING]
        if check.__module__.startswith("oogst.")
    ]
    assert modules == [
        "oogst.inhoud.checks",
        "oogst.inhoud.checks",
        "oogst.inhoud.checks",
        "oogst.logboek.checks",
        "oogst.netwerk.checks",
    ]


def test_the_logboek_tasks_keep_their_registered_names():
    for name in ("render_logboek", "render_gecombineerd", "vegen", "einddatum"):
        assert f"oogst.tasks.{name}" in current_app.tasks
    schedule = current_app.conf.beat_schedule
    assert schedule["oogst-logboek-vegen"]["task"] == "oogst.tasks.vegen"
    assert schedule["oogst-logboek-einddatum"]["task"] == "oogst.tasks.einddatum"


# --- the data migration that moves the content types ------------------------------------------

migration = importlib.import_module("oogst.inhoud.migrations.0001_initial")


class _SchemaEditor:
    """What the data migration reads of a schema editor."""

    connection = connection


@pytest.fixture
def content_types(db):
    yield ContentType.objects
    ContentType.objects.clear_cache()


def test_the_content_types_move_to_the_new_app_and_back_keeping_their_ids(content_types):
    les = content_types.get_for_model(Les)
    content_types.filter(app_label="inhoud").update(app_label="oogst")

    migration.forwards(apps, _SchemaEditor())
    assert content_types.get(pk=les.pk).app_label == "inhoud"
    assert set(content_types.filter(app_label="inhoud").values_list("model", flat=True)) == set(
        migration.MODELS
    )

    migration.backwards(apps, _SchemaEditor())
    assert content_types.get(pk=les.pk).app_label == "oogst"
    assert not content_types.filter(app_label="inhoud").exists()


def test_the_content_type_move_refuses_to_guess_between_two_of_the_same_model(content_types):
    content_types.create(app_label="oogst", model="les")
    with pytest.raises(RuntimeError, match="oogst.les and inhoud.les"):
        migration.forwards(apps, _SchemaEditor())
