"""What is never a finding: national bodies, diseases, professions, months, weekdays, age bands
and the placeholders themselves. Keeps false alarms down so that authors keep trusting the gate.
"""

import functools
import re

from .lookup import read_items, words
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
expertisecentrum euthanasie nvve pznl palliatieve zorg nederland mantelzorgnl vptz agora
fibula patiëntenfederatie patiëntenfederatie nederland zonmw vilans movisie nivel trimbos rivm
actiz nfu nvz ggz nederland ineen knmp kbo-pcob anbo ieder(in) zorgverzekeraars nederland
hartstichting longfonds nierstichting diabetesfonds maag lever darm stichting hersenstichting
parkinson vereniging alzheimer café nationale ombudsman belastingdienst duo ind politie
slachtofferhulp juridisch loket kadaster
januari februari maart april mei juni juli augustus september oktober november december
maandag dinsdag woensdag donderdag vrijdag zaterdag zondag
kerst kerstmis pasen pinksteren oud en nieuw nieuwjaar ramadan
"""
_PHRASES = {
    "steunpunt mantelzorg",
    "mantelzorgsteunpunt",
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
    "expertisecentrum euthanasie",
    "palliatieve zorg nederland",
    "patiëntenfederatie nederland",
    "ggz nederland",
    "zorgverzekeraars nederland",
    "maag lever darm stichting",
    "parkinson vereniging",
    "alzheimer café",
    "nationale ombudsman",
    "juridisch loket",
    "lewy body",
    "ziekte van lewy body",
    "ziekte van bechterew",
    "syndroom van guillain-barré",
    "ziekte van creutzfeldt-jakob",
    "ziekte van hodgkin",
    "ziekte van sjögren",
    "ziekte van raynaud",
    "ziekte van duchenne",
}

# Public health-information and national websites: a link to them identifies no one.
HEALTH_SITES = words(
    """
    thuisarts.nl kanker.nl dementie.nl alzheimer-nederland.nl mantelzorg.nl palliaweb.nl
    pallialine.nl rijksoverheid.nl overheid.nl regelhulp.nl zorgkaartnederland.nl apotheek.nl
    nhg.org knmg.nl nvve.nl kwf.nl hartstichting.nl longfonds.nl diabetesfonds.nl rivm.nl
    ciz.nl svb.nl hetcak.nl cak.nl uwv.nl zorginstituutnederland.nl iknl.nl palliatievezorg.nl
    pznl.nl vptz.nl agora.nl ikdenkvooruit.nl expertisecentrumeuthanasie.nl
    euthanasieexpertisecentrum.nl 113.nl korrelatie.nl vilans.nl movisie.nl mezzo.nl
    patientenfederatie.nl zorgwijzer.nl kiesbeter.nl gezondheidsplein.nl nivel.nl trimbos.nl
    alzheimercafe.nl parkinson-vereniging.nl hersenstichting.nl nierstichting.nl mlds.nl
    overlijden.nl donorregister.nl wegwijzer.nl ggznederland.nl zorgvoorbeter.nl nji.nl
    zonmw.nl netwerkpalliatievezorg.nl steunpuntmantelzorg.nl wmo-loket.nl digid.nl
    """
)


def is_public_site(url: str) -> bool:
    """True for a link to one of ``HEALTH_SITES`` (with or without www., a path or https)."""
    host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.lower()).split("/", 1)[0]
    parts = host.split(".")
    return any(".".join(parts[i:]) in HEALTH_SITES for i in range(len(parts) - 1))


# Biblical figures, saints and prophets: names of people nobody in the casus is, when the text
# around them is religious (a prayer, a hymn, a reading) and no title or kinship word makes
# them someone's mother or son.
RELIGIOUS_NAMES = words(
    """
    god heer here jezus christus allah maria jozef petrus paulus johannes mattheüs matteüs
    marcus lucas thomas andreas jakobus judas maria magdalena martha lazarus abraham sara isaak
    jakob mozes aäron david salomo noach job ruth elia elisa jesaja jeremia daniël jona adam
    eva kaïn abel simeon hanna elisabeth zacharias gabriël michaël rafaël franciscus antonius
    benedictus nicolaas martinus theresia rita gerardus servatius ludger ludgerus willibrord
    bonifatius ibrahim musa maryam yusuf nuh ave onze-lieve-vrouw
    """
)
# Words of prayer, song and reading (not of the church or mosque as a place: a family that goes
# to church has sons called David all the same).
_RELIGIOUS_CONTEXT = re.compile(
    r"\b(?:gebed|gebeden|bidden|bid|bidt|bad|baden|psalm|psalmen|lied|liederen|gezang|hymne|"
    r"gezongen|zong|zongen|zingen|bijbel|bijbeltekst|bijbelverhaal|evangelie|lezing|gelezen|"
    r"amen|heilige|heiligen|sint|profeet|apostel|aartsengel|koran|soera|rozenkrans|"
    r"weesgegroet|onze vader|ave maria)\b",
    re.IGNORECASE,
)
_RELIGIOUS_WINDOW = 200
BIBLE_BOOKS = words(
    """
    genesis exodus leviticus numeri deuteronomium jozua richteren ruth samuël koningen kronieken
    ezra nehemia ester job psalm psalmen spreuken prediker hooglied jesaja jeremia klaagliederen
    ezechiël daniël hosea joël amos obadja jona micha nahum habakuk sefanja haggai zacharia
    maleachi matteüs mattheüs marcus lucas johannes handelingen romeinen korintiërs galaten
    efeziërs filippenzen kolossenzen tessalonicenzen timoteüs titus filemon hebreeën jakobus
    petrus judas openbaring soera
    """
)
_BIBLE_REFERENCE = re.compile(r"^(\w+)\s+\d{1,3}(?:\s*[:,.-]\s*\d{1,3})*$")


def is_bible_reference(text: str, start: int, end: int) -> bool:
    """ "Johannes 14", "Psalm 121", "Prediker 3:1" in religious text: a book and a chapter,
    not a street and a house number."""
    m = _BIBLE_REFERENCE.match(text[start:end])
    if m is None or m.group(1).lower() not in BIBLE_BOOKS:
        return False
    window = text[max(0, start - _RELIGIOUS_WINDOW) : end + _RELIGIOUS_WINDOW]
    return _RELIGIOUS_CONTEXT.search(window) is not None


def is_religious_name(text: str, start: int, end: int) -> bool:
    """A biblical or saint's name in religious text, not made a person by a word before it."""
    words = text[start:end].lower().replace("-", " ").split()
    while words and words[0] in _SAINT_WORDS:
        words = words[1:]  # "Sint Franciscus", "H. Antonius": the saint's name is what counts
    if not words or not all(word in RELIGIOUS_NAMES for word in words):
        return False
    before = text[max(0, start - 25) : start].lower().split()
    if before and before[-1].strip(",") in _PERSON_CUES:
        return False
    window = text[max(0, start - _RELIGIOUS_WINDOW) : end + _RELIGIOUS_WINDOW]
    return _RELIGIOUS_CONTEXT.search(window) is not None


