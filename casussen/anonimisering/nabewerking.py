"""What the findings of deduce and the own rules become together (issue 22): the whole of a name
and of a place, the age after a name, a role bound to a named place as one finding, and the
findings that are no one's name after all (a heading, a biblical name in a prayer, a pronoun).

``apply(text, findings)`` takes and returns sorted, non-overlapping findings; each step is a
reasoned rule about what stands around a finding, never about particular words of a test text.
"""

import re

from .allowlist import gemeente_spans, is_allowed_word, is_bible_reference, is_religious_name
from .lookup import words
from .namen import _FUNCTION_WORDS, _PARTICLES, _is_first_name, _lists
from .soort import Soort
from .telwoorden import NUMBER_TEN_UP, value

# "Meneer Jansen, 84, woont", "(mw. D., 82)", "Peter, 55, en": a bare number after a name and a
# comma, closed by a comma, bracket, full stop or "en".
_AGE_AFTER_NAME = re.compile(
    r"\.?,\s*(\d{1,3}|" + NUMBER_TEN_UP + r")(?=\s*[,;)]|\s+en\s|\.(?:\s|$)|$)", re.IGNORECASE
)
# "hij 86 zij 83", "(83 en 81)", "zestig jaar en drieënzestig": the next age of a pair.
_NEXT_AGE = re.compile(
    r"\s*(?:,|en|&|zij|hij|ze)\s+(\d{1,3}|" + NUMBER_TEN_UP + r")(?![\w%]|\s*(?:keer|x|uur|%))",
    re.IGNORECASE,
)
# "Amsterdam-Noord", "Rotterdam-Zuid", "Arnhem Centrum": a district written with its city.
_DISTRICT = re.compile(
    r"(?:-|\s)(?:Noord|Zuid|Oost|West|Centrum|Midden|Noordoost|Noordwest|Zuidoost|Zuidwest|"
    r"Binnenstad|Stad)(?![\w])|-[A-ZÀ-Ý][a-zà-ÿ]+(?![\w])"
)
# "Visser van de Wmo": deduce extends a name over "van de" and the next capital; the tail is a
# surname only when it is one.
_NAME_TAIL = re.compile(r"\s+(?:van|bij|uit)\s+(?:de|het|der|den)?\s*(\S.*)$")
# A heading of notes ("Scholing:", "Besluit:") is no name.
_HEADING_AFTER = re.compile(r"\s*:")

# Roles that one person holds at a place: a religious leader, a teacher, the owner or head.
_ROLE_WORDS = sorted(
    words(
        """
        imam pastoor pastor dominee predikant voorganger priester kapelaan rabbijn pandit koster
        diaken ouderling juf meester leerkracht leraar lerares docent mentor directeur directrice
        rector conrector eigenaar eigenaresse uitbater bedrijfsleider voorzitter secretaris
        penningmeester beheerder hoofd locatiemanager teamleider manager trainer coach kapper
        bakker slager burgemeester
        """
    )
)
_ROLE = re.compile(
    r"(?<![\w])(?:" + "|".join(_ROLE_WORDS) + r")"
    r"\s+(?:van|bij|op|in)\s+(?:(?:groep|klas)\s+\d{1,2}\s+(?:van|op|bij)\s+)?"
    r"(?P<article>(?:de|het|'t)\s+)?",
    re.IGNORECASE,
)
_AND_THE = re.compile(r"\s+en\s+(?:de|het)\s")
_APPOSITION = re.compile(r",\s+([a-zà-ÿ]{3,}),")
_PLACE_AFTER = re.compile(r"\s+(?:in|te)\s+")


def _finding(text, start, end, kind):
    from . import Finding

    return Finding(start, end, str(kind), text[start:end])


def _drop_no_names(text, findings):
    common = _lists()[0]
    first = _lists()[1]
    kept = []
    for f in findings:
        # "Sint Antonius" in a prayer is a saint, not the hospital of that name.
        if f.kind == Soort.INSTELLING and is_religious_name(text, f.start, f.end):
            continue
        if f.kind == Soort.NAAM:
            lower = f.text.lower()
            # What is left of a name after a longer finding took its middle ("op de"), or a
            # pronoun: lowercase function words only.
            no_name = f.text.islower() and all(
                word in _FUNCTION_WORDS or word in _PARTICLES for word in f.text.split()
            )
            if no_name or is_religious_name(text, f.start, f.end):
                continue
            before = text[max(0, f.start - 40) : f.start].rstrip()
            line_start = (not before and f.start <= 40) or before[-1:] in ("\n", ".", "!", "?")
            if (
                line_start
                and " " not in f.text
                and _HEADING_AFTER.match(text, f.end)
                and lower not in first
            ):
                continue
        if f.kind == Soort.ADRES and is_bible_reference(text, f.start, f.end):
            continue
        if f.kind == Soort.ADRES and _HEADING_AFTER.match(text, f.end):
            word = f.text.split()[0].lower()
            if word in common or word in {"punt", "agendapunt", "casus", "stap", "actie"}:
                continue
        kept.append(f)
    return kept


