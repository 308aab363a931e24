"""The anonymisation test sets and how they are scored.

Two sets of made-up paragraphs: ``PATH`` (data/anonimisering_testset.txt, tidy casus text) and
``PATH_ECHT`` (data/anonimisering_testset_echt.txt, issue 22: formal text, chat messages, spoken
accounts and meeting notes, a quarter of them without personal data but with risky words).

A paragraph's identifying details are marked inline as ``[[kind:text]]``; ``load()`` turns each
paragraph into its plain text and the annotated spans. A set may name the gemeente of its
proeftuin in a comment line ``# gemeente: <name>`` (``gemeente_of()``), which the detector is
given as the gate gives it. ``score()`` compares ``detect()`` with the annotations, per kind:

- recall: an annotated span counts as found when findings (of any kind: for the gate it matters
  that it is flagged, not what it is called) cover every letter and digit of it;
- precision: a finding is right when it overlaps an annotated span.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

PATH = Path(__file__).parent / "data" / "anonimisering_testset.txt"
PATH_ECHT = Path(__file__).parent / "data" / "anonimisering_testset_echt.txt"
_MARK = re.compile(r"\[\[(\w+):(.+?)\]\]")
_GEMEENTE = re.compile(r"^#\s*gemeente:\s*(.+?)\s*$", re.MULTILINE)

# The identifiers the gate must not miss (issues 4 and 22: recall ≥ 0.98).
DIRECT = ("bsn", "telefoon", "email", "postcode", "adres", "naam", "datum", "patientnummer")


@dataclass
class Paragraph:
    text: str
    spans: list = field(default_factory=list)  # (start, end, kind)


def parse(marked: str) -> Paragraph:
    text, spans, pos = [], [], 0
    length = 0
    for match in _MARK.finditer(marked):
        before = marked[pos : match.start()]
        text.append(before)
        length += len(before)
        kind, value = match.groups()
        spans.append((length, length + len(value), kind))
        text.append(value)
        length += len(value)
        pos = match.end()
    text.append(marked[pos:])
    return Paragraph("".join(text), spans)


def gemeente_of(path=PATH) -> str:
    """The gemeente named in the set's ``# gemeente:`` comment, or ""."""
    match = _GEMEENTE.search(path.read_text(encoding="utf-8"))
    return match.group(1) if match else ""


def load(path=PATH) -> list[Paragraph]:
    blocks, current = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return [parse(block) for block in blocks]


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    flagged: int = 0
    right: int = 0
    missed: list = field(default_factory=list)
    wrong: list = field(default_factory=list)

    @property
    def recall(self):
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self):
        return self.right / self.flagged if self.flagged else 1.0


def _covered(text, start, end, findings):
    covered = set()
    for f in findings:
        covered.update(range(max(start, f.start), min(end, f.end)))
    return all(i in covered for i in range(start, end) if text[i].isalnum())


def score(detect, paragraphs=None) -> dict[str, Score]:
    scores = defaultdict(Score)
    for paragraph in paragraphs if paragraphs is not None else load():
        findings = detect(paragraph.text)
        for start, end, kind in paragraph.spans:
            s = scores[kind]
            s.gold += 1
            if _covered(paragraph.text, start, end, findings):
                s.found += 1
            else:
                s.missed.append(paragraph.text[start:end])
        for f in findings:
            s = scores[f.kind]
            s.flagged += 1
            if any(f.start < end and start < f.end for start, end, _ in paragraph.spans):
                s.right += 1
            else:
                s.wrong.append(f.text)
    return dict(scores)


def clean_flagged(detect, paragraphs) -> list[str]:
    """The paragraphs without any annotated span in which ``detect`` finds something."""
    return [p.text for p in paragraphs if not p.spans and detect(p.text)]


def total(scores, kinds) -> Score:
    out = Score()
    for kind in kinds:
        s = scores.get(kind, Score())
        out.gold += s.gold
        out.found += s.found
        out.flagged += s.flagged
        out.right += s.right
    return out
