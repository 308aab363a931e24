"""Institutions known by their name alone (issue 22): care organisations from the list in
``data/zorgorganisaties.txt`` (hospitals, VVT, GGZ, hospices, huisartsenposten), places of
worship and schools by the shape of their name ("Mariakerk", "Ulu-moskee", "Ludger College",
"basisschool De Vlinder", "Protestantse Gemeente Silvolde"), shops and businesses after their
cue word ("Bakkerij Teunissen"), and any name with a capitalised article inside a sentence
("naar De Ruimzicht"), which is the name of a building, a home or a school.
"""

import functools
import re
from pathlib import Path

from . import namen
from .allowlist import RELIGIOUS_NAMES, is_allowed_word
from .lookup import read_items, words
from .soort import Soort

LIST = Path(__file__).parent / "data" / "zorgorganisaties.txt"


@functools.cache
def _ordinary_words():
    """Words that make a listed name match only as written: Dutch words, first names, saints."""
    lower = set()
    for parts in (
        ("whitelist", "lst_common_word"),
        ("whitelist", "lst_stop_word"),
        ("names", "lst_first_name"),
    ):
        lower |= {item.lower() for item in read_items(*parts)}
    return frozenset(lower | RELIGIOUS_NAMES)


_ARTICLES = ("de", "het", "'t")
_KEY = re.compile(r"[^\W\d_]+")


@functools.cache
def care_organisations():
    """The listed names by key (the first word that is no article, in lowercase, letters
    only): for each, (name in lowercase, pattern, offset of the key in the name), longest
    name first. A name
    matches as written, or in any case when no word of it is ordinary (``_ordinary_words``)."""
    ordinary = _ordinary_words()
    index = {}
    for line in LIST.read_text(encoding="utf-8").splitlines():
        name = line.strip()
        if not name or name.startswith("#"):
            continue
        parts = name.split()
        k = 1 if parts[0].lower() in _ARTICLES and len(parts) > 1 else 0
        key_match = _KEY.search(parts[k].lower())
        if key_match is None:
            continue
        offset = len(" ".join(parts[:k])) + (1 if k else 0) + key_match.start()
        exact = len(name) < 5 or any(
            part.lower().strip(".") in ordinary or part[0].islower() for part in parts
        )
        pattern = re.compile(
            r"(?<![\w-])" + re.escape(name) + r"(?![\w+]|-\w)", 0 if exact else re.IGNORECASE
        )
        index.setdefault(key_match.group(), []).append((name.lower(), pattern, offset))
    for entries in index.values():
        entries.sort(key=lambda entry: -len(entry[0]))
    return index


def _listed(text, words):
    """The listed names in ``text``: only the keys among the text's ``words`` are looked up,
    each where it occurs."""
    index = care_organisations()
    lower = text.lower()
    for key in index.keys() & words:
        entries = index[key]
        pos = lower.find(key)
        while pos != -1:
            for name, pattern, offset in entries:
                if pos < offset or not lower.startswith(name, pos - offset):
                    continue  # the cheap test first: most entries differ in their letters
                m = pattern.match(text, pos - offset)
                if m is not None:
                    yield m.start(), m.end(), Soort.INSTELLING
                    break
            pos = lower.find(key, pos + len(key))


# --- places of worship, schools, shops -----------------------------------------------------------

