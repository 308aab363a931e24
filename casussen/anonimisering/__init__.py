"""The anonymisation gate's detector: ``detect(text)`` finds what could identify a person.

CONTRACT (used by the casussen forms, the live check and the tests; keep it stable):

- ``detect(text: str, *, gemeente: str = "") -> list[Finding]``: findings sorted by ``start``,
  non-overlapping, with character offsets into ``text`` (``text[f.start:f.end] == f.text``),
  never starting or ending in whitespace. ``gemeente``: the name of the proeftuin's own
  gemeente, which is never a finding (nor "gemeente <name>").
- ``Finding`` is a NamedTuple ``(start, end, kind, text)``; ``kind`` is a ``Soort`` value.
- ``Soort`` (TextChoices): the kinds of identifying detail, with a Dutch label.
- ``replacement(kind) -> str``: the placeholder that replaces a finding (``[naam]``,
  ``[datum]`` …), itself never a finding.

How: deduce (de-identification of Dutch medical text, one shared object per process, see
``engine``) plus own rules for what deduce misses (``regels``), minus an allowlist of harmless
words, age bands and the placeholders (``allowlist``). Own rules win where they overlap deduce
(they know the kind better); what is left of a deduce span outside them stays a finding.
"""

import bisect
from typing import NamedTuple

from . import engine, nabewerking, regels
from .allowlist import is_allowed_word, name_span, protected_spans
from .soort import REPLACEMENTS, Soort

__all__ = ["Finding", "Soort", "detect", "get_deduce", "replace_all", "replacement", "warm_up"]

get_deduce = engine.get_deduce


class Finding(NamedTuple):
    start: int
    end: int
    kind: str
    text: str


def replacement(kind) -> str:
    return REPLACEMENTS[Soort(kind)]


# deduce's tags (deduce 3.0) → our kinds; a "locatie" is refined by what it looks like.
_DEDUCE_TAGS = {
    "persoon": Soort.NAAM,
    "patient": Soort.NAAM,
    "locatie": Soort.PLAATS,
    "instelling": Soort.INSTELLING,
    "ziekenhuis": Soort.INSTELLING,
    "zorginstelling": Soort.INSTELLING,
    "datum": Soort.DATUM,
    "leeftijd": Soort.LEEFTIJD,
    "bsn": Soort.BSN,
    "telefoonnummer": Soort.TELEFOON,
    "emailadres": Soort.EMAIL,
    "url": Soort.URL,
    "patientnummer": Soort.PATIENTNUMMER,
    "id": Soort.PATIENTNUMMER,
}
_TRIM = " \t\r\n,;:!?()\"'“”‘’"


def warm_up():
    """Build the shared deduce object and the own rules' word lists now (the web tier calls this
    at import, before forking, so that the workers share them instead of each building them on
    its first check: ~250 ms)."""
    engine.get_deduce()
    regels.load_lists()


def _kind_of(tag: str):
    """Our kind for a deduce tag; tags deduce may compose ("voornaam+achternaam") by their parts."""
    if tag in _DEDUCE_TAGS:
        return _DEDUCE_TAGS[tag]
    if any(part in tag for part in ("naam", "persoon", "initiaal", "patient")):
        return Soort.NAAM
    if any(part in tag for part in ("straat", "huisnummer")):
        return Soort.ADRES
    # An unknown tag is still something deduce thinks identifies: flag it rather than drop it.
    return Soort.PATIENTNUMMER


def _deduce_candidates(text):
    deduce = engine.get_deduce()
    from . import tokens  # imports deduce's modules, which get_deduce() has imported by now

    document = deduce.deidentify(text, disabled=_DEDUCE_SKIP)
    candidates = []
    for annotation in document.annotations:
        kind = _kind_of(annotation.tag)
        # deduce's offsets can be numpy integers
        start, end = int(annotation.start_char), int(annotation.end_char)
        if kind == Soort.PLAATS and any(ch.isdigit() for ch in text[start:end]):
            kind = Soort.ADRES
        candidates.append((start, end, kind))
    tokens.release(document)
    return candidates


