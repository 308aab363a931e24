"""Recall and precision of the anonymisation gate per kind, on the Dutch test set.

    DEVELOPMENT=1 .venv/bin/python bench/anonimisering_kwaliteit.py [-v]

-v also lists what was missed and what was flagged wrongly.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "proeftuin.settings")

import django  # noqa: E402

django.setup()

from casussen.anonimisering import detect  # noqa: E402
from tests.casussen.anonimisering_testset import DIRECT, load, score, total  # noqa: E402


def main():
    verbose = "-v" in sys.argv
    paragraphs = load()
    scores = score(detect, paragraphs)
    print(f"{len(paragraphs)} paragraphs, {sum(len(p.spans) for p in paragraphs)} annotated spans")
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
    if verbose:
        for kind in sorted(scores):
            s = scores[kind]
            if s.missed:
                print(f"missed {kind}: {s.missed}")
            if s.wrong:
                print(f"wrong {kind}: {s.wrong}")


if __name__ == "__main__":
    main()
