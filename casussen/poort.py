"""The anonymisation gate in a form post, for every form with a shared text: findings marked as
not identifying (with a reason), one-click and all-at-once replacement, the findings that stop a
save, shown by one template part (``kern/poort.html``). Works the same with and without htmx.

The write path's hooks live here too (``kern.writes.register_text_gate``: the findings that stop
a save, the marks stored for a row, recording the marks a save needed), so a form of a lower app
(gemeenten) reaches the gate through ``kern.writes.gate_form()`` without importing this app.
"""

import dataclasses
import re
from collections.abc import Mapping

from django import forms
from django.core import validators
from django.http import QueryDict
from django.utils.translation import gettext as _

from kern.writes import TextRefused

from . import gate
from .anonimisering import detect
from .models import GemarkeerdeVondst
from .services import marks_save

MAX_REDEN = 200
MARK_KEY = re.compile(r"^[a-z_]{1,40}:[0-9a-f]{64}$")
# Fields of a plain form that hold no free text, though Django makes them CharFields.
NOT_TEXT = (forms.EmailField, forms.URLField, forms.SlugField, forms.UUIDField)


# --- the write path's hooks -----------------------------------------------------------------

refusals = gate.refusals


def marks_of(instance) -> set[str]:
    """The findings marked as not identifying for this row (a model may widen it: an inzicht
    counts its casus's marks)."""
    if hasattr(instance, "gate_marks"):
        return instance.gate_marks()
    return GemarkeerdeVondst.objects.keys_of(instance)


def record_marks(instance, marks: dict[str, str], by) -> None:
    """The marks (``kind:hash`` → reason) that let this save through, recorded on its row."""
    marks_save(obj=instance, marks=marks, by=by)


def stored_marks(obj) -> set[str]:
    return set() if obj is None or obj.pk is None else marks_of(obj)


# --- the form's side ------------------------------------------------------------------------


def _query_dict(data) -> QueryDict:
    if isinstance(data, QueryDict):
        return data.copy()
    copy = QueryDict(mutable=True)
    if isinstance(data, Mapping):
        for key, value in data.items():
            copy.setlist(key, value if isinstance(value, list | tuple) else [value])
    return copy


def form_text_fields(form) -> dict[str, str]:
    """HTML name → label of every field of ``form`` the gate checks: the form's own
    ``text_fields()``, else the model's gated fields it shows, else (a plain form) its text
    fields."""
    if hasattr(form, "text_fields"):
        return form.text_fields()
    model = getattr(getattr(form, "_meta", None), "model", None)
    if model is not None:
        from kern.writes import gated_fields

        names = [name for name in gated_fields(model) if name in form.fields]
    else:
        names = [
            name
            for name, field in form.fields.items()
            if isinstance(field, forms.CharField) and not isinstance(field, NOT_TEXT)
        ]
    return {form.add_prefix(name): str(form.fields[name].label or name) for name in names}


def cap_length(form, names) -> None:
    """No text is longer than the gate checks (``gate.MAX_TEXT``): the form refuses it first."""
    for name in names:
        field = form.fields.get(name)
        if field is None:
            continue
        if getattr(field, "max_length", None) is None or field.max_length > gate.MAX_TEXT:
            field.max_length = gate.MAX_TEXT
            field.validators.append(validators.MaxLengthValidator(gate.MAX_TEXT))
            field.widget.attrs["maxlength"] = str(gate.MAX_TEXT)


def _in_posted(finding, posted: str):
    """The finding at its place in the posted text, which its replace button edits: the saved
    text may differ from it (a form strips the spaces around it)."""
    if posted[finding.start : finding.end] == finding.text:
        return finding
    start = posted.find(finding.text)
    if start < 0:
        return finding
    return finding._replace(start=start, end=start + len(finding.text))


