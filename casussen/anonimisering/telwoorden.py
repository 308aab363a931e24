"""Numbers written as Dutch words ("tachtig", "drieënnegentig", "honderd"): for ages and days of
the month in spoken accounts. ``NUMBER`` matches the words for 1–120, ``value()`` reads one."""

import re

_UNITS = ("een", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen")
_TEENS = (
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
)
_TENS = ("twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig")

_UNIT = "|".join(("één", *_UNITS))
# Longest first within each alternative, so that "zeventien" is not read as "zeven".
NUMBER = (
    r"(?:honderd(?:(?:en)?(?:" + "|".join(_TEENS) + "|" + _UNIT + r"|twintig))?"
    r"|(?:(?:" + _UNIT + r")(?:en|ën))?(?:" + "|".join(_TENS) + r")"
    r"|" + "|".join(sorted(_TEENS, key=len, reverse=True)) + r"|" + _UNIT + r")"
)
# An age in words is a ten or more: "twee jaar" is far more often a duration than an age.
NUMBER_TEN_UP = (
    r"(?:honderd(?:(?:en)?(?:" + "|".join(_TEENS) + "|" + _UNIT + r"|twintig))?"
    r"|(?:(?:" + _UNIT + r")(?:en|ën))?(?:" + "|".join(_TENS) + r")"
    r"|" + "|".join(sorted(_TEENS, key=len, reverse=True)) + r")"
)


def _ten_up_words():
    units = ("één", *_UNITS)
    words = set(_TEENS) | set(_TENS) | {"honderd"}
    words |= {unit + link + ten for unit in units for link in ("en", "ën") for ten in _TENS}
    words |= {
        "honderd" + link + rest for link in ("", "en") for rest in (*_TEENS, *units, "twintig")
    }
    return frozenset(words)


# Every word NUMBER_TEN_UP matches: a text without one of them needs no word-number rule.
WORDS_TEN_UP = _ten_up_words()

_VALUES = {word: i for i, word in enumerate(_UNITS, 1)} | {"één": 1}
_VALUES |= {word: i for i, word in enumerate(_TEENS, 10)}
_VALUES |= {word: 10 * i for i, word in enumerate(_TENS, 2)}
_PARTS = re.compile(
    r"^(?:(?P<unit>" + _UNIT + r")(?:en|ën))?(?P<rest>.+)$",
)


def value(word: str) -> int | None:
    """The value of a number in words (1–120), or None."""
    word = word.lower()
    if word in _VALUES:
        return _VALUES[word]
    if word.startswith("honderd"):
        rest = word[len("honderd") :]
        rest = rest[2:] if rest.startswith("en") and rest[2:] in _VALUES else rest
        return 100 + (_VALUES.get(rest, 0) if rest else 0)
    match = _PARTS.match(word)
    if match and match.group("unit") and match.group("rest") in _VALUES:
        return _VALUES[match.group("unit")] + _VALUES[match.group("rest")]
    return None
