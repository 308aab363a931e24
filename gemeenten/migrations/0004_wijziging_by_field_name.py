"""History rows keyed by field name with raw values (kern.history), from rows keyed by the label
that was shown in the language of the moment, with display values.

A label is matched in Dutch and in English; a value goes back to what the field stores where that
is certain (a choice by its label, a yes/no, a number, a date, the knelpunten of a casus, the
succesfactoren and organisations by name, casussen and inzichten by number). Anything else is kept
as it was shown ({"shown": text}): it reads as before and is never restored. Rows of a model
whose app has no state here (none on a fresh database) are left as they are.
"""

import ast
import datetime

from django.db import migrations, models
from django.utils import translation

LANGUAGES = ("nl", "en")

# What the services added beside a row's own fields, by the msgid of its label.
EXTRAS = {
    "casus": {"Bottlenecks": "knelpunten"},
    "inzicht": {"Success factors": "succesfactoren", "Bottleneck categories": "knelpunt_categorieen"},
    "verbeteractie": {
        "Organisations involved": "betrokken",
        "Who invests": "investeert",
        "Who benefits": "baat",
        "success factors": "succesfactoren",
        "casussen it came from": "casussen",
        "insights it came from": "inzichten",
        "bottleneck categories": "knelpunt_categorieen",
    },
    "les": {"success factors": "succesfactoren", "marked as not identifying": "gemarkeerd"},
    "verhaal": {"marked as not identifying": "gemarkeerd"},
    "commitment": {"who benefits": "baathebbers"},
}
ORGANISATIE_LISTS = {"betrokken", "investeert", "baat", "baathebbers"}


def _in_each_language(text):
    found = set()
    for language in LANGUAGES:
        with translation.override(language):
            found.add(str(translation.gettext(text)))
    return found


def _labels(model):
    """Every label a field or an extra of ``model`` was shown under → its name."""
    by_label = {}
    # A migration's state holds the msgids (English); what people saw was their translation.
    for field in [*model._meta.concrete_fields, *model._meta.many_to_many]:
        for shown in _in_each_language(str(field.verbose_name)):
            by_label[shown] = field.name
    for msgid, name in EXTRAS.get(model._meta.model_name, {}).items():
        for shown in _in_each_language(msgid):
            by_label[shown] = name
    return by_label


def _choice_values(choices):
    values = {}
    for value, label in choices:
        values[str(value)] = value
        for shown in _in_each_language(str(label)):
            values[shown] = value
    return values


class _Unknown(Exception):
    pass


def _names_to_keys(model, shown, gemeente_id):
    """"a, b" → keys; a name may hold ", " itself, so parts are joined until they are a name."""
    known = dict(model._base_manager.filter(gemeente_id=gemeente_id).values_list("naam", "pk"))
    keys, part = [], ""
    for piece in shown.split(", "):
        part = f"{part}, {piece}" if part else piece
        if part in known:
            keys.append(known[part])
            part = ""
    if part:
        raise _Unknown
    return sorted(keys)


def _extra_value(apps, model, name, shown, gemeente_id):
    if not shown:
        return []
    if name == "knelpunten":
        categories = _choice_values(apps.get_model("casussen", "Knelpunt")._meta.get_field("categorie").choices)
        rows = []
        for line in shown.splitlines():
            label, _sep, toelichting = line.partition(" — ")
            if label.strip() not in categories:
                raise _Unknown
            rows.append([categories[label.strip()], toelichting.strip()])
        return rows
    if name == "knelpunt_categorieen":
        categories = _choice_values(apps.get_model("casussen", "Knelpunt")._meta.get_field("categorie").choices)
        if shown.startswith("["):  # the column itself, shown as a Python list
            return list(ast.literal_eval(shown))
        labels = shown.split(", ")
        if any(label not in categories for label in labels):
            raise _Unknown
        return [categories[label] for label in labels]
    if name in ("casussen", "inzichten"):
        return sorted(int(part.lstrip("#")) for part in shown.split(", "))
    if name == "succesfactoren":
        return _names_to_keys(apps.get_model("casussen", "Succesfactor"), shown, gemeente_id)
    if name in ORGANISATIE_LISTS:
        return _names_to_keys(apps.get_model("gemeenten", "Organisatie"), shown, gemeente_id)
    if name == "gemarkeerd":
        kinds = _choice_values(apps.get_model("casussen", "GemarkeerdeVondst")._meta.get_field("soort").choices)
        marks = []
        for part in shown.split("; "):
            kind, _sep, reden = part.partition(": ")
            if kind not in kinds:
                raise _Unknown
            marks.append([kinds[kind], reden])
        return marks
    raise _Unknown


def _field_value(field, shown):
    if shown in (None, ""):
        return None if field.null or field.is_relation else ""
    if field.choices:
        values = _choice_values(field.choices)
        if shown not in values:
            raise _Unknown
        return values[shown]
    if field.is_relation:
        raise _Unknown  # shown by name: which row it was is not certain
    if isinstance(field, models.BooleanField):
        if shown not in ("True", "False"):
            raise _Unknown
        return shown == "True"
    if isinstance(field, models.JSONField):
        return ast.literal_eval(shown)
    if isinstance(field, models.DateTimeField):
        return datetime.datetime.fromisoformat(shown).isoformat()
    if isinstance(field, models.DateField):
        return datetime.date.fromisoformat(shown).isoformat()
    if isinstance(field, models.TimeField):
        return datetime.time.fromisoformat(shown).isoformat()
    if isinstance(field, models.IntegerField):
        return int(shown)
    if isinstance(field, models.DecimalField | models.FloatField):
        return str(field.to_python(shown))
    return shown


def convert(apps, wijziging):
    """The changes of one row, by name and raw value; None when the model is unknown here."""
    content_type = apps.get_model("contenttypes", "ContentType").objects.get(pk=wijziging.content_type_id)
    try:
        model = apps.get_model(content_type.app_label, content_type.model)
    except LookupError:
        return None
    labels = _labels(model)
    extras = set(EXTRAS.get(model._meta.model_name, {}).values())
    converted = {}
    for label, pair in wijziging.changes.items():
        name = labels.get(label, label)
        values = []
        for shown in pair:
            if isinstance(shown, dict):  # already converted
                values.append(shown)
                continue
            try:
                if name in extras:
                    value = _extra_value(apps, model, name, shown, wijziging.gemeente_id)
                else:
                    value = _field_value(model._meta.get_field(name), shown)
            except Exception:  # anything not certain is kept as it was shown
                value = {"shown": shown}
            values.append(value if shown is not None else None)
        # A purged text (the retention period) stays purged: never restored.
        if pair == ["—", "—"]:
            values = [{"shown": "—"}, {"shown": "—"}]
        if name not in converted or name in extras:
            converted[name] = values
    return converted


def forwards(apps, schema_editor):
    from kern.rls import database_scope

    Gemeente = apps.get_model("gemeenten", "Gemeente")
    Wijziging = apps.get_model("gemeenten", "Wijziging")
    # Row-level security holds the owner too (FORCE): read and write in every gemeente's scope.
    with database_scope(list(Gemeente.objects.values_list("pk", flat=True))):
        for wijziging in Wijziging._base_manager.iterator():
            converted = convert(apps, wijziging)
            if converted is not None and converted != wijziging.changes:
                wijziging.changes = converted
                wijziging.save(update_fields=["changes"])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("gemeenten", "0003_auditregel"),
    ]

    operations = [
        migrations.AlterField(
            model_name="wijziging",
            name="changes",
            field=models.JSONField(
                default=dict, help_text="field name: [old, new], as raw values", verbose_name="changes"
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True),
    ]
