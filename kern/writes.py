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
``audit.audit_write`` and ``archief.refuse_archived``; casussen: ``casussen.poort``). Until
they are filled nothing is recorded or checked, which only happens in a process that never
loaded the apps. A model names its shared free texts in ``shared_text_fields`` (a model may
widen the findings already marked as not identifying for its rows with ``gate_marks()``: an
inzicht counts its casus's); a field that holds a
professional's name by purpose (a contact person, a guest, the trekker) goes in
``shared_name_fields``: the gate checks it for everything but names and the organisation that
comes with them, so a BSN, a client's address or a date of birth is refused there too. A text
field that is no shared free text (a token, a code, a system message) is named in
``text_exempt`` with the reason; a test (``tests/kern/test_text_fields.py``) holds every text
field of every tenant model to one of the three.

Every form that writes such a text takes the gate with ``gate_form(form)`` and saves with
``saved()`` (or ``refuse_on_form()`` in its own ``except TextRefused``, with the save inside
``marked()``): a refusal then comes back as the gate's findings on the form (``kern/poort.html``:
replace one, replace all, or mark one as not identifying with a reason), and the marks of the post
count for the writes inside it; each save records the marks its texts needed on its row.
"""

import contextlib
import contextvars
import logging
from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext_lazy as _

from . import current_request, history
from .concurrency import STALE_MESSAGE, StaleEdit, VersionedModel, save_versioned

logger = logging.getLogger(__name__)

_record: list[Callable] = []
_audit: list[Callable] = []
_text_gate: list = []
_guards: list[Callable] = []
# The findings marked as not identifying in the request being served (``kind:hash`` → reason).
_marks: contextvars.ContextVar[dict[str, str] | None] = contextvars.ContextVar(
    "marks", default=None
)

CREATE, CHANGE, DELETE = "create", "change", "delete"


class TextRefused(ValidationError):
    """A shared free text still holds an identifying detail: nothing was written."""

    def __init__(self, findings):
        self.findings = findings
        super().__init__(
            _("This text still contains identifying details; remove them before saving."),
            code="identifying",
        )


def gate_form(form, *, obj=None):
    """Put the anonymisation gate on ``form`` (``form.poort``, shown by ``kern/poort.html``): a
    bound form reads its post with a pressed "replace" carried out and the marks of the post
    parsed. ``obj``: the row whose stored marks count for "replace all" (default: the model
    form's instance)."""
    if obj is None:
        instance = getattr(form, "instance", None)
        obj = instance if getattr(instance, "pk", None) else None
    # The gemeente the texts belong to is never a finding: the row's (the gate finds it), or the
    # page's for a new one.
    gemeente = None if obj is not None else getattr(current_request.get(), "gemeente", None)
    poort = _text_gate[0].Poort(form.data if form.is_bound else {}, obj=obj, gemeente=gemeente)
    return poort.attach(form)


@contextlib.contextmanager
def marked(marks: dict[str, str]):
    """Findings marked as not identifying (``kind:hash`` → reason) count for every write inside;
    each write records the ones its texts needed."""
    token = _marks.set({**(_marks.get() or {}), **marks})
    try:
        yield
    finally:
        _marks.reset(token)


def refuse_on_form(form, error: ValidationError) -> None:
    """Put a refused save's message on ``form``, which then re-renders with what was typed: a
    ``TextRefused`` as the gate's findings (``form.poort``, from ``gate_form()``) with a message
    on each field it found something in, above the form for a field the form does not show;
    any other error above the form."""
    if not isinstance(error, TextRefused):
        form.add_error(None, error.messages)
        return
    poort = getattr(form, "poort", None)
    if poort is not None:
        poort.refused(error)
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
    """``save()`` for a form with a shared text: False when nothing was written — a replacement
    was asked for (the form comes back with it), or the gate refused a text (its findings on
    the form). The marks of the post count for the writes of ``save()``."""
    poort = getattr(form, "poort", None)
    if poort is not None and poort.replaced:
        return False
    try:
        with marked(poort.marks if poort is not None else {}):
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


def register_text_gate(gate) -> None:
    """One gate (``casussen.poort``): ``gate.refusals(instance, texts, allowed)`` → the
    findings that stop a save, for ``texts`` (field name → text) and the marks in ``allowed``
    (each finding with its ``key``); ``gate.marks_of(instance)`` → the marks stored for a row;
    ``gate.record_marks(instance, marks, by)`` stores the marks a save needed; ``gate.Poort``
    the gate's state in a form (``gate_form()``)."""
    _text_gate[:] = [gate]


def gated_fields(model) -> tuple[str, ...]:
    """The fields of ``model`` (or an instance) the gate checks: its shared free texts, then
    the ones that hold a professional's name by purpose."""
    return (*getattr(model, "shared_text_fields", ()), *getattr(model, "shared_name_fields", ()))


def _check_texts(instance, earlier, allowed_marks) -> dict[str, str]:
    """The anonymisation gate over the model's ``shared_text_fields`` and
    ``shared_name_fields`` that changed, the floor under every writer (the forms show its
    findings). Returns the marks of this request (``kind:hash`` → reason) that the texts
    needed, to be recorded on the row."""
    names = gated_fields(instance)
    texts = {
        name: getattr(instance, name)
        for name in names
        if earlier is None or getattr(earlier, name) != getattr(instance, name)
    }
    if not texts or not _text_gate:
        return {}
    gate = _text_gate[0]
    given = {**(_marks.get() or {}), **dict(allowed_marks)}
    stored_marks = gate.marks_of(instance) if instance.pk else set()
    findings = gate.refusals(instance, texts, frozenset(stored_marks))
    refused = [finding for finding in findings if finding.key not in given]
    if refused:
        raise TextRefused(refused)
    return {finding.key: given[finding.key] for finding in findings}


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
    gate's marks); ``allowed_marks``: findings marked as not identifying in this request
    (``kind:hash`` → reason), besides those of ``marked()``.
    Raises ``StaleEdit`` when someone else saved the row meanwhile and ``TextRefused`` when a
    changed shared text does not pass the anonymisation gate.
    """
    earlier = stored(instance) if instance.pk else None
    _guard(instance)
    needed_marks = _check_texts(instance, earlier, allowed_marks)
    before = history.snapshot(earlier) if earlier is not None else None
    uploads = _uploads(instance)
    try:
        _save_row(instance, earlier, expected_version)
        if needed_marks:
            _text_gate[0].record_marks(instance, needed_marks, by)
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

    poort = getattr(form, "poort", None)
    try:
        with marked(poort.marks if poort is not None else {}):
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