def _name_tails(text, findings):
    common = _lists()[0]
    out = []
    for f in findings:
        if f.kind == Soort.NAAM and (m := _NAME_TAIL.search(f.text)) is not None:
            tail = m.group(1)
            # The tail is an organisation or a word, not a surname: "Wmo", "VPTZ", "Gemeente".
            if (
                is_allowed_word(tail)
                or (tail.isupper() and len(tail) > 1)
                or tail.lower() in common
            ):
                end = f.start + m.start()
                if end > f.start:
                    f = _finding(text, f.start, end, f.kind)
        out.append(f)
    return out


def _extend_places(text, findings):
    out = []
    for f in findings:
        if f.kind == Soort.PLAATS and (m := _DISTRICT.match(text, f.end)) is not None:
            f = _finding(text, f.start, m.end(), f.kind)
        out.append(f)
    return out


def _ages(text, findings):
    """Ages after a name and a comma, and the second age of a pair."""
    taken = {(f.start, f.end) for f in findings}
    ages = []
    for f in findings:
        if f.kind == Soort.NAAM or (f.kind == Soort.LEEFTIJD):
            pos = f.end
            if f.kind == Soort.NAAM:
                m = _AGE_AFTER_NAME.match(text, pos)
                if m is None or not _plausible(m.group(1)):
                    continue
                ages.append(_finding(text, *m.span(1), Soort.LEEFTIJD))
                pos = m.end(1)
            while (m := _NEXT_AGE.match(text, pos)) is not None and _plausible(m.group(1)):
                ages.append(_finding(text, *m.span(1), Soort.LEEFTIJD))
                pos = m.end(1)
    return [a for a in ages if (a.start, a.end) not in taken]


def _plausible(number):
    age = int(number) if number.isdigit() else value(number)
    return age is not None and 0 < age <= 120


def _roles(text, findings):
    """A role bound to a named place, and the place (with its town), as one finding."""
    lower = text.lower()
    if not any(role in lower for role in _ROLE_WORDS):
        return findings
    by_start = {f.start: i for i, f in enumerate(findings)}
    merged = {}
    for m in _ROLE.finditer(text):
        # The place's name may begin with the article ("directeur van De Wehme").
        i = by_start.get(m.end())
        if i is None and m.group("article"):
            i = by_start.get(m.start("article"))
        if i is None or findings[i].kind not in (Soort.INSTELLING, Soort.PLAATS, Soort.NAAM):
            continue
        last = i
        after = _PLACE_AFTER.match(text, findings[i].end)
        j = by_start.get(after.end()) if after is not None else None
        if j is not None and findings[j].kind == Soort.PLAATS:
            last = j
        merged[i] = (m.start(), last)
    if not merged:
        return findings
    out, skip_until = [], -1
    for i, f in enumerate(findings):
        if i <= skip_until:
            continue
        if i in merged:
            start, last = merged[i]
            out = [g for g in out if g.end <= start]
            out.append(_finding(text, start, findings[last].end, Soort.ROL))
            skip_until = last
            continue
        out.append(f)
    return out


def _outside_gemeente(text, findings, gemeente):
    spans = gemeente_spans(text, gemeente) if gemeente else []
    if not spans:
        return findings
    return [f for f in findings if not any(s <= f.start and f.end <= e for s, e in spans)]


def _cut_at_conjunction(text, findings):
    """ "Steunpunt Mantelzorg en de VPTZ": an institution's name ends before "en de"."""
    out = []
    for f in findings:
        if f.kind == Soort.INSTELLING and (m := _AND_THE.search(f.text)) is not None:
            f = _finding(text, f.start, f.start + m.start(), f.kind)
            if is_allowed_word(f.text):
                continue
        out.append(f)
    return out


def _appositions(text, findings):
    """ "de zoon van mw tijink, rob, wil": a lowercase first name between commas after a name."""
    found = []
    for f in findings:
        m = _APPOSITION.match(text, f.end) if f.kind == Soort.NAAM else None
        if m is not None and _is_first_name(m.group(1), strong=False):
            found.append(_finding(text, *m.span(1), Soort.NAAM))
    return found


def apply(text, findings, gemeente=""):
    findings = _outside_gemeente(text, findings, gemeente)
    findings = _drop_no_names(text, findings)
    findings = _cut_at_conjunction(text, findings)
    findings = _name_tails(text, findings)
    findings = _extend_places(text, findings)
    findings = sorted(findings + _appositions(text, findings))
    findings = sorted(findings + _ages(text, findings))
    findings = _roles(text, findings)
    # A step may have grown a finding over its neighbour: keep the first of any overlap.
    out = []
    for f in findings:
        if out and f.start < out[-1].end:
            continue
        out.append(f)
    return out