class Poort:
    """The gate state of one post: ``data`` (a mutable copy of the post, replacements applied),
    the new marks with their reasons, errors per mark, and the findings per field.

    ``obj``: the row being changed, whose stored marks count (a casus for its own forms, the
    inzicht form and the return remark). The gemeente of the texts (given, or the row's) is
    never a finding (casussen.gate)."""

    def __init__(self, data, *, obj=None, gemeente=None):
        self.data = _query_dict(data)
        if gemeente is None and obj is not None:
            gemeente = gate.gemeente_of(obj)
        self.gemeente = gemeente
        self.form = None
        self.text_fields: dict[str, str] = {}
        self.marks: dict[str, str] = {}
        self.mark_errors: dict[str, str] = {}
        self.checked: set[str] = set()
        self.replaced = False
        self.vondsten: list[gate.Vondst] = []
        for key in dict.fromkeys(self.data.getlist("niet_identificerend")):
            if not MARK_KEY.match(key):
                continue
            self.checked.add(key)
            reden = next((r.strip() for r in self.data.getlist(f"reden-{key}") if r.strip()), "")
            if "\x00" in reden or len(reden) > MAX_REDEN:
                reden = ""
            if not reden:
                self.mark_errors[key] = _("Say why this is not identifying.")
            elif detect(reden):
                self.mark_errors[key] = _(
                    "The reason itself contains identifying details; describe it in general terms."
                )
            else:
                self.marks[key] = reden
        self.allowed = stored_marks(obj) | set(self.marks)

    # The flow of the casus forms, which check before they save (knelpunten included).

    def apply_replacements(self, text_fields: dict[str, str]) -> bool:
        """Carry out a "replace" or "replace all" button, if one was pressed: True if so."""
        action = gate.parse_action(self.data.get("vervang", ""))
        if action and action[0] in text_fields:
            field, start, end, kind = action
            self.data[field] = gate.replace_one(
                self.data.get(field, ""), start, end, kind, self.gemeente
            )
            self.replaced = True
        elif "vervang_alles" in self.data:
            for field in text_fields:
                if self.data.get(field):
                    self.data[field] = gate.replace_all(
                        self.data[field], self.allowed, gemeente=self.gemeente
                    )
            self.replaced = True
        return self.replaced

    def check(self, text_fields: dict[str, str], names_allowed=frozenset()) -> list[gate.Vondst]:
        texts = {name: (label, self.data.get(name, "")) for name, label in text_fields.items()}
        self.vondsten = [
            dataclasses.replace(v, error=self.mark_errors.get(v.key, ""), anchor=f"id_{v.field}")
            for v in gate.check(
                texts, self.allowed, names_allowed=names_allowed, gemeente=self.gemeente
            )
        ]
        return self.vondsten

    @property
    def passes(self):
        return not self.vondsten and not self.mark_errors

    def context(self, live_url=""):
        return {
            "poort": self,
            "vondsten": self.vondsten,
            "marks": self.marks,
            "replaced": self.replaced,
            "live_url": live_url,
        }

    # The flow of every other form: the write path checks, the form shows its refusal.

    def attach(self, form) -> "Poort":
        """Put the gate on ``form`` (``form.poort``, which ``kern/poort.html`` shows): a bound
        form reads the post with a pressed replacement carried out; its texts are capped at
        what the gate checks."""
        form.poort = self
        self.form = form
        self.text_fields = form_text_fields(form)
        gated = [name for name in form.fields if form.add_prefix(name) in self.text_fields]
        cap_length(form, gated)
        if form.is_bound:
            form.data = self.data
            shown = {form.add_prefix(name): "" for name in form.fields}
            action = gate.parse_action(self.data.get("vervang", ""))
            if action and action[0] in shown:
                self.apply_replacements(shown)
            else:
                self.apply_replacements(self.text_fields)
            self._check_when_invalid(form)
        return self

    def _check_when_invalid(self, form) -> None:
        """A form refused for another reason (a required field left empty) shows the gate's
        findings at once too, instead of after the next try: the write path's check of the
        same texts, run on the post."""
        validate = form.full_clean
        model = getattr(getattr(form, "_meta", None), "model", None)
        named = {form.add_prefix(n) for n in getattr(model, "shared_name_fields", ())}

        def full_clean():
            validate()
            if form.errors and not self.replaced and not self.vondsten:
                self.check(self.text_fields, names_allowed=frozenset(named))
                self.show_on(form)

        form.full_clean = full_clean

    def refused(self, error) -> None:
        """A ``kern.writes.TextRefused``: its findings, by the form's own field names and
        labels, go into the summary, and a message onto each field they were found in."""
        form = self.form
        vondsten, per_field = [], {}
        for v in error.findings:
            name = v.field if v.field in form.fields else None
            if name is not None:
                v = dataclasses.replace(
                    v,
                    finding=_in_posted(v.finding, self.data.get(form.add_prefix(name), "")),
                    field=form.add_prefix(name),
                    label=str(form.fields[name].label or name),
                    anchor=form[name].auto_id or "",
                )
            vondsten.append(dataclasses.replace(v, error=self.mark_errors.get(v.key, "")))
            per_field.setdefault(name, []).append(v)
        self.vondsten = vondsten
        for name, found in per_field.items():
            _add_error(form, name, found)

    def show_on(self, *forms_shown) -> None:
        """The findings of ``check()`` as a message on each field they were found in (after
        the forms' own validation), as ``refused()`` puts them."""
        for form in forms_shown:
            for name in form.fields:
                found = [v for v in self.vondsten if v.field == form.add_prefix(name)]
                if found:
                    _add_error(form, name, found)


def _add_error(form, name, found) -> None:
    what = ", ".join(f"{v.kind_label} “{v.text}”" for v in found)
    message = TextRefused(found).message
    form.add_error(
        name,
        forms.ValidationError(
            _("%(message)s Found: %(what)s.") % {"message": message, "what": what},
            code="identifying",
        ),
    )
