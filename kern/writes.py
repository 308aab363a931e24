"""The one write path for tenant rows: every create, change, delete and restore goes through
``save()``, ``delete()``, ``undelete()`` or ``restore()`` here, in one transaction and in this
order:

1. the row as stored is locked and read (its history snapshot: field names and raw values), and
   the shared free texts that changed pass the anonymisation gate (``TextRefused``);
2. the row is saved, with optimistic concurrency for a ``VersionedModel`` (``StaleEdit``);
3. what hangs off it (many-to-manys, child rows) is written by the caller's ``then``;
4. the change goes into the history, and into the audit log for a model with ``audited``;
5. the gemeente's data version renews (``kern.data_version``, through the save's own signal or,
   for bulk writes, ``TenantQuerySet``);
6. a stored file that the row no longer holds (replaced, erased, or its row deleted) is removed
   from the storage once the transaction has committed; a file uploaded by a save that failed
   is removed at once. No file is left behind that no row points to.

The core imports no app, so the history table, the audit log, the anonymisation gate and the
read-only guard are hooks that their apps fill in ``ready()`` (gemeenten: ``Wijziging.record``,
``audit.audit_write`` and ``archief.refuse_archived``; casussen: ``gate.refusals``). Until
they are filled nothing is recorded or checked, which only happens in a process that never
loaded the apps. A model names its shared free texts in ``shared_text_fields`` and may add the
findings already marked as not identifying with ``gate_marks()``; a field that holds a
professional's name by purpose (a contact person, a guest, the trekker) goes in
``shared_name_fields``: the gate checks it for everything but names and the organisation that
comes with them, so a BSN, a client's address or a date of birth is refused there too. A text
field that is no shared free text (a token, a code, a system message) is named in
``text_exempt`` with the reason; a test (``tests/kern/test_text_fields.py``) holds every text
field of every tenant model to one of the three. A view whose form does not run the gate itself
puts a refusal on its form with ``refuse_on_form()`` or ``saved()``.
"""

import logging
from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

from . import history
from .concurrency import STALE_MESSAGE, StaleEdit, VersionedModel, save_versioned

logger = logging.getLogger(__name__)

_record: list[Callable] = []
_audit: list[Callable] = []
_text_gate: list[Callable] = []
_guards: list[Callable] = []

CREATE, CHANGE, DELETE = "create", "change", "delete"


class TextRefused(ValidationError):
    """A shared free text still holds an identifying detail: nothing was written."""

    def __init__(self, findings):
        self.findings = findings
        super().__init__(
            _("This text still contains identifying details; remove them before saving."),
            code="identifying",
        )


def refuse_on_form(form, error: ValidationError) -> None:
    """Put a refused save's message on ``form``, which then re-renders with what was typed: a
    ``TextRefused`` on each field it found something in, naming what it found (the gate's
    findings: ``field``, ``kind_label``, ``text``), above the form for a field the form does
    not show; any other error above the form."""
    if not isinstance(error, TextRefused):
        form.add_error(None, error.messages)
        return
    per_field: dict[str, list] = {}
    for finding in error.findings:
        field = finding.field if finding.field in form.fields else None
        per_field.setdefault(field, []).append(finding)
    for field, found in per_field.items():
        what = ", ".join(f"{f.kind_label} “{f.text}”" for f in found)
        form.add_error(
            field,
            ValidationError(
                _("%(message)s Found: %(what)s.") % {"message": error.message, "what": what},
                code="identifying",
            ),
        )


def saved(form, save: Callable) -> bool:
    """``save()`` for a view whose form does not run the gate itself: False, with the message
    on ``form``, when the gate refused a text (nothing was written)."""
    try:
        save()
    except TextRefused as error:
        refuse_on_form(form, error)
        return False
    return True


class Clash(ValidationError):
    """A unique constraint refused the row, often one saved at the same moment by someone else
    (or by the same person's second click): nothing was written."""


class ReadOnly(PermissionDenied):
    """The row may be read but not changed (it belongs to an archived proeftuin): nothing was
    written. A ``PermissionDenied``, so a view that does not expect it answers 403, not 500."""


def register_guard(guard: Callable) -> None:
    """``guard(instance, *, deleting)`` raises ``ReadOnly`` for a row that may not be written
    now; one guard (the gemeenten app's archive)."""
    _guards[:] = [guard]


def _guard(instance, *, deleting=False):
    for guard in _guards:
        guard(instance, deleting=deleting)