_SAINT_WORDS = words("sint st st. h. heilige")
_PERSON_CUES = words(
    """
    mevrouw meneer mw mw. dhr dhr. mevr mevr. zoon dochter broer zus vrouw man moeder vader opa
    oma kleinzoon kleindochter neef nicht oom tante buurman buurvrouw vriend vriendin partner
    echtgenoot echtgenote schoonzoon schoondochter collega mantelzorger mijn zijn haar hun
    """
)
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


# The proeftuin's own meetings, with or without their number ("Startbijeenkomst",
# "Inventarisatiebijeenkomst 2", "Bijeenkomst 3"): deduce takes a capitalised compound followed
# by a number for a street, but these name the work, never a person's address.
_MEETING_WORD = re.compile(
    r"^[a-zà-ÿ-]*(?:bijeenkomst|overleg|werksessie|sessie|werkgroep)(?: \d{1,3})?$"
)


def is_allowed_word(text: str) -> bool:
    """True for text that is never identifying on its own ("CIZ", "Parkinson", "de huisarts")."""
    normalised = _normalise(text)
    if normalised in ALLOWED or _MEETING_WORD.match(normalised):
        return True
    # "de CIZ", "het UWV": a leading article does not change that.
    for article in ("de ", "het ", "een "):
        if normalised.startswith(article) and normalised[len(article) :] in ALLOWED:
            return True
    return False


@functools.lru_cache(maxsize=64)
def _gemeente_pattern(gemeente: str):
    """The gemeente's name as whole words, in any case and spacing, with "gemeente" before it."""
    words = gemeente.split()
    if not words:
        return None
    name = r"\s+".join(re.escape(word) for word in words)
    return re.compile(r"(?<!\w)(?:gemeente\s+)?" + name + r"(?!\w)", re.IGNORECASE)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """Spans no finding may touch: the placeholders and age bands."""
    return [m.span() for m in _PLACEHOLDER.finditer(text)] + [
        m.span() for m in _AGE_BAND.finditer(text)
    ]


def gemeente_spans(text: str, gemeente: str) -> list[tuple[int, int]]:
    """Where the proeftuin's own gemeente is named ("Oude IJsselstreek", "gemeente Oude
    IJsselstreek"): its name identifies no one, every text of the proeftuin is about it. A
    finding inside such a span is dropped; one that reaches beyond it ("Welzijn Oude
    IJsselstreek", an organisation) stays."""
    pattern = _gemeente_pattern(gemeente.strip())
    return [] if pattern is None else [m.span() for m in pattern.finditer(text)]


_TITLE = re.compile(
    r"(?:mevrouw|meneer|mevr\.?|mw\.?|mvr\.?|dhr\.?|hr\.?|de heer|heer|dokter|dr\.?|zuster|broeder|"
    r"familie|fam\.?|patiënt|patient|pastoor|dominee|ds\.?)(?:\s+|$)",
    re.IGNORECASE,
)


# "dhr. Bakker", "mw. Visser": the dot of a title's abbreviation ends no sentence.
_ABBREVIATION_BEFORE = re.compile(
    r"(?<![\w])(?:mevr|mw|mvr|dhr|hr|mnr|fam|dr|drs|ds|zr|ir|ing|mr|prof|wed)\.$", re.IGNORECASE
)


@functools.cache
def common_words() -> frozenset[str]:
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
    if " " not in word and word.lower() in common_words():
        before = text[:start].rstrip()
        if (not before or before[-1] in ".!?:;\"'(") and not _ABBREVIATION_BEFORE.search(before):
            return None
    return start, end
