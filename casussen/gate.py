"""The anonymisation gate around ``anonimisering.detect()``: which findings of which fields stop
a save, the words around each, replacing one or all, and findings marked as not identifying.
The one entry point for every app: every form with a shared text (through ``casussen.poort``),
the live check, the write path (``refusals``) and the Kennisbank (which adds the names of people
its gemeente knows).

Where the caller knows the gemeente of the text (the write path from the instance, the casus
forms from the casus), it passes it as ``gemeente`` (a ``Gemeente`` or its name): the
proeftuin's own gemeente is never a finding.

Fields are named by their form field's HTML name (``verloop``, ``knelpunten-0-toelichting``), so
the same code checks a casus with its knelpunten, an inzicht, or a single text, and a
replacement edits exactly the posted value. Nothing here stores or logs text.
"""

import functools
import re
from dataclasses import dataclass

from django.utils.crypto import salted_hmac

from kern import current_request

from . import anonimisering
from .anonimisering import Finding, Soort, replacement

CONTEXT_CHARS = 40
# What a field holding a professional's name by purpose may hold: the name, and the
# organisation that comes with it ("Tineke Trekker, Welzijn A").
PROFESSIONAL = frozenset({Soort.NAAM, Soort.INSTELLING})
# Longer texts are refused by the forms (max_length) before the gate looks at them: a casus
# field of ~1,300 words is plenty, and the detector's cost grows with the length.
MAX_TEXT = 8000


@functools.lru_cache(maxsize=128)
def _detect(text: str, gemeente: str) -> tuple[Finding, ...]:
    return tuple(anonimisering.detect(text, gemeente=gemeente))


def gemeente_name(gemeente) -> str:
    """The name the detector is given for ``gemeente``: a ``Gemeente``, a name, or None."""
    if gemeente is None:
        return ""
    return gemeente if isinstance(gemeente, str) else str(getattr(gemeente, "naam", "") or "")


def detect(text: str, gemeente="") -> list[Finding]:
    """``anonimisering.detect``, remembered for the last texts: the form's check and the write
    path's look at the same text in one request, and the detector takes tens of milliseconds."""
    return list(_detect(text, gemeente_name(gemeente)))


def vondst_hash(kind: str, text: str) -> str:
    """A keyed hash of a finding: recognises it again, reveals nothing of it."""
    normalised = " ".join(text.split()).casefold()
    return salted_hmac(
        "casussen.gate.vondst", f"{kind}:{normalised}", algorithm="sha256"
    ).hexdigest()


def mark_key(kind: str, text: str) -> str:
    return f"{kind}:{vondst_hash(kind, text)}"


@dataclass(frozen=True)
class Vondst:
    """One finding in one field, with what the form shows around it."""

    field: str
    label: str
    finding: Finding
    before: str
    after: str
    error: str = ""
    anchor: str = ""  # the id of its field in the form, to link to

    @property
    def kind(self):
        return self.finding.kind

    @property
    def kind_label(self):
        try:
            return Soort(self.finding.kind).label
        except ValueError:
            return self.finding.kind

    @property
    def text(self):
        return self.finding.text

    @property
    def replacement(self):
        return replacement(self.finding.kind)

    @property
    def key(self):
        return mark_key(self.finding.kind, self.finding.text)

    @property
    def action(self):
        """The value of its replace button: field, position and kind of the finding."""
        f = self.finding
        return f"{self.field}|{f.start}|{f.end}|{f.kind}"


def _context(text, start, end):
    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    # Whole words only, with an ellipsis where the text goes on.
    if start - CONTEXT_CHARS > 0 and " " in before:
        before = "…" + before[before.index(" ") + 1 :]
    if end + CONTEXT_CHARS < len(text) and " " in after:
        after = after[: after.rindex(" ")] + "…"
    return before, after


def _name_findings(text, names, taken):
    found = []
    for name in names:
        pattern = r"(?<!\w)" + r"\s+".join(re.escape(part) for part in name.split()) + r"(?!\w)"
        for m in re.finditer(pattern, text, flags=re.IGNORECASE):
            if any(m.start() < end and start < m.end() for start, end in taken):
                continue
            taken.append(m.span())
            found.append(Finding(m.start(), m.end(), str(Soort.NAAM), m.group()))
    return found


