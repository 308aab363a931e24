"""Dates as people write them in notes and messages (issue 22): day and month without a year
("op 5/6", "ma 02-09", "MDO 17-11:"), feast days that name a day ("op Hemelvaartsdag", "tweede
kerstdag", "Suikerfeest 2023") and days in words ("zes juni").

A day-month pair is also a range, a fraction or a score ("2-3 keer", "1/2 tablet", "groep 1/2",
"24/7"), so it counts as a date only with something that makes it one: a weekday in front, a
zero-padded part, a date preposition or label in front, a time after it, or the place of a date
in notes (at the start of a line or after a meeting word, followed by a colon or dash). It never
counts when a unit or count follows ("keer", "uur", "tabletten"), or when a numbering word
precedes ("groep", "klas", "fase").
"""

import re

from .soort import Soort
from .telwoorden import value

_WEEKDAY = (
    r"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(?:ochtend|middag|avond|nacht)?"
    r"|ma|di|wo|do|vr|za|zo|maan|dins|woens|don|vrij|zat|zon)\.?"
)
_DAY_MONTH = r"(?:0?[1-9]|[12]\d|3[01])[-/](?:0?[1-9]|1[0-2])"
# Anchored on the digit (Python's re skips to a digit first: see regels.py on speed).
_NUMERIC = re.compile(
    r"\d(?<![\w/.,+-]\d)\d?[-/]\d\d?(?![\w]|[-/.,]\d)",
)
_FULL = re.compile(_DAY_MONTH + r"$")
_BEFORE_WEEKDAY = re.compile(r"(?<![\w])" + _WEEKDAY + r"\s+$", re.IGNORECASE)
_BEFORE_CONTEXT = re.compile(
    r"(?:(?<![\w])(?:op|sinds|vanaf|per|tot|t/m|tm|en|voor|na|d\.d\.|dd|datum|geb\.?|geboren|"
    r"overleden|overl\.?|gereed|deadline|uiterlijk|ingang|ingaande|morgen|vandaag|gisteren|"
    r"mdo|overleg|agenda|notulen|verslag|intake|evaluatie|afspraak|gesprek|bezoek|opname|ontslag|"
    r"gemeld|gepland|vergadering|bijeenkomst)[:.]?|[(†*])\s*$",
    re.IGNORECASE,
)
_AFTER_TIME = re.compile(r"\s*(?:,\s*)?(?:om\s+)?\d{1,2}[:.]\d{2}\b|\s+om\s+\d", re.IGNORECASE)
_AFTER_NOTES = re.compile(r"\s*(?:[:—–]|-\s)")
_AFTER_UNIT = re.compile(
    r"\s*(?:x\b|%|keer|maal|uur|u\b|uren|dag|dagen|dagdelen|nacht|nachten|week|weken|maand|"
    r"maanden|jaar|jaren|jr|min|minuten|kwartier|tablet|tabletten|pil|pillen|mg|ml|cc|liter|"
    r"mensen|personen|pati[eë]nten|cli[eë]nten|bewoners|deelnemers|kinderen|casussen|punten|"
    r"plekken|bedden|kamers|van de|van het|deel|delen|zorg|per)\b",
    re.IGNORECASE,
)
_BEFORE_NUMBERING = re.compile(
    r"(?<![\w])(?:groep|groepen|klas|klassen|fase|stadium|graad|niveau|score|cijfer|pagina|blz|"
    r"artikel|hoofdstuk|stap|nr|nummer|versie|kamer|bed|bus|lijn|ronde|week|gold|nyha|ecog|"
    r"ratio|verhouding)\.?\s*$",
    re.IGNORECASE,
)

_FEAST_DAY = (
    r"(?:eerste|tweede|1e|2e)\s+(?:kerstdag|paasdag|pinksterdag)|kerstavond|kerstochtend|"
    r"oudejaarsavond|oudjaarsavond|oudejaarsdag|oudjaarsdag|nieuwjaarsdag|nieuwjaarsochtend|"
    r"hemelvaartsdag|hemelvaart|bevrijdingsdag|koningsdag|koninginnedag|prinsjesdag|"
    r"sinterklaas|sinterklaasavond|pakjesavond|goede vrijdag|witte donderdag|stille zaterdag|"
    r"palmzondag|paaszondag|paasmaandag|pinksterzondag|pinkstermaandag|aswoensdag|"
    r"allerheiligen|allerzielen|dodenherdenking|moederdag|vaderdag|valentijnsdag|"
    r"driekoningen|sint-maarten|sint maarten|suikerfeest|offerfeest|keti koti|"
    r"jom kipoer|rosj hasjana|diwali|holi phagwa|nieuwjaarsnacht"
)
# Seasons around a feast ("met Pasen", "rond Kerst") name a date only with a year.
_FEAST_SEASON = r"(?:pasen|kerst|kerstmis|pinksteren|ramadan|carnaval|oud en nieuw|oud & nieuw)"
_YEAR = r"(?:\s+(?:van\s+)?'?(?:(?:19|20)\d{2}|\d{2})(?![\w:]))"
_FEAST = re.compile(
    r"(?<![\w-])(?:(?:" + _FEAST_DAY + r")" + _YEAR + r"?|" + _FEAST_SEASON + _YEAR + r")(?![\w])",
    re.IGNORECASE,
)
# "rond Pasen", "na Koningsdag", "tot Sinterklaas": around a day, not the day itself.
_FEAST_RELATIVE = re.compile(
    r"(?<![\w])(?:rond|rondom|omstreeks|na|voor|sinds|vanaf|tot|tussen|richting|tegen|"
    r"dagen rond|week (?:na|voor|van)|weken (?:na|voor)|periode rond|tijd van)"
    r"\s+(?:(?:de|het)\s+)?$",
    re.IGNORECASE,
)

