"""One write path: the apps save history and versions through ``kern.writes`` only.

``kern.writes`` is where a row is locked, saved with its version, recorded in the history and
(for a Verslag) left to its own versions; an app that called the history or the versioned save
itself would be a second path that skips a step of the first."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ("gemeenten", "casussen", "bijeenkomsten", "verbeteracties", "oogst", "programma", "demo")
# What only kern.writes may call.
BYPASSES = re.compile(r"\bWijziging\.record\(|\bsave_versioned\(")
# Registering the recorder is how the history reaches kern.writes.
ALLOWED = {("gemeenten/apps.py", "writes.register_history(Wijziging.record)")}


def lines(root: Path, paths):
    """(where, text) of every line of ``paths``, ``where`` as ``file:number``."""
    for path in paths:
        relative = path.relative_to(root).as_posix()
        for number, line in enumerate(path.read_text().splitlines(), 1):
            yield relative, f"{relative}:{number}", line.strip()


def bypasses(root: Path) -> list[str]:
    paths = [
        path
        for app in APPS
        for path in sorted((root / app).rglob("*.py"))
        if "migrations" not in path.parts
    ]
    return [
        f"{where}: {text}"
        for relative, where, text in lines(root, paths)
        if BYPASSES.search(text) and (relative, text) not in ALLOWED
    ]


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


# A service writes tenant rows through kern.writes. What it may still write itself, and why:
DIRECT = re.compile(
    r"objects\.(create|get_or_create|update_or_create|bulk_create)\(|[a-z_]\.save\(|\.delete\(\)"
)
DIRECT_ALLOWED = {
    # Logs that are history themselves: each phase step, each text of the verslag.
    ("gemeenten/services/proeftuin.py", "FaseOvergang.objects.create("),
    ("bijeenkomsten/services.py", "VerslagVersie.objects.create("),
    # The right to erasure and the retention purge: they erase, the history included.
    ("gemeenten/services/persoonsgegevens.py", ""),
    ("casussen/services.py", "casus.save()"),
    ("casussen/services.py", "wijziging.save("),
    ("casussen/services.py", "Wijziging.objects.create("),
    # Child rows, written in the ``then`` of their parent's save (its history has them).
    ("casussen/services.py", "form.instance.delete()"),
    ("casussen/services.py", "knelpunt = form.save(commit=False)"),
    ("casussen/services.py", "knelpunt.save()"),
    ("casussen/services.py", "GemarkeerdeVondst.objects.get_or_create("),
    ("verbeteracties/services.py", "actie.betrokkenheden.filter("),
    ("verbeteracties/services.py", "ActieOrganisatie.objects.bulk_create("),
    ("oogst/netwerk/services.py", "peiling.antwoorden.all().delete()"),
    ("oogst/netwerk/services.py", "Netwerkantwoord.objects.bulk_create("),
    # Not a tenant row: the account's own e-mail address, the national Kennisbank.
    ("gemeenten/services/leden.py", "EmailAddress.objects.update_or_create("),
    ("oogst/kennisbank/services.py", ""),
    # Not tenant rows: the gemeente itself (the tenant) and the programme's template.
    ("programma/services.py", "gemeente.save()"),
    ("programma/services.py", "sjabloon.save()"),
    # The logboek's render jobs: task state and the file, not a person's change of content.
    ("oogst/logboek/services.py", "LogboekVersie.objects.create("),
    ("oogst/logboek/services.py", "GecombineerdLogboek.objects.create("),
    ("oogst/logboek/services.py", "default_storage.save("),
    ("oogst/logboek/services.py", "versie.save("),
}


def direct_writes(root: Path) -> list[str]:
    paths = (
        sorted(root.glob("*/services.py"))
        + sorted(root.glob("*/*/services.py"))
        + sorted(root.glob("*/services/*.py"))
    )
    return [
        f"{where}: {text}"
        for relative, where, text in lines(root, paths)
        if DIRECT.search(text.replace("writes.", ""))
        and not text.startswith("#")
        and not any(relative == f and part in text for f, part in DIRECT_ALLOWED)
    ]


def test_services_write_tenant_rows_through_kern_writes():
    assert direct_writes(ROOT) == []


def test_the_check_finds_a_service_that_saves_a_row_itself(tmp_path):
    service = tmp_path / "bijeenkomsten" / "services.py"
    service.parent.mkdir()
    service.write_text("def aanmelden(deelname):\n    deelname.save()\n")
    assert direct_writes(tmp_path) == ["bijeenkomsten/services.py:2: deelname.save()"]
