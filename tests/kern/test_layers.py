"""The layers of DESIGN.md hold in the code and in the templates: import-linter checks the
Python imports (a layers contract and no cycles inside an app); templates are checked here, since
import-linter cannot see a ``{% load %}``, an ``{% include %}`` or a ``{% url %}``."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Lowest first. A template of an app may use what belongs to its own layer or a lower one.
LAYERS = ["kern", "gemeenten", "casussen", "bijeenkomsten", "verbeteracties", "oogst", "programma"]
URL_NAMESPACES = {"logboeken": "oogst", "kennisbank": "oogst"}

# The oogst's parts (templates/oogst/<part>/), lowest first; parts on one level are
# independent, as in the oogst's layers contract in pyproject.toml.
OOGST_PARTS = [{"inhoud", "netwerk"}, {"kennisbank", "logboek"}]
OOGST_INCLUDE = re.compile(r"\{%\s*(?:include|extends)\s+[\"']oogst/([a-z_]+)/")

LOAD = re.compile(r"\{%\s*load\s+([^%]+?)\s*%\}")
INCLUDE = re.compile(r"\{%\s*(?:include|extends)\s+[\"']([a-z_]+)/")
URL = re.compile(r"\{%\s*url\s+[\"']([a-z_]+):")


def _tag_libraries():
    """Each app's own template tag libraries, by name."""
    return {
        path.stem: app
        for app in LAYERS
        for path in (ROOT / app / "templatetags").glob("*.py")
        if path.stem != "__init__"
    }


def template_back_edges(templates_dir, libraries):
    """(template, what it uses, the higher app it belongs to) for every upward use."""
    found = []
    for app in LAYERS:
        level = LAYERS.index(app)
        for path in sorted((templates_dir / app).rglob("*")):
            if not path.is_file():
                continue
            text = path.read_text(encoding="utf-8")
            used = [
                (name, libraries.get(name)) for m in LOAD.finditer(text) for name in m[1].split()
            ]
            used += [(m[1] + "/", m[1]) for m in INCLUDE.finditer(text)]
            used += [(m[1] + ":", URL_NAMESPACES.get(m[1], m[1])) for m in URL.finditer(text)]
            for what, owner in used:
                if owner in LAYERS and LAYERS.index(owner) > level:
                    found.append((str(path.relative_to(templates_dir)), what, owner))
    return found


def oogst_part_back_edges(templates_dir):
    """(template, the oogst part it includes) for every include of a part above its own or
    beside it."""
    level = {part: n for n, parts in enumerate(OOGST_PARTS) for part in parts}
    found = []
    for part, own in level.items():
        for path in sorted((templates_dir / "oogst" / part).rglob("*")):
            if not path.is_file():
                continue
            for m in OOGST_INCLUDE.finditer(path.read_text(encoding="utf-8")):
                other = m[1]
                if other != part and level.get(other, -1) >= own:
                    found.append((str(path.relative_to(templates_dir)), other))
    return found


def test_no_template_uses_an_app_above_its_own():
    assert template_back_edges(ROOT / "templates", _tag_libraries()) == []


def test_the_template_check_finds_an_upward_use(tmp_path):
    (tmp_path / "bijeenkomsten").mkdir()
    (tmp_path / "bijeenkomsten" / "x.html").write_text(
        "{% load i18n acties %}{% include \"verbeteracties/y.html\" %}{% url 'kennisbank:list' %}"
    )
    assert template_back_edges(tmp_path, {"acties": "verbeteracties"}) == [
        ("bijeenkomsten/x.html", "acties", "verbeteracties"),
        ("bijeenkomsten/x.html", "verbeteracties/", "verbeteracties"),
        ("bijeenkomsten/x.html", "kennisbank:", "oogst"),
    ]


def test_no_oogst_part_includes_the_templates_of_a_part_above_or_beside_it():
    assert oogst_part_back_edges(ROOT / "templates") == []


def test_the_oogst_part_check_finds_an_include_of_a_part_above_or_beside(tmp_path):
    (tmp_path / "oogst" / "inhoud").mkdir(parents=True)
    (tmp_path / "oogst" / "logboek").mkdir(parents=True)
    (tmp_path / "oogst" / "inhoud" / "x.html").write_text(
        '{% include "oogst/logboek/a.html" %}{% include "oogst/netwerk/b.html" %}'
        '{% include "oogst/inhoud/c.html" %}'
    )
    (tmp_path / "oogst" / "logboek" / "y.html").write_text('{% include "oogst/netwerk/d.html" %}')
    assert oogst_part_back_edges(tmp_path) == [
        ("oogst/inhoud/x.html", "logboek"),
        ("oogst/inhoud/x.html", "netwerk"),
    ]


@pytest.mark.skipif(
    shutil.which("lint-imports", path=Path(sys.executable).parent) is None,
    reason="import-linter is a development dependency",
)
def test_the_import_contracts_are_kept():
    result = subprocess.run(
        [str(Path(sys.executable).parent / "lint-imports"), "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:]
