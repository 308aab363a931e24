"""Names and places as people write them in chat and notes (issue 22): in lowercase ("dochter
anja", "mw jansen", "met piet de vries gebeld", "woont in ulft"), after a kinship word and a
comma ("Haar zoon, Gert,"), and every name of an enumeration ("zonen Piet en Kees").

A lowercase word is a name only where something says so: a title or kinship word before it, a
surname after a first name, or a first name that opens a sentence and is followed by a verb of
speaking or acting. The words deduce lists as first names, surnames and places are the
candidates; Dutch words that are also names ("ben", "wil", "hoop", "bos") need the strongest
context (a title or a kinship word).
"""

import functools
import re

from .lookup import read_items, words
from .soort import Soort

# Closed classes and frequent homographs of names: never a lowercase name on weak context.
_FUNCTION_WORDS = words(
    """
    aan al alle alleen als altijd ander andere ben bent bij binnen boven bijna daar dag dan dat
    de den der deze die dit doe doen doet door dus echt een eens en er even ff geen gaan gaat
    gaf ging had hadden heb hebben heeft heel hem hen het hier hij hoe hoop hun ik in is ja je
    jij jou juist kan kon konden komen komt kwam kreeg krijgt laat later ligt maar mag me meer
    men met mij mijn moet moeten mocht na naar net niet niets nog nu of ok oke ook om onder ons
    onze op over pas per samen sinds snel staat te tegen toch toe toen tot trouwens u uit van
    vanaf vast veel voor vaak via vind vindt voelt waar wat want was waren we weer wel wie wij
    wil wilde wordt werd worden zal ze zegt zei zelf zich zij zijn zit zo zou zoals zoon zus
    dochter vader moeder man vrouw broer oom tante opa oma mw dhr mevr meneer mevrouw fam lot
    mark roos ster zon zee storm lente merel iris bloem hazel mei juni juli april augustus
    elke iedere ieder sommige enkele weinig beide
    """
)

