"""History by field name: what a change stores and how it is read.

A change stores, per field name, the raw value before and after (a related row by its key, a
choice by its stored value, a date as ISO text), so that a change made in one language reads and
restores in the other, and a renamed label breaks nothing. Labels and display values are
computed when shown, in the reader's language. What a row does not hold itself (many-to-manys,
child rows, a list of choices) a model declares in ``history_extras``: name → ``Extra``.

Values that an older version stored only as shown text are kept as ``{"shown": text}``: they read
as they were and are never restored (see the migration of gemeenten.Wijziging).
"""

import datetime
import decimal
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.utils import formats, timezone
from django.utils.translation import gettext as _

HIDDEN_FIELDS = frozenset({"id", "gemeente", "version"})
# Related rows are looked up through their default manager: for a tenant model that is scoped,
# so a history is read and restored only within the gemeenten in scope.


@dataclass(frozen=True)
class Extra:
    """A value kept in a row's history that is not one of its own columns.

    ``read(instance)`` gives the raw (JSON) value; ``show(value, model)`` the text a reader sees;
    ``restore(instance, value)``, when given, puts an earlier value back after the row is saved.
    ``read`` None: the value is given when the change is recorded (``extra=`` of ``record``).
    """

    label: object
    read: Callable | None
    show: Callable
    restore: Callable | None = None


def many(field_name, *, label=None, by_key=False):
    """A many-to-many of the row: kept as the sorted keys, shown as the related rows' names (or
    as ``#key`` with ``by_key``, for rows a reader of this history may not see), restored by
    setting the keys that still exist."""

    def read(instance):
        return sorted(getattr(instance, field_name).values_list("pk", flat=True))

    def show(value, model):
        if by_key:
            return ", ".join(f"#{pk}" for pk in value)
        return related_names(model._meta.get_field(field_name).related_model, value)

    def restore(instance, value):
        manager = getattr(instance, field_name)
        related = manager.model._default_manager.filter(pk__in=value)
        manager.set(list(related), through_defaults={"gemeente_id": instance.gemeente_id})

    return Extra(label=label, read=read, show=show, restore=restore)


def choice_list(choices, *, field_name, label=None):
    """A JSON column holding a list of choice values, shown by their labels."""

    def read(instance):
        return list(getattr(instance, field_name))

    def show(value, model):
        labels = dict(choices.choices)
        return ", ".join(str(labels.get(each, each)) for each in value)

    def restore(instance, value):
        setattr(instance, field_name, [each for each in value if each in choices.values])

    return Extra(label=label, read=read, show=show, restore=restore)


def related_names(model, pks) -> str:
    """The names of related rows by key, sorted; a row deleted since shows as ``#key``."""
    names = {obj.pk: str(obj) for obj in model._default_manager.filter(pk__in=pks)}
    return ", ".join(sorted(names.get(pk, f"#{pk}") for pk in pks))


def extras(model) -> dict:
    return getattr(model, "history_extras", {}) or {}


def raw_value(field, instance):
    """The field's value as JSON can hold it, without any translation."""
    value = field.value_from_object(instance)
    if isinstance(value, FieldFile):  # an empty one raises on .url, so ask the type
        return value.name or None
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    return value


def snapshot(instance, extra=None) -> dict:
    """The row's own fields and its declared extras, by name, as raw values."""
    declared = extras(type(instance))
    # A model names its secrets (an invitation's nonce) in ``history_hidden``: never kept.
    hidden = HIDDEN_FIELDS | set(getattr(instance, "history_hidden", ()))
    values = {
        field.name: raw_value(field, instance)
        for field in instance._meta.concrete_fields
        if field.name not in hidden and field.name not in declared and not _stamp(field)
    }
    for name, each in declared.items():
        if each.read is not None:
            values[name] = each.read(instance)
    return {**values, **(extra or {})}


def _stamp(field):
    """created/updated moments kept by Django itself: the change's own time says them."""
    return getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)


def diff(before, after) -> dict:
    """name: [old, new] for what differs; ``before`` None: every value ``after`` has."""
    if before is None:
        return {k: [None, v] for k, v in after.items() if v not in (None, "", [], {})}
    return {k: [before.get(k), v] for k, v in after.items() if before.get(k) != v}


def _is_empty(value):
    return value is None or value == "" or value == [] or value == {}


def label(model, name) -> str:
    declared = extras(model).get(name)
    if declared is not None and declared.label is not None:
        return str(declared.label)
    try:
        return str(model._meta.get_field(name).verbose_name)
    except Exception:  # noqa: BLE001 - a field removed since: its name is all there is
        return name


def shown(model, name, value) -> str:
    """The value as a reader sees it, in the active language."""
    if isinstance(value, dict) and set(value) == {"shown"}:
        return value["shown"]
    if _is_empty(value):
        return ""
    declared = extras(model).get(name)
    if declared is not None:
        return declared.show(value, model)
    try:
        field = model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - a field removed since
        return str(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.is_relation:
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else f"#{value}"
    if isinstance(field, models.BooleanField):
        return _("yes") if value else _("no")
    if isinstance(field, models.DateTimeField):
        moment = datetime.datetime.fromisoformat(value)
        if timezone.is_aware(moment):  # stored in UTC, read in the reader's time zone
            moment = timezone.localtime(moment)
        return formats.date_format(moment, "DATETIME_FORMAT", use_l10n=True)
    if isinstance(field, models.DateField):
        return formats.date_format(datetime.date.fromisoformat(value), use_l10n=True)
    if isinstance(field, models.JSONField) and isinstance(value, list):
        return ", ".join(str(each) for each in value)
    if isinstance(field, models.FileField):
        # The stored name is a path in the storage: a reader sees the file's own name only.
        return str(value).rsplit("/", 1)[-1]
    return str(value)


def rows(model, changes) -> list[tuple[str, str, str]]:
    """(label, old, new) per changed value, as the reader reads them."""
    return [
        (label(model, name), shown(model, name, old), shown(model, name, new))
        for name, (old, new) in changes.items()
    ]


def _exists(model, pk):
    return model._default_manager.filter(pk=pk).exists()


def put_back(instance, changes, *, fields, required=()) -> list[Callable]:
    """Give ``instance`` the earlier values of ``changes`` for the fields named in ``fields``
    (own columns are set now; extras are returned as calls to make once the row is saved). A
    required field is not emptied; a value kept only as shown text is not restored."""
    declared = extras(type(instance))
    own_columns = {field.name for field in instance._meta.concrete_fields}
    after_save = []
    for name, (old, _new) in changes.items():
        if name not in fields or (isinstance(old, dict) and "shown" in old):
            continue
        if name in declared:
            restore = declared[name].restore
            if restore is None:
                continue
            if name in own_columns:  # a column: set before the save, like the others
                restore(instance, old or [])
            else:  # a many-to-many or child rows: once the row is saved
                after_save.append(lambda restore=restore, old=old: restore(instance, old or []))
            continue
        field = instance._meta.get_field(name)
        value = field.to_python(old) if old is not None else (None if field.null else "")
        if field.choices and value not in dict(field.flatchoices):
            continue
        if name in required and _is_empty(value):
            continue
        if field.is_relation and value is not None and not _exists(field.related_model, value):
            raise ValidationError(
                _("“%(field)s” cannot get its earlier value back: that was deleted meanwhile.")
                % {"field": label(type(instance), name)}
            )
        setattr(instance, field.attname, value)
    return after_save