def register_text_gate(gate: Callable) -> None:
    """``gate(instance, texts, allowed)`` → the findings that stop a save, for ``texts``
    (field name → text) and the marks in ``allowed``; one gate (the casussen app's)."""
    _text_gate[:] = [gate]


def gated_fields(model) -> tuple[str, ...]:
    """The fields of ``model`` (or an instance) the gate checks: its shared free texts, then
    the ones that hold a professional's name by purpose."""
    return (*getattr(model, "shared_text_fields", ()), *getattr(model, "shared_name_fields", ()))


def _check_texts(instance, earlier, allowed_marks):
    """The anonymisation gate over the model's ``shared_text_fields`` and
    ``shared_name_fields`` that changed: the forms of a casus, inzicht, les and verhaal run it
    first and show its findings; here it is the floor under every writer."""
    names = gated_fields(instance)
    texts = {
        name: getattr(instance, name)
        for name in names
        if earlier is None or getattr(earlier, name) != getattr(instance, name)
    }
    if not texts or not _text_gate:
        return
    allowed = set(allowed_marks)
    if hasattr(instance, "gate_marks"):
        allowed |= instance.gate_marks()
    findings = _text_gate[0](instance, texts, frozenset(allowed))
    if findings:
        raise TextRefused(findings)


def register_history(record: Callable) -> None:
    """``record(instance, *, by, before=None, deleted=False, extra=None)``; one recorder."""
    _record[:] = [record]


def _history(instance, **kwargs):
    if getattr(instance, "keeps_own_history", False):
        return  # e.g. the verslag: every text is a version of its own
    for record in _record:
        record(instance, **kwargs)


def register_audit(audit: Callable) -> None:
    """``audit(by, action, instance)`` with ``CREATE``, ``CHANGE`` or ``DELETE``; one log."""
    _audit[:] = [audit]


def _audited(instance, *, by, action):
    """Who changed which row (models with ``audited = True``: the ones about people and
    commitments, in the spirit of NEN 7513); reads and exports are logged by their views."""
    if getattr(instance, "audited", False):
        for audit in _audit:
            audit(by, action, instance)


def stored(instance):
    """The row as it is in the database now, locked until the transaction ends."""
    return type(instance).objects.select_for_update().get(pk=instance.pk)


def _file_fields(instance):
    return [f for f in instance._meta.concrete_fields if isinstance(f, models.FileField)]


def _remove_on_commit(field, name):
    """Remove a stored file once the transaction that let go of it has committed (on a rollback
    the row still points to it, so it stays)."""
    if not name:
        return

    def remove():
        try:
            field.storage.delete(name)
        except OSError:  # the row is saved all the same; the file is named in the log
            logger.exception("Could not remove the file %s that no row holds any more", name)

    transaction.on_commit(remove)


def _uploads(instance):
    """The file fields holding a file not yet written to the storage (a new upload)."""
    return [f for f in _file_fields(instance) if not getattr(instance, f.attname)._committed]


def _remove_uploads(instance, fields):
    """A save that failed: the uploads it already wrote to the storage go again."""
    for field in fields:
        file = getattr(instance, field.attname)
        if file._committed and file.name:
            field.storage.delete(file.name)


def _remove_replaced(instance, earlier):
    for field in _file_fields(instance):
        old = getattr(earlier, field.attname).name
        if old and old != getattr(instance, field.attname).name:
            _remove_on_commit(field, old)


def _save_row(instance, earlier, expected_version):
    try:
        with transaction.atomic():  # a savepoint: the transaction goes on after a refusal
            if not isinstance(instance, VersionedModel) or earlier is None:
                instance.save()
            else:
                version = expected_version if expected_version is not None else instance.version
                save_versioned(instance, expected_version=version)
    except IntegrityError as error:
        found = _duplicate(instance)
        raise Clash(getattr(found, "error_dict", None) or found.error_list) from error


def _duplicate(instance) -> ValidationError:
    """A unique constraint refused the row (often one saved at the same moment by someone
    else): the message the form would have given, had it known."""
    try:
        instance.validate_constraints()
    except ValidationError as error:
        return error
    return ValidationError(
        _("This clashes with something saved at the same moment. Check it and save again.")
    )