_MONTHS = r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_DAY_WORD_BEFORE = re.compile(r"(?<![\w-])([^\W\d_]+)\s+$")


_FRACTIONS = {"1/2", "1/3", "2/3", "1/4", "3/4", "1/5", "1/6", "1/8", "1/10", "1/12"}


def _numeric_dates(text):
    for m in _NUMERIC.finditer(text):
        start, end = m.span()
        value = m.group()
        if not _FULL.match(value) or value == "24/7":
            continue
        before = text[max(0, start - 30) : start]
        after = text[end : end + 25]
        if _AFTER_UNIT.match(after) or _BEFORE_NUMBERING.search(before):
            continue
        weekday = _BEFORE_WEEKDAY.search(before)
        if weekday:
            yield start - (len(before) - weekday.start()), end, Soort.DATUM
            continue
        day, month = re.split(r"[-/]", value)
        padded = day.startswith("0") or month.startswith("0")
        # A range or score counts up ("2-3 keer", "10-12"), a fraction is small ("1/2", "3/4"):
        # a pair that counts down, or a slash that is no simple fraction, is a date.
        if "-" in value and int(day) > int(month):
            padded = True
        if "/" in value and value not in _FRACTIONS:
            padded = True
        line_start = not before.strip() or before.rstrip()[-1:] in "\n•-*"
        if (
            padded
            or _BEFORE_CONTEXT.search(before)
            or _AFTER_TIME.match(after)
            or (line_start and _AFTER_NOTES.match(after))
        ):
            yield start, end, Soort.DATUM


# The first words of the feasts above: a text without any of them needs no feast rule.
# Where a feast is looked up: the first word of each, or the day word after an ordinal.
_ORDINAL_DAYS = frozenset({"kerstdag", "paasdag", "pinksterdag"})
_FEAST_KEYS = (
    frozenset(
        word.split()[0].split("-")[0]
        for word in (_FEAST_DAY + "|" + _FEAST_SEASON.strip("(?:)")).split("|")
        if not word.startswith("(?:eerste")
    )
    | _ORDINAL_DAYS
)
_PREVIOUS_WORD = re.compile(r"(\w+)\s+$")
_MONTH_WORDS = frozenset(_MONTHS.split("|"))


def candidates(text, words=None):
    """``(start, end, kind)`` for each date of this module's kinds; ``words``: the set of the
    text's lowercase words, if the caller has it (rules whose words are absent are skipped)."""
    if words is None:
        words = set(re.findall(r"[^\W\d_]+", text.lower()))
    yield from _numeric_dates(text)
    for m in _feasts(text, words):
        if m.group().lower().split()[0] in {"eerste", "tweede", "1e", "2e"} or not (
            _FEAST_RELATIVE.search(text[max(0, m.start() - 25) : m.start()])
        ):
            yield (*m.span(), Soort.DATUM)


def _feasts(text, words):
    """The feasts in ``text``, looked up where their words occur (not tried at every position)."""
    lower = text.lower()
    for key in _FEAST_KEYS & words:
        pos = lower.find(key)
        while pos != -1:
            starts = [pos]
            if key in _ORDINAL_DAYS:
                previous = _PREVIOUS_WORD.search(text, max(0, pos - 10), pos)
                if previous is not None:
                    starts.insert(0, previous.start(1))
            for start in starts:
                m = _FEAST.match(text, start)
                if m is not None:
                    yield m
                    break
            pos = lower.find(key, pos + len(key))


def word_dates(text, words):
    """ "zes juni", "eenentwintig maart": a day in words before a month (looked up by the month
    words the text has, instead of trying every number word at every position)."""
    lower = text.lower()
    for month in _MONTH_WORDS & words:
        start = lower.find(month)
        while start != -1:
            end = start + len(month)
            if not lower[end : end + 1].isalpha():
                day = _DAY_WORD_BEFORE.search(lower, max(0, start - 20), start)
                if day is not None and 1 <= (value(day.group(1)) or 0) <= 31:
                    yield day.start(1), end, Soort.DATUM
            start = lower.find(month, end)
