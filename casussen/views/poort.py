"""The anonymisation gate in a form post: marked findings, one-click and all-at-once
replacement, and the findings that stop a save. Works the same with and without htmx."""

import dataclasses
import re

from django.http import QueryDict
from django.utils.translation import gettext as _

from .. import gate
from ..anonimisering import detect

MAX_REDEN = 200
MARK_KEY = re.compile(r"^[a-z_]{1,40}:[0-9a-f]{64}$")


def stored_marks(casus) -> set[str]:
    return set() if casus is None else casus.gate_marks()


class Poort:
    """The gate state of one post: ``data`` (a mutable copy of the post, replacements applied),
    the new marks with their reasons, errors per mark, and the findings per field. The
    gemeente of the texts (given, or the casus's) is never a finding."""

    def __init__(self, data, *, casus=None, gemeente=None):
        self.data = data.copy() if isinstance(data, QueryDict) else QueryDict(mutable=True)
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
        self.allowed = stored_marks(casus) | set(self.marks)
        # The casus's own gemeente is never a finding (casussen.gate).
        if gemeente is None and casus is not None and casus.gemeente_id:
            gemeente = casus.gemeente
        self.gemeente = gemeente

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

    def check(self, text_fields: dict[str, str]) -> list[gate.Vondst]:
        texts = {name: (label, self.data.get(name, "")) for name, label in text_fields.items()}
        self.vondsten = [
            dataclasses.replace(v, error=self.mark_errors.get(v.key, ""))
            for v in gate.check(texts, self.allowed, gemeente=self.gemeente)
        ]
        return self.vondsten

    @property
    def passes(self):
        return not self.vondsten and not self.mark_errors

    def context(self, live_url=""):
        return {
            "vondsten": self.vondsten,
            "marks": self.marks,
            "mark_errors": self.mark_errors,
            "checked": self.checked,
            "replaced": self.replaced,
            "live_url": live_url,
        }