@transaction.atomic
def save(instance, *, by, expected_version=None, then=None, extra=None, allowed_marks=()):
    """Create or change ``instance``; ``then()`` writes what hangs off it once it is saved.

    ``expected_version``: the version the form was opened at (default: the instance's own);
    ``extra``: history values given now (for declared extras without a reader, such as the
    gate's marks); ``allowed_marks``: findings marked as not identifying in this request.
    Raises ``StaleEdit`` when someone else saved the row meanwhile and ``TextRefused`` when a
    changed shared text does not pass the anonymisation gate.
    """
    earlier = stored(instance) if instance.pk else None
    _guard(instance)
    _check_texts(instance, earlier, allowed_marks)
    before = history.snapshot(earlier) if earlier is not None else None
    uploads = _uploads(instance)
    try:
        _save_row(instance, earlier, expected_version)
        if then is not None:
            then()
    except BaseException:
        _remove_uploads(instance, uploads)
        raise
    if earlier is not None:
        _remove_replaced(instance, earlier)
    _history(instance, by=by, before=before, extra=extra)
    _audited(instance, by=by, action=CREATE if earlier is None else CHANGE)
    return instance


@transaction.atomic
def save_one(existing, new, *, by, values, then=None):
    """Set ``values`` on the one row of ``existing`` (a queryset of at most one row, by a unique
    constraint) or, when there is none yet, on ``new()``, and save it; ``then(row)`` as for
    ``save()``. When that row was made at the same moment by a second request (a double click,
    a second tab), the values go onto it instead of the save being refused."""

    def put(row):
        for name, value in values.items():
            setattr(row, name, value)
        return save(row, by=by, then=(lambda: then(row)) if then else None)

    row = existing.first() or new()
    try:
        return put(row)
    except Clash:
        if row.pk is not None:
            raise
    return put(existing.get())


def save_form(form, *, by, then=None):
    """``save()`` for a valid model form (a ``VersionedModelForm`` gives the version it was
    opened at): its many-to-manys, then ``then()``, are written once the row is saved. On
    ``StaleEdit`` the form carries the message, and the error is raised on."""
    instance = form.save(commit=False)

    def after_save():
        form.save_m2m()
        if then is not None:
            then()

    try:
        return save(
            instance, by=by, expected_version=form.cleaned_data.get("version"), then=after_save
        )
    except StaleEdit:
        form.add_error(None, ValidationError(STALE_MESSAGE, code="stale"))
        raise
    except ValidationError as error:
        refuse_on_form(form, error)
        raise


@transaction.atomic
def delete(instance, *, by, soft=None):
    """Delete ``instance`` (kept in the history with its last values). ``soft``: instead of
    deleting, set these fields (e.g. ``{"deleted_at": now, "deleted_by": by}``) and save
    only them."""
    _guard(instance, deleting=True)
    before = history.snapshot(instance)
    if soft:
        for name, value in soft.items():
            setattr(instance, name, value)
        instance.save(update_fields=[*soft, *_auto_now_fields(instance)])
        _history(instance, by=by, before=before, deleted=True)
        _audited(instance, by=by, action=DELETE)
    else:
        _history(instance, by=by, before=before, deleted=True)
        _audited(instance, by=by, action=DELETE)
        for field in _file_fields(instance):
            _remove_on_commit(field, getattr(instance, field.attname).name)
        instance.delete()
    return instance


@transaction.atomic
def undelete(instance, *, by, soft):
    """Bring back a soft-deleted ``instance``: the fields of ``soft`` (as given to ``delete``)
    are emptied again, a change in the history like any other."""
    _guard(instance)
    before = history.snapshot(instance)
    for name in soft:
        setattr(instance, name, None)
    instance.save(update_fields=[*soft, *_auto_now_fields(instance)])
    _history(instance, by=by, before=before)
    _audited(instance, by=by, action=CHANGE)
    return instance


def _auto_now_fields(instance):
    return [f.name for f in instance._meta.concrete_fields if getattr(f, "auto_now", False)]


@transaction.atomic
def restore(instance, *, by, changes, fields, required=()):
    """Undo one change of the history: the names in ``fields`` (columns and declared extras)
    get their earlier values from ``changes``; a name in ``required`` is never emptied. Raises
    ``ValidationError`` when an earlier value points to a row deleted since, and ``StaleEdit``
    when someone saved the row meanwhile. The restore is itself a change in the history."""
    after_save = history.put_back(instance, changes, fields=fields, required=required)

    def then():
        for each in after_save:
            each()

    return save(instance, by=by, then=then)
