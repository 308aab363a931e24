"""Recall and precision of the anonymisation gate per kind, on both Dutch test sets.

    DEVELOPMENT=1 .venv/bin/python bench/anonimisering_kwaliteit.py [-v]

One table per set (tests/casussen/data/anonimisering_testset.txt, the tidy casus paragraphs, and
anonimisering_testset_echt.txt, the four registers of issue 22), each with the recall on the
direct identifiers, on everything, and the share of paragraphs without personal data in which
something was flagged. -v also lists what was missed and what was flagged wrongly.
"""

import functools
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proeftuin.settings")

import django  # noqa: E402

django.setup()

from casussen.anonimisering import detect  # noqa: E402
from tests.casussen.anonimisering_testset import (  # noqa: E402
    DIRECT,
    PATH,
    PATH_ECHT,
    clean_flagged,
    gemeente_of,
    load,
    score,
    total,
)

# Issue 22's targets, on the new set.
TARGETS = {"direct": 0.98, "all": 0.95, "clean flagged": 0.15}


def table(path, verbose):
    paragraphs = load(path)
    gemeente = gemeente_of(path)
    check = functools.partial(detect, gemeente=gemeente) if gemeente else detect
    scores = score(check, paragraphs)
    clean = [p for p in paragraphs if not p.spans]
    flagged = clean_flagged(check, paragraphs)
    print(f"== {path.name}")
    print(
        f"{len(paragraphs)} paragraphs ({len(clean)} without personal data), "
        f"{sum(len(p.spans) for p in paragraphs)} annotated spans"
        + (f"; gemeente of the proeftuin: {gemeente}" if gemeente else "")
    )
    print(
        f"{'kind':<15}{'gold':>6}{'found':>7}{'recall':>8}{'flagged':>9}{'right':>7}{'precision':>11}"
    )
    for kind in sorted(scores):
        s = scores[kind]
        print(
            f"{kind:<15}{s.gold:>6}{s.found:>7}{s.recall:>8.2f}{s.flagged:>9}{s.right:>7}{s.precision:>11.2f}"
        )
    direct = total(scores, DIRECT)
    everything = total(scores, scores)
    print(f"{'direct':<15}{direct.gold:>6}{direct.found:>7}{direct.recall:>8.2f}")
    print(
        f"{'all':<15}{everything.gold:>6}{everything.found:>7}{everything.recall:>8.2f}"
        f"{everything.flagged:>9}{everything.right:>7}{everything.precision:>11.2f}"
    )
    share = len(flagged) / len(clean) if clean else 0.0
    print(f"clean paragraphs flagged: {len(flagged)} of {len(clean)} ({share:.0%})")
    if verbose:
        for kind in sorted(scores):
            s = scores[kind]
            if s.missed:
                print(f"missed {kind}: {s.missed}")
            if s.wrong:
                print(f"wrong {kind}: {s.wrong}")
        for text in flagged:
            found = [(f.kind, f.text) for f in check(text)]
            print(f"clean but flagged: {text[:50]!r}… {found}")
    print()
    return direct.recall, everything.recall, share


def main():
    verbose = "-v" in sys.argv
    table(PATH, verbose)
    direct, everything, share = table(PATH_ECHT, verbose)
    met = (
        direct >= TARGETS["direct"]
        and everything >= TARGETS["all"]
        and share <= TARGETS["clean flagged"]
    )
    print(
        f"issue 22 targets on {PATH_ECHT.name} (direct ≥ {TARGETS['direct']}, all ≥ "
        f"{TARGETS['all']}, clean flagged ≤ {TARGETS['clean flagged']:.0%}): "
        + ("met" if met else "NOT met")
    )


if __name__ == "__main__":
    main()