_WORSHIP_SCHOOL = (
    r"kerk|parochie|kapel|moskee|camii|synagoge|tempel|school|college|lyceum|gymnasium"
)
_HYPHEN_NAME = re.compile(r"(?<![\w-])[A-ZÀ-Ý][\w'’]*-$")
_GENERIC_COMPOUNDS = words(
    """
    kerk parochie kapel moskee camii synagoge tempel school college lyceum gymnasium basisschool
    hogeschool zondagsschool kleuterschool rijschool dansschool muziekschool huishoudschool
    vakschool middelbare lagere bijbelschool koranschool weekendschool zomerschool dagschool
    """
)
_SAINT_BEFORE = re.compile(r"(?:Sint|St\.?|H\.|Heilige|Onze[- ]Lieve[- ]Vrouwe?)(?:\s+|-)$")
# "basisschool De Vlinder", "moskee Mevlana", "Bakkerij Teunissen", "obs De Rank",
# "Pinkstergemeente De Schuilplaats": a cue word (any case) and a capitalised name.
_CUE = (
    r"kerk|moskee|parochie|synagoge|kapel|tempel|gurdwara|pinkstergemeente|baptistengemeente|"
    r"evangeliegemeente|evangelische gemeente|geloofsgemeenschap|basisschool|school|obs|cbs|pcbs|"
    r"rkbs|ikc|kindcentrum|sbo|kinderopvang|kinderdagverblijf|peuterspeelzaal|bso|"
    r"bakkerij|slagerij|kapsalon|kapper|café|eetcafé|restaurant|supermarkt|garage|drogisterij|"
    r"bloemisterij|bloemenwinkel|snackbar|cafetaria|winkel|boekhandel|uitvaartcentrum|"
    r"uitvaartverzorging|uitvaartzorg|begrafenisonderneming|zorgboerderij|dorpshuis|buurthuis|"
    r"wijkcentrum|sportclub|voetbalclub|vereniging"
)
_NAME_WORD = r"[A-ZÀ-Ý][\w'’-]+"
_CUE_NAME = re.compile(
    r"(?<![\w-])(?i:"
    + _CUE
    + r")\s+((?:(?:De|Het|'t|de|het)\s+)?"
    + _NAME_WORD
    + r"(?:\s+"
    + _NAME_WORD
    + r")*)"
)
# "Mevlana Moskee", "Ludger College", "Ulu Camii": a capitalised name before the cue word.
_NAME_BEFORE = re.compile(r"(?<![\w-])([A-ZÀ-Ý][\w'’-]+(?:\s+" + _NAME_WORD + r")*)\s+$")
# Denominations name no place on their own ("de Protestantse Kerk"); with a town or a name
# after them they do ("Protestantse Gemeente Silvolde", "Hervormde Kerk te Gendringen").
_DENOMINATIONS = words(
    """
    katholieke rooms-katholieke protestantse gereformeerde hervormde christelijke evangelische
    oud-katholieke remonstrantse doopsgezinde lutherse baptisten pinkster orthodoxe
    syrisch-orthodoxe koptische anglicaanse nieuw-apostolische molukse vrijgemaakte
    christelijk islamitische turkse marokkaanse nederlandse grote oude nieuwe
    """
)
_DENOMINATION_PLACE = re.compile(
    r"[A-ZÀ-Ý](?<![\w-][A-ZÀ-Ý])[\w-]+\s+(?:Kerk|Gemeente|Parochie|Gemeenschap)"
    r"\s+(?:(?:te|in|van)\s+)?(" + _NAME_WORD + r")"
)
# Chat: "de mevlana moskee", "hospice de zwaluw", "apotheek ulft", "zorggroep sint maarten".
_LOWER_BEFORE_CUE_WORDS = frozenset({"moskee", "camii", "parochie"})
_LOWER_WORD_BEFORE = re.compile(r"(?<![\w-])([a-zà-ÿ]{3,})\s+$")
_LOWER_CUE = re.compile(
    r"(?:hospice|zorggroep|apotheek|huisartsenpraktijk|huisartsenpost|verpleeghuis|"
    r"zorgcentrum|woonzorgcentrum|revalidatiecentrum|ziekenhuis)\s+"
    r"((?:(?:de|het|'t|sint|st\.?)\s+)?[a-zà-ÿ][\w'’-]{2,})"
)
# "naar De Ruimzicht", "directeur van De Wehme": a capitalised article inside a sentence.
_ARTICLE_NAME = re.compile(
    r"(?:D(?<=[\w,)] D)e|H(?<=[\w,)] H)et|'(?<=[\w,)] ')t)\s+("
    + _NAME_WORD
    + r"(?:\s+"
    + _NAME_WORD
    + r")?)"
)


@functools.cache
def surname_words():
    return frozenset(item.lower() for item in read_items("names", "lst_interfix_surname"))


@functools.cache
def plain_words():
    return frozenset(
        item.lower()
        for parts in (("whitelist", "lst_common_word"), ("whitelist", "lst_stop_word"))
        for item in read_items(*parts)
    )


_CUE_WORDS = frozenset(word.split()[0] for word in _CUE.split("|"))
_NAME_CUE_WORDS = words(
    """
    moskee camii kerk parochie synagoge tempel college lyceum gymnasium school
    scholengemeenschap mavo
    """
)
_SUFFIXES = tuple(_WORSHIP_SCHOOL.split("|"))
_LOWER_CUE_WORDS = words(
    """
    hospice zorggroep apotheek huisartsenpraktijk huisartsenpost verpleeghuis zorgcentrum
    woonzorgcentrum revalidatiecentrum ziekenhuis
    """
)


