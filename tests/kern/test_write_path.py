"""One write path: the apps save history and versions through ``kern.writes`` only.

``kern.writes`` is where a row is locked, saved with its version, recorded in the history and
(for a Verslag) left to its own versions; an app that called the history or the versioned save
itself would be a second path that skips a step of the first."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ("gemeenten", "casussen", "bijeenkomsten", "verbeteracties", "oogst", "demo")
# What only kern.writes may call.
BYPASSES = re.compile(r"\bWijziging\.record\(|\bsave_versioned\(")
# Registering the recorder is how the history reaches kern.writes.
ALLOWED = {("gemeenten/apps.py", "writes.register_history(Wijziging.record)")}


def bypasses(root: Path) -> list[str]:
    found = []
    for app in APPS:
        for path in sorted((root / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            relative = path.relative_to(root).as_posix()
            for number, line in enumerate(path.read_text().splitlines(), 1):
                if BYPASSES.search(line) and (relative, line.strip()) not in ALLOWED:
                    found.append(f"{relative}:{number}: {line.strip()}")
    return found


def test_no_app_writes_history_or_versions_past_kern_writes():
    assert bypasses(ROOT) == []


def test_the_check_finds_a_service_that_records_history_itself(tmp_path):
    service = tmp_path / "casussen" / "services.py"
    service.parent.mkdir()
    service.write_text("def casus_save(casus, by):\n    Wijziging.record(casus, by=by)\n")
    assert bypasses(tmp_path) == ["casussen/services.py:2: Wijziging.record(casus, by=by)"]


@pytest.mark.parametrize("app", APPS)
def test_every_app_is_looked_at(app):
    assert (ROOT / app).is_dir()
