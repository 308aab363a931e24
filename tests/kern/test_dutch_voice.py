"""The Dutch catalogue speaks to the user informally: "je"/"jouw"/"jij", never "u"/"uw"."""

import re
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parents[2] / "locale" / "nl" / "LC_MESSAGES" / "django.po"

FORMAL = re.compile(r"\b(u|U|uw|Uw|uzelf|Uzelf)\b")

_KEYWORD = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+"(.*)"\s*$')
_CONTINUATION = re.compile(r'^"(.*)"\s*$')
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


def _unescape(text):
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(0)), text)


def read_entries(path):
    """Yield (msgid, [msgstr, ...]) per entry; no polib, since it is not a dependency.

    Obsolete entries (#~) and comments are skipped; continuation lines are joined.
    """
    entries = []
    fields = {}
    current = None

    def flush():
        if "msgid" in fields:
            strings = [v for k, v in fields.items() if k.startswith("msgstr")]
            entries.append((fields["msgid"], strings))

    for line in Path(path).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            current = None
            continue
        keyword = _KEYWORD.match(line)
        if keyword:
            key, value = keyword.groups()
            if key in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in fields):
                flush()
                fields = {}
            fields[key] = _unescape(value)
            current = key
            continue
        continuation = _CONTINUATION.match(line)
        if continuation and current:
            fields[current] += _unescape(continuation.group(1))
    flush()
    return [(msgid, strings) for msgid, strings in entries if msgid]


def formal_entries(path=None):
    """The msgids whose translation contains a formal form."""
    entries = read_entries(path or CATALOGUE)
    return [msgid for msgid, strings in entries if any(FORMAL.search(s) for s in strings)]


def test_the_reader_finds_the_catalogue():
    entries = read_entries(CATALOGUE)
    assert len(entries) > 100
    assert ("Your name", ["Je naam"]) in entries


def test_no_translation_uses_the_formal_u():
    offending = formal_entries()
    assert not offending, (
        f"{len(offending)} Dutch translation(s) use the formal u/uw instead of je/jouw:\n"
        + "\n".join(f"  - {msgid!r}" for msgid in offending)
    )
