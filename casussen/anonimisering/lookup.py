"""deduce's own word lists (places, institutions, common words), read as files without importing
deduce, whose import has side effects (DESIGN.md). Used by the own rules and the allowlist."""

import importlib.util
from pathlib import Path


def _deduce_lookup_dir() -> Path | None:
    """deduce's source lists, read without importing deduce (whose import has side effects)."""
    spec = importlib.util.find_spec("deduce")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "lookup" / "src"


def read_items(*parts) -> set[str]:
    base = _deduce_lookup_dir()
    if base is None:
        return set()
    path = base.joinpath(*parts, "items.txt")
    if not path.is_file():
        return set()
    return {line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()}


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of a list written in the source."""
    return frozenset(text.split())