_DEDUCE_SKIP = {"redactor"}  # the annotations are all we need


def _trim(text, start, end):
    """No whitespace or punctuation at either end (a bracket only when it is unmatched inside,
    so that "(0315) 123456" keeps its own), and no sentence-ending full stop."""
    while start < end:
        ch = text[start]
        if ch in _TRIM and not (ch == "(" and ")" in text[start:end]) or ch == ".":
            start += 1
        else:
            break
    while end > start:
        ch = text[end - 1]
        if ch in _TRIM and not (ch == ")" and "(" in text[start:end]) or ch == ".":
            end -= 1
        else:
            break
    return start, end


def _merge_adjacent(text, findings):
    """One finding for parts of the same kind with only a space between them ("Van" + "Goghlaan
    7" where deduce and a rule saw the street differently)."""
    merged = []
    for f in sorted(findings):
        if merged and merged[-1].kind == f.kind and not text[merged[-1].end : f.start].strip():
            last = merged.pop()
            f = Finding(last.start, f.end, f.kind, text[last.start : f.end])
        merged.append(f)
    return merged


class _Covered:
    """The union of the spans taken so far, as sorted disjoint intervals: a candidate's free
    parts are the gaps inside it. (Subtracting every taken span from every candidate in turn was
    quadratic: ~140 candidates × ~140 spans on an 800-word casus.)"""

    def __init__(self, spans):
        self.starts, self.ends = [], []
        for start, end in spans:
            self.add(start, end)

    def add(self, start, end):
        # Merge with every interval that overlaps or touches [start, end).
        i = bisect.bisect_left(self.ends, start)
        j = i
        while j < len(self.starts) and self.starts[j] <= end:
            start, end = min(start, self.starts[j]), max(end, self.ends[j])
            j += 1
        self.starts[i:j] = [start]
        self.ends[i:j] = [end]

    def free_parts(self, start, end):
        """The parts of [start, end) not covered, in order."""
        parts = []
        i = bisect.bisect_right(self.ends, start)
        while i < len(self.starts) and self.starts[i] < end:
            if start < self.starts[i]:
                parts.append((start, self.starts[i]))
            start = max(start, self.ends[i])
            i += 1
        if start < end:
            parts.append((start, end))
        return parts


def _is_initial(text, start, end, kind):
    """A name's initial alone ("mw. V."): one capital letter with its dot."""
    return kind == Soort.NAAM and text[start:end].isupper() and text[end : end + 1] == "."


def detect(text: str, *, gemeente: str = "") -> list[Finding]:
    """Every identifying detail in ``text`` (see the module's contract)."""
    if not text or not text.strip():
        return []
    taken = _Covered(protected_spans(text))
    findings = []
    for start, end, kind in [*regels.candidates(text), *_deduce_candidates(text)]:
        if kind is None:  # an own rule's verdict that this span is harmless
            taken.add(start, end)
            continue
        for p_start, p_end in taken.free_parts(start, end):
            p_start, p_end = _trim(text, p_start, p_end)
            if kind == Soort.NAAM:
                span = name_span(text, p_start, p_end)
                if span is None:
                    continue
                p_start, p_end = span
            part = text[p_start:p_end]
            if not any(ch.isalnum() for ch in part) or (
                len(part) < 2 and not part.isdigit() and not _is_initial(text, p_start, p_end, kind)
            ):
                continue
            if is_allowed_word(part):
                continue
            taken.add(p_start, p_end)
            findings.append(Finding(p_start, p_end, str(kind), part))
    return nabewerking.apply(text, _merge_adjacent(text, findings), gemeente)


def replace_all(text: str, findings=None) -> str:
    """``text`` with every finding replaced by its placeholder."""
    if findings is None:
        findings = detect(text)
    for finding in sorted(findings, reverse=True):
        text = text[: finding.start] + replacement(finding.kind) + text[finding.end :]
    return text