# Particles of a surname written in lowercase ("de vries", "van der meer", "el amrani").
_PARTICLES = words(
    """
    van de der den ter ten el al vd
    """
)
_TITLES = words(
    """
    mevrouw meneer mevr mw mvr dhr hr mnr fam familie zr zuster dokter dr
    """
)
_TITLE_ABBREVIATIONS = words(
    """
    mevr mw mvr dhr hr mnr
    """
)
_KIN = words(
    """
    zoon zoons zonen dochter dochters broer broers zus zussen zuster neef neven nicht nichten
    oom tante opa oma vader moeder man vrouw partner vriend vriendin buurman buurvrouw
    schoonzoon schoondochter schoonmoeder schoonvader kleinzoon kleindochter kleinzoons
    kleindochters kleinkinderen kinderen zwager schoonzus collega mantelzorger echtgenoot
    echtgenote kind oudste jongste achterkleinkind
    """
)
_NAMED_CUES = words(
    """
    heet heette heten genaamd noemde hem
    """
)
_SPEECH_VERBS = words(
    """
    is zegt zei belde belt vraagt vroeg komt kwam meldt regelt heeft wil gaat van vd
    """
)
_PLACE_PREPOSITION = words(
    """
    in uit naar te bij vanuit richting rond nabij buiten
    """
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# A place after an address: "molenstraat 8, terborg", "7061 dk terborg".
_AFTER_HOUSENUMBER = re.compile(r"(?:\d[a-zA-Z]?,|\d{4}\s?[a-zA-Z]{2},?)\s*$")
# "marja van de wijkverpleging", "jos vd voedselbank": a first name and where the person works.
_OF_AN_ORGANISATION = re.compile(r"\s+(?:van\s+(?:de|het)|vd|v/d)\s+[a-zà-ÿ]{4,}")
_EXPLAINED = re.compile(r"\s+\((?:de|het|mijn|zijn|haar|hun)\s+(\w+)\)")


@functools.cache
def _lists():
    def lower(*parts):
        return frozenset(item.lower() for item in read_items(*parts))

    common = lower("whitelist", "lst_common_word") | lower("whitelist", "lst_stop_word")
    first = lower("names", "lst_first_name")
    surnames = lower("names", "lst_surname") | lower("names", "lst_interfix_surname")
    places = lower("locations", "lst_placename", "lst_residence") | lower(
        "locations", "lst_placename", "lst_municipality"
    )
    return common, first, surnames, places


def place_words():
    """The names of Dutch places, in lowercase."""
    return _lists()[3]


def _is_first_name(word, *, strong):
    common, first, _, _ = _lists()
    word = word.lower()
    if word not in first or word in _FUNCTION_WORDS:
        return False
    return strong or word not in common


class _Words:
    """The words of a text with their offsets, and what lies between them."""

    def __init__(self, text):
        self.text = text
        self.matches = list(_WORD.finditer(text))
        self.words = [m.group() for m in self.matches]

    def gap(self, i):
        """The text between word ``i - 1`` and word ``i``."""
        start = self.matches[i - 1].end() if i else 0
        return self.text[start : self.matches[i].start()]

    def sentence_start(self, i):
        gap = self.gap(i).strip()
        return i == 0 and not gap or (gap[-1:] in ".!?:;\n" and gap[-1:] != "")


def _surname_end(words, i):
    """The end offset of a lowercase surname starting at word ``i`` ("de vries", "kok")."""
    _, _, surnames, _ = _lists()
    j = i
    while j < len(words.words) and words.words[j] in _PARTICLES and j - i < 3:
        j += 1
    if j >= len(words.words) or words.words[j] in _FUNCTION_WORDS or not words.words[j].islower():
        return None
    if any(words.gap(k).strip() for k in range(i, j + 1)):
        return None  # a comma or full stop between the parts
    return words.matches[j].end() if words.words[j] in surnames else None


def _after_title(words, i):
    """ "mw jansen", "dhr de wit", "mw. V." after the title at word ``i``."""
    text = words.text
    j = i + 1
    if j >= len(words.words):
        return
    gap = words.gap(j)
    if gap not in (" ", ". ", "."):
        return
    word = words.words[j]
    if (
        len(word) == 1
        and word.isupper()
        and text[words.matches[j].end() : words.matches[j].end() + 1] == "."
    ):
        following = words.words[j + 1] if j + 1 < len(words.words) else ""
        if not (
            following[:1].isupper() and following[1:].islower() and words.gap(j + 1) in (". ", " ")
        ):
            yield (*words.matches[j].span(), Soort.NAAM)  # an initial alone
        return
    if not word.islower():
        return
    end = _surname_end(words, j)
    if end is not None:
        yield words.matches[j].start(), end, Soort.NAAM


def _after_kin(words, i):
    """The name or names after a kinship word: "zoon, Gert", "dochters jolien en petra"."""
    j = i + 1
    while j < len(words.words):
        gap = words.gap(j)
        if j == i + 1:
            if gap.strip() not in ("", ","):
                return
        elif gap.strip() not in (",", "") and words.words[j - 1] != "en":
            return
        word = words.words[j]
        if word in ("en", "&"):
            j += 1
            continue
        if word.islower():
            if len(word) < 3 or not _is_first_name(word, strong=True) or not _in_dutch(words, j):
                return
        elif (
            not word[0].isupper() or word.lower() in _FUNCTION_WORDS or word.lower() in _lists()[0]
        ):
            return
        yield (*words.matches[j].span(), Soort.NAAM)
        following = words.gap(j + 1) if j + 1 < len(words.words) else ""
        if j + 1 < len(words.words) and words.words[j + 1] == "en" and following.strip() == "":
            j += 2
        elif following.strip() == ",":
            j += 1
        else:
            return


# Words only Dutch has (not English): a lowercase name is looked for in Dutch text only, where
# "ties as" or "may have" are no first name and surname.
_DUTCH = words(
    """
    de het een en van ik je jij ze zij hij we wij niet wel met naar voor heeft heb hebben dat die
    er ook nog maar bij zijn haar hem mijn zn ff mw dhr mevr vandaag morgen gisteren gebeld woont
    alleen geen want dus kan moet gaat komt zegt zei belde thuis nu erg heel veel te tot uit aan
    om wil wordt werd was waren kinderen zoon dochter vrouw sinds ligt gister toch zit
    volgens mij wie waar hoe wat even weer graag goed daar hier omdat zou kunnen mag gaan komen
    weet denk nee jullie ons onze deze dit welke elke iemand niemand iets niets alles
    """
)
_DUTCH_WINDOW = 6  # words on either side
# Kinship words and titles are Dutch too, except those English shares ("kind", "man", "dr").
_DUTCH_CUES = _DUTCH | ((_KIN | _TITLES) - {"kind", "man", "dr", "partner", "collega"})


def _in_dutch(words, i):
    """Whether a Dutch word stands within a few words of word ``i``."""
    near = words.words[max(0, i - _DUTCH_WINDOW) : i + _DUTCH_WINDOW + 1]
    return any(word.lower() in _DUTCH_CUES for word in near)


def _finite_verb(word):
    """A verb a subject name is followed by: "zegt", "belde", or any present tense in -t
    ("ilse slaapt er vannacht")."""
    return word in _SPEECH_VERBS or (
        word.islower() and len(word) > 3 and word.endswith("t") and word not in _FUNCTION_WORDS
    )


def candidates(text):
    """Names after titles and kinship words, and lowercase names and places (one pass)."""
    common, first, _, places = _lists()
    words = _Words(text)
    cues = _TITLES | _KIN
    for i, word in enumerate(words.words):
        lower = word.lower()
        if lower in cues:
            yield from (_after_title if lower in _TITLES else _after_kin)(words, i)
            continue
        # Most words are neither a place nor a first name: that is decided here, cheaply.
        if not word.islower() or len(word) < 3 or (word not in places and word not in first):
            continue
        previous = words.words[i - 1].lower() if i else ""
        start = words.matches[i].start()
        if (
            lower in places
            and lower not in common
            and lower not in _FUNCTION_WORDS
            and (
                previous in _PLACE_PREPOSITION
                or _AFTER_HOUSENUMBER.search(text, max(0, start - 8), start)
            )
        ):
            yield (*words.matches[i].span(), Soort.PLAATS)
            continue
        if not _is_first_name(word, strong=True) or not _in_dutch(words, i):
            continue
        end = words.matches[i].end()
        following = words.words[i + 1] if i + 1 < len(words.words) else ""
        surname_end = _surname_end(words, i + 1) if following else None
        if surname_end is not None and _is_first_name(word, strong=False):
            yield start, surname_end, Soort.NAAM
        elif (
            previous in _NAMED_CUES
            and words.gap(i) == " "
            or (m := _EXPLAINED.match(text, end)) is not None
            and m.group(1).lower() in _KIN
            or _is_first_name(word, strong=False)
            and _OF_AN_ORGANISATION.match(text, end) is not None
            or (
                _is_first_name(word, strong=False)
                and words.sentence_start(i)
                and (
                    text[end : end + 1] in (",", "?")
                    or (
                        (_finite_verb(following) or following == "toch") and words.gap(i + 1) == " "
                    )
                )
            )
        ):
            yield start, end, Soort.NAAM
