"""What is never a finding: national bodies, diseases, professions, months, weekdays, age bands
and the placeholders themselves. Keeps false alarms down so that authors keep trusting the gate.
"""

import functools
import re

from .lookup import read_items
from .soort import REPLACEMENTS

_WORDS = """
ciz svb cak uwv ggd gga vng vws nza igj iknl nhg knmg v&vn lhv nvvz nza wmo wlz zvw jeugdwet
wet langdurige zorg zorgverzekeringswet awbz pgb zorgkantoor zorgverzekeraar zorgverzekeraars
centrum indicatiestelling zorg sociale verzekeringsbank centraal administratie kantoor
zorginstituut nederland rijksoverheid rijksoverheid.nl ministerie kwf mezzo alzheimer nederland
netwerk palliatieve zorg palliatief netwerk patz thuisarts buurtzorg humanitas veilig thuis
rode kruis zonnebloem menzis cz vgz achmea dsw onvz zilveren kruis zorg en zekerheid a.s.r.
salland eno zorgkantoor nederland europa achterhoek brabant limburg gelderland twente
west-brabant noord-limburg midden-limburg randstad regio gemeente proeftuin sociaal team wijkteam
huisarts huisartsen de huisarts casemanager wijkverpleegkundige verpleegkundige mantelzorger
specialist ouderengeneeskunde praktijkondersteuner poh so ouderenadviseur geestelijk verzorger
maatschappelijk werker ergotherapeut fysiotherapeut apotheker diëtist logopedist psycholoog
internist longarts cardioloog oncoloog neuroloog geriater verzorgende thuiszorg hospice
ziekenhuis verpleeghuis apotheek huisartsenpost spoedeisende hulp seh
parkinson alzheimer huntington als copd ms crohn lewy korsakov hodgkin kahler down pick
kanker dementie hartfalen cva tia diabetes reuma artrose delier covid covid-19 corona
januari februari maart april mei juni juli augustus september oktober november december
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
kerst kerstmis pasen pinksteren oud en nieuw oudjaarsavond nieuwjaar koningsdag sinterklaas
ramadan suikerfeest
"""
_PHRASES = {
    "centrum indicatiestelling zorg",
    "sociale verzekeringsbank",
    "centraal administratie kantoor",
    "zorginstituut nederland",
    "alzheimer nederland",
    "netwerk palliatieve zorg",
    "palliatief netwerk",
    "veilig thuis",
    "rode kruis",
    "zilveren kruis",
    "zorg en zekerheid",
    "de huisarts",
    "specialist ouderengeneeskunde",
    "geestelijk verzorger",
    "maatschappelijk werker",
    "spoedeisende hulp",
    "oud en nieuw",
    "wet langdurige zorg",
    "sociaal team",
    "ministerie van vws",
    "ziekte van parkinson",
    "ziekte van alzheimer",
    "ziekte van huntington",
    "ziekte van kahler",
    "ziekte van crohn",
    "syndroom van down",
    "syndroom van korsakov",
}
ALLOWED = frozenset(_WORDS.split()) | _PHRASES

_PLACEHOLDER = re.compile(
    "|".join(re.escape(p) for p in sorted(set(REPLACEMENTS.values()), key=len, reverse=True))
)
# Age bands are how the casus form asks for age: never a finding.
_AGE_BAND = re.compile(
    r"\btussen (?:de )?\d{1,3} en \d{1,3}(?: jaar)?\b"
    r"|\b\d{1,3} ?(?:-|–|tot) ?\d{1,3} ?(?:jaar|jarigen)\b"
    r"|\bleeftijd(?:scategorie)?:? (?:van )?\d{1,3} ?(?:-|–|tot) ?\d{1,3}\b"
    r"|\b\d{1,3} ?(?:\+|plus)(?!\w)|\b\d{1,3}-plussers?\b"
    r"|\b(?:ouder|jonger) dan \d{1,3}(?: jaar)?\b|\b(?:boven|onder|rond) de \d{1,3}(?: jaar)?\b"
    r"|\bin de (?:\d0|tachtig|negentig|zeventig|zestig)\b"
    r"|\b\d{1,3} jaar (?:en|of) ouder\b",
    re.IGNORECASE,
)


def _normalise(text: str) -> str:
    return " ".join(text.lower().strip(" .,;:!?()[]'\"").split())


def is_allowed_word(text: str) -> bool:
    """True for text that is never identifying on its own ("CIZ", "Parkinson", "de huisarts")."""
    normalised = _normalise(text)
    if normalised in ALLOWED:
        return True
    # "de CIZ", "het UWV": a leading article does not change that.
    for article in ("de ", "het ", "een "):
        if normalised.startswith(article) and normalised[len(article) :] in ALLOWED:
            return True
    return False


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans no finding may touch: the placeholders and age bands."""
    return [m.span() for m in _PLACEHOLDER.finditer(text)] + [
        m.span() for m in _AGE_BAND.finditer(text)
    ]


_TITLE = re.compile(
    r"(?:mevrouw|meneer|mevr\.?|mw\.?|mvr\.?|dhr\.?|hr\.?|de heer|heer|dokter|dr\.?|zuster|broeder|"
    r"familie|fam\.?|patiënt|patient|pastoor|dominee|ds\.?)(?:\s+|$)",
    re.IGNORECASE,
)


@functools.cache
def _common_words() -> frozenset[str]:
    return frozenset(
        read_items("whitelist", "lst_common_word") | read_items("whitelist", "lst_stop_word")
    )


def name_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A name finding without its title ("Mevrouw de Vries" → "de Vries"), or None when what is
    left is no name: a title alone, or a common word that starts a sentence ("Pas in maart")."""
    while (match := _TITLE.match(text, start, end)) is not None:
        start = match.end()
    if start >= end:
        return None
    word = text[start:end]
    if " " not in word and word.lower() in _common_words():
        before = text[:start].rstrip()
        if not before or before[-1] in ".!?:;\"'(":
            return None
    return start, end