def findings(text: str, names=(), *, detector=True, gemeente="") -> list[Finding]:
    """The detector's findings plus ``names`` (of people the caller knows, longest first, which
    the detector may not recognise as names), without overlaps, in order. Without ``detector``
    only the names (for a text that names a gemeente or an organisation by purpose)."""
    if not text or not text.strip():
        return []
    found = detect(text, gemeente) if detector else []
    if names:
        found += _name_findings(text, names, [(f.start, f.end) for f in found])
    return sorted(found)


def check(
    texts: dict[str, tuple[str, str]],
    allowed=frozenset(),
    *,
    names=(),
    names_only=(),
    names_allowed=(),
    gemeente="",
) -> list[Vondst]:
    """The findings that stop a save: ``texts`` maps field name to (label, text); findings whose
    ``mark_key`` is in ``allowed`` (marked as not identifying) do not count. ``names`` as for
    ``findings()``; fields in ``names_only`` are checked for the names only, fields in
    ``names_allowed`` (a professional's name by purpose) for everything but names and
    organisations (``PROFESSIONAL``); ``gemeente``: the gemeente the texts belong to (see the
    module's docstring)."""
    found = []
    for field, (label, text) in texts.items():
        if not text or len(text) > MAX_TEXT:
            continue  # empty, or refused by the form's max_length anyway
        in_field = findings(text, names, detector=field not in names_only, gemeente=gemeente)
        for finding in in_field:
            if mark_key(finding.kind, finding.text) in allowed:
                continue
            if field in names_allowed and finding.kind in PROFESSIONAL:
                continue
            before, after = _context(text, finding.start, finding.end)
            found.append(Vondst(field, label, finding, before, after))
    return found


def refusals(instance, texts: dict[str, str], allowed=frozenset()) -> list[Vondst]:
    """The write path's gate: the findings in ``texts`` (field name → text) of ``instance``
    that are not marked as not identifying; names and organisations do not count in the
    model's ``shared_name_fields``. Every form with such a text shows the findings to replace
    or mark (``kern/poort.html``), so every kind counts in every model."""
    meta = instance._meta
    return check(
        {name: (str(meta.get_field(name).verbose_name), text) for name, text in texts.items()},
        allowed,
        names_allowed=frozenset(getattr(instance, "shared_name_fields", ())),
        gemeente=gemeente_of(instance),
    )


def gemeente_of(instance) -> str:
    """The name of the gemeente a tenant row belongs to: the page's gemeente when the row is
    one of its own (no query), else the row's."""
    gemeente_id = getattr(instance, "gemeente_id", None)
    if gemeente_id is None:
        return ""
    here = getattr(current_request.get(), "gemeente", None)
    if here is not None and here.pk == gemeente_id:
        return gemeente_name(here)
    return gemeente_name(instance.gemeente)


def parse_action(value: str):
    """(field, start, end, kind) from a replace button's value, or None."""
    try:
        field, start, end, kind = value.split("|")
        return field, int(start), int(end), kind
    except (ValueError, AttributeError):
        return None


def replace_one(text: str, start: int, end: int, kind: str, gemeente="") -> str:
    """Replace exactly the finding at start:end (nothing around it), if the detector still finds
    it there (the text may have changed since the button was drawn); otherwise leave the text
    alone."""
    if len(text) > MAX_TEXT:
        return text
    for finding in detect(text, gemeente):
        if (finding.start, finding.end, finding.kind) == (start, end, kind):
            return anonimisering.replace_all(text, [finding])
    return text


def replace_all(text: str, allowed=frozenset(), *, names=(), detector=True, gemeente="") -> str:
    """Replace every finding not marked as not identifying, from the end so offsets hold."""
    if not text or len(text) > MAX_TEXT:
        return text
    found = findings(text, names, detector=detector, gemeente=gemeente)
    kept = [f for f in found if mark_key(f.kind, f.text) not in allowed]
    return anonimisering.replace_all(text, kept)