def _worship_schools_shops(text, words):
    """Only the rules whose cue words the text has (``words``: its lowercase words) run."""
    compounds = [word for word in words if word.endswith(_SUFFIXES)]
    if compounds:
        yield from _compounds(text, compounds)
    yield from _cue_names(text, words)
    yield from _names_before_cue(text, words)
    if not words.isdisjoint(_DENOMINATIONS):
        for m in _DENOMINATION_PLACE.finditer(text):
            if m.group().split()[0].lower() in _DENOMINATIONS:
                yield (*m.span(), Soort.INSTELLING)
    yield from _lowercase_names(text, words)


def _compounds(text, compounds):
    """ "Mariakerk", "Sint Jozefschool", "Ulu-moskee": each compound word of the text that ends
    in a worship or school word, where it is written with a capital."""
    lower = text.lower()
    for word in compounds:
        generic = word in _GENERIC_COMPOUNDS
        for pos in _occurrences(lower, word):
            end = pos + len(word)
            if lower[end : end + 1].isalpha():
                continue
            start = pos
            if generic:
                # Only as the end of a hyphenated name: "Ulu-moskee", "Mevlana-moskee".
                m = _HYPHEN_NAME.search(text, max(0, pos - 30), pos)
                if m is None:
                    continue
                start = m.start()
            saint = _SAINT_BEFORE.search(text, max(0, start - 25), start)
            if not generic and (
                not text[pos].isupper() or (lower[pos - 1 : pos] == "-" and saint is None)
            ):
                continue
            if saint is not None:
                start = saint.start()
            yield start, end, Soort.INSTELLING


def _occurrences(lower, key):
    pos = lower.find(key)
    while pos != -1:
        if not lower[pos - 1 : pos].isalpha():
            yield pos
        pos = lower.find(key, pos + len(key))


def _cue_names(text, words):
    lower = text.lower()
    for key in _CUE_WORDS & words:
        for pos in _occurrences(lower, key):
            m = _CUE_NAME.match(text, pos)
            if m is None:
                continue
            name = m.group(1)
            if not is_allowed_word(name) and name.split()[-1].lower() not in _DENOMINATIONS:
                yield m.start(), m.end(), Soort.INSTELLING


def _names_before_cue(text, words):
    lower = text.lower()
    plain = plain_words()
    for key in _NAME_CUE_WORDS & words:
        for pos in _occurrences(lower, key):
            m = _NAME_BEFORE.search(text, max(0, pos - 60), pos)
            end = pos + len(key)
            if m is None or lower[end : end + 1].isalpha() or not text[pos].isalpha():
                continue
            name = [w for w in m.group(1).split() if w.lower() not in ("de", "het", "'t")]
            # "De Protestantse Kerk" is national, "Een school" a sentence: no name of a place.
            if not name or name[0].lower() in _DENOMINATIONS or name[0].lower() in plain:
                continue
            if not is_allowed_word(text[m.start(1) : end]):
                yield m.start(1), end, Soort.INSTELLING


def _lowercase_names(text, words):
    lower = text.lower()
    plain = plain_words()
    for key in _LOWER_BEFORE_CUE_WORDS & words:
        for pos in _occurrences(lower, key):
            m = _LOWER_WORD_BEFORE.search(text, max(0, pos - 30), pos)
            end = pos + len(key)
            if m is None or lower[end : end + 1].isalpha():
                continue
            word = m.group(1)
            if word not in plain and word not in _DENOMINATIONS:
                yield m.start(1), end, Soort.INSTELLING
    # A lowercase name after a cue is a name when an article or "sint" makes it one, or when
    # it is a place ("apotheek ulft"); otherwise it is the sentence going on ("apotheek belde").
    places = namen.place_words()
    for key in _LOWER_CUE_WORDS & words:
        for pos in _occurrences(lower, key):
            m = _LOWER_CUE.match(text, pos)
            if m is None:
                continue
            parts = m.group(1).split()
            if parts[-1] in plain:
                continue
            if len(parts) > 1 or parts[-1] in places:
                yield (*m.span(), Soort.INSTELLING)


def article_names(text):
    """Names with a capitalised article inside a sentence (after the name rules: "De Graaf" after
    a title is their name)."""
    for m in _ARTICLE_NAME.finditer(text):
        words_ = m.group(1).split()
        if words_[0].lower() in RELIGIOUS_NAMES or is_allowed_word(m.group()):
            continue
        surname = len(words_) == 1 and words_[0].lower() in surname_words()
        yield m.start(), m.end(), Soort.NAAM if surname else Soort.INSTELLING


def candidates(text, words=None):
    if words is None:
        words = set(_KEY.findall(text.lower()))
    yield from _listed(text, words)
    yield from _worship_schools_shops(text, words)
