"""Own rules for what deduce misses: numbers with a check, Dutch phone and postcode formats,
street + house number, dates without a year, ages without "jaar", care organisations, client
numbers and small places.

Each rule yields ``(start, end, kind)`` candidates; ``detect`` merges them with deduce's.
"""

import functools
import re

from . import datums, namen, organisaties
from .allowlist import is_public_site
from .lookup import read_items, words
from .soort import Soort
from .telwoorden import WORDS_TEN_UP, value

_MONTHS = (
    r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
    r"|jan|feb|febr|mrt|apr|jun|jul|aug|sep|sept|okt|nov|dec"
)
_WEEKDAYS = (
    r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)(?:ochtend|middag|avond|nacht)?"
)

# Speed (issue 4): a pattern that starts with a look-behind makes Python's `re` try every position
# of the text; one that starts with a character class lets it skip to the next such character.
# So where a rule's first character is known, it is matched first and the look-behind follows,
# one character wider: "\d(?<![\w-]\d)" is "(?<![\w-])\d" (measured: 2–3× faster per rule).

# --- numbers ---------------------------------------------------------------------------------

_WORDS = re.compile(r"[^\W\d_]+")

_BSN = re.compile(
    r"(\d(?<![\w.,/-]\d)(?:\d{8}|\d{3}\.\d{2}\.\d{3}|\d{2}[ .]\d{3}[ .]\d{3}"
    r"|\d[ .]\d{3}[ .]\d{2}[ .]\d{2}|\d{2}-\d{3}-\d{3}|\d{3}-\d{2}-\d{3}))"
    r"(?![\w]|[.,/-]\d)"
)
_BSN_LABEL = re.compile(
    r"\b(?:bsn|burgerservicenummer|sofinummer|sofi-nummer)\b\s*(?:nummer|nr\.?)?"
    r"\s*(?:[:=(]|is)?\s*(\d[\d .-]{6,12}\d)",
    re.IGNORECASE,
)


def elfproef(digits: str) -> bool:
    """The BSN check: 9×d1 + 8×d2 + … + 2×d8 − 1×d9 is a multiple of 11 (and not all zeros)."""
    if len(digits) == 8:
        digits = "0" + digits
    if len(digits) != 9 or not digits.isdigit() or int(digits) == 0:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    return (total - int(digits[8])) % 11 == 0


# Phone numbers: +31 / 0031 / 0 and nine more digits, with spaces, dashes, dots or "(0)" and
# brackets around the area code; 0800/0900 service numbers; 112-style short numbers are not
# personal and are left alone.
_SEP = r"(?:[ \-.]| - )?"
_PHONE = re.compile(
    r"(?<![\w+/.-])"
    r"(?:(?:\+|00)31" + _SEP + r"(?:\(0\)" + _SEP + r")?|\(0|0)"
    r"(?:\d" + _SEP + r"\)?" + _SEP + r"){8}\d"
    r"(?![\w]|[-/.:,]\d)"
)
_SERVICE_PHONE = re.compile(
    r"0(?<![\w+/.-]0)[89]00[ \-]?\d{2}[ \-]?\d{2}(?:[ \-]?\d{3})?(?![\w]|[-/.]\d)"
)
# Foreign numbers: a country code other than 31 and 7–13 more digits ("+32 470 12 34 56").
_FOREIGN_PHONE = re.compile(
    r"(?:\+(?<![\w+]\+)|0(?<![\w+]0)0)(?!31)[1-9]\d{0,2}(?:[ .-]?\(0\))?"
    r"(?:[ .-]?\d){7,13}(?![\w]|[-/.]\d)"
)
_DATE_INSIDE = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}")

_POSTCODE = re.compile(r"[1-9](?<![\w-][1-9])\d{3}(?: ?[A-Z]{2}|[a-z]{2})(?![\w])")
_POSTCODE_NOT = {"SA", "SD", "SS"}
# "7071 ab" in a chat message: four digits and two lowercase letters are also "1990 op" or
# "2023 en", so only where a postcode stands: after the word postcode or a house number, or
# before a place.
_POSTCODE_LOWER = re.compile(r"[1-9](?<![\w-][1-9])\d{3} ([a-z]{2})(?![\w])")
_POSTCODE_LOWER_NOT = words(
    """
    aa ad af al as au da de do en er ex ga ge ha he hé ie ik in is ja je jo la ma me na ne nu
    ok om op os ou pa re te to ui uw we wc ze zo cm mm km kg mg ml gr cl dl kb mb gb pm am ct
    of an at it be by no so up us zn ff vd dr mw nr tv pc ic
    """
)
# After the word postcode, or after a street's house number ("Dorpsweg 3, 7021 ab"; not after
# the digits of a phone number).
_POSTCODE_BEFORE = re.compile(
    r"(?:postcode\S*\s*(?:is|:)?|[^\W\d_]{2,}\s\d{1,4}[a-zA-Z]?,?)\s*$", re.IGNORECASE
)

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w])")
_URL = re.compile(
    r"(?<![\w@/.-])(?:https?://|www\.)[^\s<>\"')\]]+"
    r"|(?<![\w@/.-])[a-z0-9][\w-]*(?:\.[\w-]+)*\.(?:nl|com|org|net|eu|info|be|de|zorg)"
    r"(?:/[^\s<>\"')\]]*)?(?![\w@])",
    re.IGNORECASE,
)

# A number after its label, in any format ("pat.nr. 12-345-AB", "Cliëntnummer bij de thuiszorg:
# CN 88 412", "ECD 77-413", "dossiernummer HAP 2024 33817"): letters, digits, separators and
# single spaces, with at least one digit; the label may carry a short "bij de thuiszorg".
_NUMBER_LABEL = re.compile(
    r"\b(?:(?:pat\.?|pati[eë]nt(?:en)?|cli[eë]nt|dossier|zaak|registratie|verzekerden|polis|"
    r"relatie|ziekenhuis|klant|lid|inschrijf|zorgverzekerings|burger)[\s.-]?"
    r"(?:nummer|nr\.?|id|code)|(?:ecd|epd|zis|hix)(?:[\s-]?(?:nummer|nr\.?|id))?)\.?"
    r"(?:\s+(?:bij|van|in)\s+(?:de|het)?\s*[\w-]+)?\s*[:=#(]?\s*(?:is\s+)?"
    r"(#?(?=[A-Za-z]{0,4}[ .-]?\d)[A-Za-z0-9](?:[A-Za-z0-9./-]|[ ](?=[A-Z]*\d)){1,}[A-Za-z0-9])",
    re.IGNORECASE,
)
# Groups of digits joined by dashes or slashes with six digits or more ("4471-0983",
# "1120-887"): a client or dossier number when it is no date, period, phone or BSN.
_DIGIT_GROUPS = re.compile(r"\d(?<![\w./,-]\d)\d+(?:[-/]\d{2,}){1,3}(?![\w]|[-/.,]\d)")
_YEAR_RANGE = re.compile(r"^(?:19|20)\d{2}[-/](?:19|20)?\d{2}$")
# Codes such as CL-204817, P2023-4411, ZH123456, 2023/0457-AB: letters and digits together.
_CODE = re.compile(
    r"(?<![\w/-])(?:[A-Z]{1,4}[-/]?\d{4,10}(?:[-/]\d{1,6})?|\d{2,6}[-/][A-Z]{1,4}(?:[-/]?\d{1,6})?|"
    r"[A-Z]{1,3}\d{2,4}[-/]\d{3,6})(?![\w]|[-/]\w)"
)
_CODE_NOT = re.compile(r"^(?:COVID-?19|SARS-?CoV-?2|CO2|H5N1|G\d|E\d{3}|PAT?Z?\d*)$", re.IGNORECASE)
# Long numbers that are not a phone, BSN, date or postcode: a client or patient number.
_LONG_NUMBER = re.compile(r"\d(?<![\w.,/-]\d)\d{5,11}(?![\w]|[.,/-]\d)")

# --- dates -----------------------------------------------------------------------------------

_DATE_NUMERIC = re.compile(
    r"(?<![\w/.-])(?:(?:0?[1-9]|[12]\d|3[01])[-/.](?:0?[1-9]|1[0-2])[-/.](?:19|20)?\d{2}"
    r"|(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))(?![\w]|[-/.]\d)"
)
_DATE_DAY_MONTH = re.compile(
    r"(?<![\w-])(?:(?:"
    + _WEEKDAYS
    + r") )?(?:0?[1-9]|[12]\d|3[01])(?:e|ste|de)?[ \-](?:"
    + _MONTHS
    + r")\.?"
    r"(?:[ \-]'?(?:(?:19|20)\d{2}|\d{2}(?![\w:])))?(?![\w])",
    re.IGNORECASE,
)
# Several days of one month: "5-8 juli", "1 en 2 mei", "3 t/m 7 juni", "12, 13 en 14 maart".
_DATE_DAYS_MONTH = re.compile(
    r"\d(?<![\w-]\d)\d?(?:\s*(?:-|–|,|en|t/m|tot en met)\s*\d{1,2}){1,4}"
    r"(?:e|ste|de)?[ \-](?:" + _MONTHS + r")\.?(?:\s+(?:19|20)\d{2})?(?![\w])",
    re.IGNORECASE,
)
# Month + year ("in maart 2023") and "1 januari": the month alone is harmless and not matched.
_DATE_MONTH_YEAR = re.compile(
    r"(?<![\w-])(?:" + _MONTHS + r")\.? (?:19|20)\d{2}(?![\w])", re.IGNORECASE
)

# --- ages ------------------------------------------------------------------------------------

_AGE_JARIG = re.compile(r"\d(?<![\w-]\d)\d{0,2}[ -]?jarige?n?(?![\w])", re.IGNORECASE)
_AGE_JAAR = re.compile(
    r"(\d(?<![\w-]\d)\d{0,2}) ?(?:jaar|jr\.?)(?: oud)?(?![\w])",
    re.IGNORECASE,
)
_AGE_NOT_BEFORE = re.compile(
    r"(?:\bal|\bsinds|\bruim|\bna|\bafgelopen|\blaatste|\bmeer dan|\bminder dan|\bvoor|\bgedurende|"
    r"\bbinnen|\bover|\bper|\bom de|\bvan de|\belke|\btot|\btussen|\bdan|[-–+])\s*$",
    re.IGNORECASE,
)
_AGE_NOT_AFTER = re.compile(
    r"^\s*(?:getrouwd|samen|huwelijk|lang|geleden|gewerkt|gewoond|mantelzorg|ervaring|werkzaam|"
    r"in dienst|zorg|later|eerder|daarvoor|daarna|terug|\+|en ouder|of ouder)",
    re.IGNORECASE,
)
# "een man van 82", "moeder 91", "Patiënt, 72, alleenstaand", "Cliënt, vrouw, 94, dementie": a
# person word before a bare number, with "van" or a comma between. Anchored on the number (a
# casus has few), the person word is looked for in the characters before it.
_AGE_PERSON_NUMBER = re.compile(r"\d(?<![\w.,/-]\d)\d{0,2}(?![\w%]|[.,/-]\d)")
_PERSON_WORDS = words(
    """
    man vrouw meneer mevrouw heer dame patiënt patient patiënte patiente cliënt client cliënte
    cliente weduwe weduwnaar moeder vader jongen meisje zoon dochter echtgenoot echtgenote broer
    zus opa oma bewoner bewoonster echtpaar
    """
)
_AGE_PERSON_NOT_AFTER = re.compile(r"\s*(?:jaar|jr|%|euro|kg|\d)", re.IGNORECASE)
_AGE_COMMA_AFTER = re.compile(r"\s*[,;)]|\.(?:\s|$)|\s+jaar\b|$", re.IGNORECASE)
# "ik ben nu 93", "was 92 geworden": a bare number after a form of "zijn"/"worden".
_AGE_VERB = re.compile(
    r"\b(?:ben|is|was|werd|wordt|word)\s+(?:nu\s+|net\s+|bijna\s+|inmiddels\s+|al\s+|pas\s+)?"
    r"(\d{2,3})(?=\s*(?:geworden|[,.!;]|$|\s+en\s|\s+toen|\s+jaar))",
    re.IGNORECASE,
)
# Ages in words ("drieënnegentig jaar", "tachtig-jarige", "(tachtig)", "was negentig",
# "Vierennegentig is hij geworden", "honderd wordt"): what may stand around a number word.
_AGE_WORD_UNIT = re.compile(r"[ -]?jarige?n?(?![\w])|\s+jaar(?:\s+oud)?(?![\w])", re.IGNORECASE)
_AGE_WORD_BEFORE = re.compile(
    r"(?:\b(?:ben|is|was|werd|wordt|zijn|waren|van)\s+(?:(?:nu|net|bijna|inmiddels|al|pas|toen|"
    r"ook)\s+){0,2}|\()$",
    re.IGNORECASE,
)
_AGE_WORD_CLOSE = re.compile(r"\s*(?:geworden|[,.!;)]|$|en\s|toen\b)", re.IGNORECASE)
_AGE_WORD_SENTENCE = re.compile(r"(?:^|[.!?]\s+|,\s*)$")
# "Vierennegentig is hij geworden", "vijfentachtig was ze al": the age before the verb.
_AGE_WORD_BECAME = re.compile(r"\s+(?:is|was|ben|werd|wordt)\s+(?:hij|zij|ze|ik)\b", re.I)
_AGE_WORD_BECOMES = re.compile(r"\s+(?:wordt|werd|geworden)\b", re.IGNORECASE)
_AGE_BECOMES = re.compile(r"\d(?<![\w.,-]\d)\d{1,2}(?=\s+(?:wordt|werd|geworden)\b)")
# "meneer wordt 90 op 12/4", "(m, 84)": a number after "wordt"/"werd", or after a sex in brackets.
_AGE_AFTER_BECOMES = re.compile(
    r"\d(?:(?<=wordt \d)|(?<=werd \d))\d{1,2}"
    r"(?![\w%]|\s*(?:graden|euro|keer|kg|%|procent|minuten|uur)\b)"
)
_AGE_SEX = re.compile(r"\((?:m|v|man|vrouw|dhr|mw)\s*[,/]\s*(\d{1,3})(?:\s*(?:jr|jaar))?\)", re.I)
_AGE_WORDS_VERB_BEFORE = re.compile(
    r"\b(?:is|was|ben|bent|zijn|waren|werd|wordt|word|van|nu|pas|bijna|ruim|al)\s+$", re.IGNORECASE
)
# "hij 86 zij 83": a pronoun and a bare number, as in a chat message.
_AGE_PRONOUN = re.compile(
    r"\d(?:(?<=[hHzZ]ij \d)|(?<=\W[zZ]e \d))\d{1,2}(?=\s+(?:hij|zij|ze|en)\b|\s*[,.;)]|$)"
)
_AGE_ORDINAL = re.compile(r"\b(\d{2,3}(?:ste|e)) (?:verjaardag|levensjaar)\b", re.IGNORECASE)
_AGE_LABEL = re.compile(r"\bleeftijd\s*[:=]\s*(\d{1,3})(?!\d)", re.IGNORECASE)
_AGE_BRACKETS = re.compile(
    r"\((?<=[A-Za-zÀ-ÿ.] \()(\d{1,3})(?=\)|\s+en\s+\d|,\s*\d)|\((?<=[A-Za-zÀ-ÿ]\()(\d{1,3})\)"
)

# --- street + house number -------------------------------------------------------------------

_STREET_SUFFIX = (
    r"straat|laan|weg|plein|gracht|kade|dijk|singel|steeg|pad|dreef|hof|park|plantsoen|markt|"
    r"ring|baan|erf|wal|haven|akker|hoek|kamp|brink|dam|veld|boulevard|allee|promenade|stede|oord|"
    r"berg|heuvel|hoeve|horst|donk|beemd|wei|weide|gaarde|wetering|vliet|zoom|rade|rijk|dal|"
    r"gang|poort|tuin|tuinen|hof|loop|lei|straatje|pleintje|laantje|wegje|kamp|es|broek|veen|"
    r"weide|dreef|singel|burg|berg|sluis|pier|zijde|einde|eind|kant|voort|werf|molen|str\."
)
_HOUSENUMBER = (
    r"\d{1,4}(?: ?[a-zA-Z](?![\w])|-[a-zA-Z](?![\w]))?(?: ?[-/] ?\d{1,4}[a-zA-Z]?)?"
    r"(?: ?(?:hs|bis|bg|I{1,3})(?![\w]))?"
)
_PARTICLE = r"(?:van|de|der|den|het|'t|ter|ten|St\.|Sint)"
_CAP = r"[A-ZÀ-Ý][\w'.-]*"
_STREET = re.compile(
    r"(?<![\w-])(?:" + _CAP + r" (?:" + _PARTICLE + r" )*){0,3}"
    r"(?:[A-ZÀ-Ý][\w'.-]*(?:" + _STREET_SUFFIX + r")|(?:" + _PARTICLE + r" )*"
    r"(?:Straat|Laan|Weg|Plein|Gracht|Kade|Dijk|Singel|Markt|Dreef|Hof|Ring|Baan|Pad))"
    r" (" + _HOUSENUMBER + r")(?![\w]|[,.]\d)"
)
# Streets without a street word, recognised by context: "woont aan de Molenberg 4", "adres: …".
_STREET_CONTEXT = re.compile(
    r"(?:\b(?:woont|woonde|wonen|woonachtig|adres|verhuisd|verhuist|huisnummer|wonend)\b[^.\n]{0,20}?"
    r"(?:\b(?:aan|op|in)\s+(?:de|het|den)\s+|\b(?:aan|op)\s+|:\s*))"
    r"((?:" + _CAP + r" (?:" + _PARTICLE + r" )*){0,3}" + _CAP + r" " + _HOUSENUMBER + r")(?![\w])",
)
# Chat: a street in lowercase ("molenstraat 8"), only with a street word, and a bare house
# number after its label ("huisnr 12a").
_STREET_LOWER_SUFFIXES = (
    "straat",
    "laan",
    "weg",
    "plein",
    "gracht",
    "kade",
    "dijk",
    "singel",
    "steeg",
    "dreef",
)
_STREET_LOWER = re.compile(
    r"[a-z](?<![\w-][a-z])[a-zà-ÿ]{2,}(?:" + "|".join(_STREET_LOWER_SUFFIXES) + r")"
    r" (" + _HOUSENUMBER + r")(?![\w]|[,.]\d|\s*(?:uur|keer|km|min|minuten)\b)"
)
_HOUSENUMBER_LABEL = re.compile(
    r"\b(?:huis(?:nummer|nr\.?)|(?:woont|woonde|wonen)\s+op\s+(?:nr\.?|nummer))\s*:?\s*("
    + _HOUSENUMBER
    + r")(?![\w])",
    re.IGNORECASE,
)
# A capitalised word + number right before a postcode is an address, whatever the street is called.
_STREET_BEFORE_POSTCODE = re.compile(
    r"((?:" + _CAP + r" (?:" + _PARTICLE + r" )*){0,3}" + _CAP + r" " + _HOUSENUMBER + r"),? "
    r"(?=[1-9]\d{3} ?[A-Z]{2}\b)"
)
_LEADING_WORDS = {
    "Op",
    "In",
    "Aan",
    "De",
    "Het",
    "Een",
    "Bij",
    "Naar",
    "Via",
    "Vanuit",
    "Uit",
    "Te",
    "Tot",
    "Mevrouw",
    "Meneer",
    "Adres",
    "Woont",
    "Zij",
    "Hij",
    "Ze",
    "Hun",
    "Haar",
    "Zijn",
    "Wij",
    "Voor",
    "Met",
    "Na",
    "Sinds",
    "Om",
    "En",
    "Maar",
    "Dat",
    "Die",
    "Daar",
    "Toen",
    "Ook",
    "Thuis",
    "Huis",
    "Nummer",
    "Per",
    "Van",
}

# --- institutions ----------------------------------------------------------------------------

_INSTITUTION_WORD = (
    r"Huisartsenpraktijk|Huisartspraktijk|Huisartsenpost|Huisartsengroep|Gezondheidscentrum|"
    r"Gezondheidshuis|Apotheek|Ziekenhuis|Hospice|Bijna-Thuis-Huis|Bijna Thuis Huis|Verpleeghuis|"
    r"Zorgcentrum|Woonzorgcentrum|Woonzorg|Zorggroep|Zorgorganisatie|Thuiszorg|Thuiszorgorganisatie|"
    r"Stichting|Fysiotherapie|Fysiotherapiepraktijk|Tandartspraktijk|Verzorgingshuis|Wijkteam|"
    r"Buurtteam|Sociaal Team|Zorgboerderij|Praktijk|Maatschap|Kliniek|Revalidatiecentrum|"
    r"Medisch Centrum|Dagbesteding|Zorgvilla|Kleinschalig Wonen|Woongroep|Welzijn|"
    r"Welzijnsorganisatie|"
    r"Thuiszorgteam|Wijkverpleging|Team|Ouderenzorg|Zorginstelling|Zorgteam|Zorgcoöperatie|"
    r"Zorgcooperatie|Steunpunt|Hospicevoorziening|Ziekenhuislocatie|Verpleeghuislocatie|Locatie|"
    r"Buurtzorg|GGZ|Ggz|Mantelzorgsteunpunt|Huize|Residentie|Parochie|Kerk|Moskee"
)
_INSTITUTION = re.compile(
    r"(?<![\w-])(?:" + _INSTITUTION_WORD + r")(?: (?:" + _PARTICLE + r"|&|en|aan) )*"
    r" ?(?:[A-ZÀ-Ý'][\w'’-]*|'t [A-Z][\w'-]*)(?:(?: (?:"
    + _PARTICLE
    + r"|&|en|aan))* [A-ZÀ-Ý][\w'’-]*)*"
)
# Brand names of care organisations: capitalised words ending in "zorg"/"care" (Zuidzorg,
# Vitacare) and the healthcare institutions in deduce's own list (Sensire, Careyn …) are found
# by the list rule below.
_BRAND = re.compile(r"[A-Z](?<![\w-][A-Z])[a-zà-ÿ]+(?:zorg|care|Zorg|Care)(?![\w])")
_BRAND_NOT = {
    "Thuiszorg",
    "Mantelzorg",
    "Nazorg",
    "Ouderenzorg",
    "Wijkzorg",
    "Huisartsenzorg",
    "Jeugdzorg",
    "Gehandicaptenzorg",
    "Ziekenhuiszorg",
    "Ketenzorg",
    "Dagzorg",
    "Nachtzorg",
    "Spoedzorg",
    "Respijtzorg",
    "Terminale",
    "Palliatievezorg",
    "Eerstelijnszorg",
    "Tweedelijnszorg",
    "Langdurige",
    "Verpleeghuiszorg",
    "Zelfzorg",
    "Mondzorg",
    "Voetzorg",
    "Ouderzorg",
    "Huidzorg",
    "Wondzorg",
    "Kraamzorg",
    "Jeugdgezondheidszorg",
    "Gezondheidszorg",
    "Selfcare",
    "Thuiszorgzorg",
    "Crisiszorg",
    "Logeerzorg",
    "Dementiezorg",
    "Geboortezorg",
    "Zorg",
    "Netwerkzorg",
    "Buurtzorg",
    "Geestelijke",
    "Welzijnszorg",
    "Specialistenzorg",
}

# --- names -----------------------------------------------------------------------------------

_SURNAME = (
    r"(?:(?:van|de|der|den|ter|ten|het|'t|van der|van den|van de|in 't|op de|d')\s+)?"
    r"[A-ZÀ-Ý][\w'’-]+(?:-(?:(?:van|de|der|den|ter|ten)\s+)?[A-ZÀ-Ý][\w'’-]+)?"
)
_TITLE_NAME = re.compile(
    r"(?<![\w])(?:mevrouw|meneer|mevr\.|mw\.|mvr\.|dhr\.|hr\.|de heer|mr\.|dr\.|drs\.|ir\.|ing\.|"
    r"zuster|broeder|dokter|familie|fam\.|pastoor|dominee|ds\.|pater|Mevrouw|Meneer|Familie|"
    r"Dokter|Zuster|De heer|Mw\.|Dhr\.|Mevr\.)\s+"
    r"((?:[A-Z]\.\s?)*(?:[A-ZÀ-Ý][a-zà-ÿ]+\s+)?" + _SURNAME + r")"
)
_RELATION_NAME = re.compile(
    r"(?<![\w])(?:zoon|dochter|echtgenoot|echtgenote|partner|broer|zus|zuster|zwager|schoonzus|"
    r"schoonzoon|schoondochter|kleinzoon|kleindochter|buurman|buurvrouw|vriend|vriendin|neef|"
    r"nicht|mantelzorger|casemanager|wijkverpleegkundige|huisarts|verpleegkundige|"
    r"specialist ouderengeneeskunde|praktijkondersteuner|poh|arts|collega|man|vrouw|moeder|vader|"
    r"kinderen|kind|oudste|jongste|opa|oma|tante|oom|schoonmoeder|schoonvader|pastor|"
    r"geestelijk verzorger|ergotherapeut|fysiotherapeut|apotheker|maatschappelijk werker|"
    r"consulent|wmo-consulent|cliëntondersteuner|vrijwilliger|coördinator|specialist|"
    r"internist|longarts|cardioloog|oncoloog|neuroloog|geriater|verzorgende|helpende|"
    r"begeleider|thuiszorgmedewerker|wijkagent|notaris|bewindvoerder|mentor|dominee|pastoor)"
    r"\s+((?:[A-Z]\.\s?)*[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?"
    r"(?:\s+(?:(?:van|de|der|den|ter|ten|van der|van den|van de)\s+)?[A-ZÀ-Ý][a-zà-ÿ'’]+"
    r"(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?)?)"
)
# "(Jan, 82)"-like initials: "J. Jansen", "A.B. de Vries"
_INITIALS_NAME = re.compile(
    r"[A-Z](?<![\w.][A-Z])\.\s?(?:[A-Z]\.\s?){0,3}\s?"
    r"(?:(?:van|de|der|den|ter|ten|van der|van den|van de)\s+)?"
    r"[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?"
)

# --- places ----------------------------------------------------------------------------------

_PLACE_CONTEXT = re.compile(
    r"\b(?:in|uit|te|naar|nabij|rond|richting|omgeving|dorp|dorpje|kern|wijk|buurtschap|woonplaats|"
    r"woonachtig in|vanuit|buiten|tussen)\s+"
    r"((?:'s-|Sint-|St\.-?)?[A-ZÀ-Ý][a-zà-ÿ'’]+(?:[- ](?:aan|op|bij|de|den|in|ter|van)?[- ]?"
    r"[A-ZÀ-Ý][a-zà-ÿ'’]+)*)"
)
# "de wijk Malburgen", "De wijk Kruidenwijk", "in de buurt De Pol", "stadsdeel Noord".
_PLACE_DORP = re.compile(
    r"\b(?i:(?:het |de )?(?:dorp|dorpje|wijk|woonwijk|kern|buurtschap|buurt|gehucht|stadsdeel))"
    r"\s+((?:'s-|Sint-|De |Het |'t )?[A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+)?)"
)


@functools.cache
def place_names() -> frozenset[str]:
    names = set()
    for lst in ("lst_residence", "lst_municipality"):
        names |= read_items("locations", "lst_placename", lst)
    return frozenset(names)


@functools.cache
def institution_names() -> frozenset[str]:
    return frozenset(
        name for name in read_items("institutions", "lst_healthcare_institution") if len(name) > 3
    )


def load_lists():
    """Build every word list the own rules read (they are built on first use otherwise)."""
    from . import allowlist

    place_names()
    institution_names()
    namen.place_words()
    allowlist.common_words()
    organisaties.care_organisations()
    organisaties.plain_words()
    organisaties.surname_words()


_SINGLE_CAP_WORD = re.compile(r"[A-Z](?<![\w-][A-Z])[a-zà-ÿ]{3,}(?:[- ][A-Z][a-zà-ÿ]+)?(?![\w])")


def _group_span(match, group=1):
    for g in range(group, (match.re.groups or 0) + 1):
        if match.group(g) is not None:
            return match.span(g)
    return match.span()


def candidates(text: str):
    """Yield ``(start, end, kind)`` for every own-rule match, most certain kinds first."""
    from .allowlist import is_allowed_word

    for m in _EMAIL.finditer(text):
        yield (*m.span(), Soort.EMAIL)
    for m in _URL.finditer(text):
        start, end = m.span()
        while end > start and text[end - 1] in ".,;:!?":
            end -= 1
        if is_public_site(text[start:end]):
            # Taken, so that deduce's own URL rule does not flag it either.
            yield start, end, None
            continue
        yield start, end, Soort.URL
    for m in _BSN_LABEL.finditer(text):
        yield (*m.span(1), Soort.BSN)
    for m in _BSN.finditer(text):
        if elfproef(re.sub(r"\D", "", m.group(1))):
            yield (*m.span(1), Soort.BSN)
    for m in _PHONE.finditer(text):
        if _DATE_INSIDE.search(m.group()):
            continue
        yield (*m.span(), Soort.TELEFOON)
    for m in _SERVICE_PHONE.finditer(text):
        yield (*m.span(), Soort.TELEFOON)
    for m in _FOREIGN_PHONE.finditer(text):
        yield (*m.span(), Soort.TELEFOON)
    for m in _POSTCODE.finditer(text):
        if m.group()[-2:].upper() not in _POSTCODE_NOT:
            yield (*m.span(), Soort.POSTCODE)
    yield from _lowercase_postcodes(text)
    for rule in (_DATE_DAYS_MONTH, _DATE_NUMERIC, _DATE_DAY_MONTH, _DATE_MONTH_YEAR):
        for m in rule.finditer(text):
            yield (*m.span(), Soort.DATUM)
    words = set(_WORDS.findall(text.lower()))
    yield from datums.candidates(text, words)
    yield from datums.word_dates(text, words)
    for m in _NUMBER_LABEL.finditer(text):
        start, end = m.span(1)
        while end > start and text[end - 1] in ".-/":
            end -= 1
        yield start, end, Soort.PATIENTNUMMER
    for m in _CODE.finditer(text):
        if not _CODE_NOT.match(m.group()):
            yield (*m.span(), Soort.PATIENTNUMMER)
    for m in _LONG_NUMBER.finditer(text):
        yield (*m.span(), Soort.PATIENTNUMMER)
    for m in _DIGIT_GROUPS.finditer(text):
        value = m.group()
        if sum(ch.isdigit() for ch in value) >= 6 and not _YEAR_RANGE.match(value):
            yield (*m.span(), Soort.PATIENTNUMMER)
    yield from _lowercase_streets(text, words)
    if not words.isdisjoint(("huisnummer", "huisnr", "nr", "nummer")):
        for m in _HOUSENUMBER_LABEL.finditer(text):
            yield (*m.span(1), Soort.ADRES)
    for rule in (_STREET, _STREET_CONTEXT, _STREET_BEFORE_POSTCODE):
        for m in rule.finditer(text):
            start, end = m.span(1) if rule is not _STREET else m.span()
            start = _skip_leading_words(text, start, end)
            if start < end:
                yield start, end, Soort.ADRES
    yield from _ages(text, words)
    for m in _INSTITUTION.finditer(text):
        yield (*m.span(), Soort.INSTELLING)
    yield from organisaties.candidates(text, words)
    for m in _BRAND.finditer(text):
        if m.group() not in _BRAND_NOT and not is_allowed_word(m.group()):
            yield (*m.span(), Soort.INSTELLING)
    institutions = institution_names()
    places = place_names()
    for m in _SINGLE_CAP_WORD.finditer(text):
        if m.group() in institutions and not is_allowed_word(m.group()):
            yield (*m.span(), Soort.INSTELLING)
    for rule in (_TITLE_NAME, _RELATION_NAME):
        for m in rule.finditer(text):
            start, end = m.span(1)
            if not is_allowed_word(text[start:end]):
                yield start, end, Soort.NAAM
    for m in _INITIALS_NAME.finditer(text):
        yield (*m.span(), Soort.NAAM)
    yield from namen.candidates(text)
    yield from organisaties.article_names(text)
    for m in _PLACE_CONTEXT.finditer(text):
        start, end = m.span(1)
        words = text[start:end]
        if words in places or words.split(" ")[0] in places:
            if words not in places:
                end = start + len(words.split(" ")[0])
            if not is_allowed_word(text[start:end]):
                yield start, end, Soort.PLAATS
    for m in _PLACE_DORP.finditer(text):
        if not is_allowed_word(m.group(1)):
            yield (*m.span(1), Soort.PLAATS)


def _lowercase_streets(text, words):
    """ "molenstraat 8": looked up by the street words of the text, where written in lowercase."""
    lower = text.lower()
    for word in words:
        if not word.endswith(_STREET_LOWER_SUFFIXES) or len(word) < 6:
            continue
        pos = lower.find(word)
        while pos != -1:
            if text[pos].islower():
                m = _STREET_LOWER.match(text, pos)
                if m is not None:
                    yield (*m.span(), Soort.ADRES)
            pos = lower.find(word, pos + len(word))


def _lowercase_postcodes(text):
    for m in _POSTCODE_LOWER.finditer(text):
        if m.group(1) in _POSTCODE_LOWER_NOT:
            continue
        before = text[max(0, m.start() - 20) : m.start()]
        after = text[m.end() : m.end() + 40].split(maxsplit=1)
        next_word = after[0].strip(",.;:") if after else ""
        if _POSTCODE_BEFORE.search(before) or next_word.capitalize() in place_names():
            yield (*m.span(), Soort.POSTCODE)


def _skip_leading_words(text, start, end):
    """Drop sentence words a street pattern may have picked up in front ("Op de Kerkstraat 1")."""
    while start < end:
        word_end = text.find(" ", start, end)
        if word_end == -1:
            break
        word = text[start:word_end]
        if word in _LEADING_WORDS or word.lower() in {"de", "het", "op", "in", "aan", "te"}:
            start = word_end + 1
        else:
            break
    return start


def _person_before(text, start):
    """Whether a person word stands right before ``start``: None if not, else whether a comma
    is between ("Cliënt, 72") or not ("een man van 82", "leeftijd van 90", "moeder 91")."""
    before = text[max(0, start - 30) : start].rstrip()
    comma = before.endswith(",")
    parts = before.rstrip(",").split()
    if not parts:
        return None
    last = parts[-1].lower()
    if last == "van" and not comma and len(parts) > 1:
        last = parts[-2].lower()
        if last == "leeftijd":
            return False
    if last in _PERSON_WORDS or (last == "leeftijd" and not comma):
        return comma
    return None


def _ages(text, words=None):
    for m in _AGE_JARIG.finditer(text):
        yield (*m.span(), Soort.LEEFTIJD)
    for m in _AGE_JAAR.finditer(text):
        age = int(m.group(1))
        before = text[max(0, m.start() - 20) : m.start()]
        after = text[m.end() : m.end() + 20]
        oud = m.group().lower().endswith("oud")
        if not oud and (age < 18 or _AGE_NOT_BEFORE.search(before) or _AGE_NOT_AFTER.match(after)):
            continue
        yield (*m.span(), Soort.LEEFTIJD)
    for m in _AGE_PERSON_NUMBER.finditer(text):
        comma = _person_before(text, m.start())
        if comma is None or not 0 <= int(m.group()) <= 120:
            continue
        if comma:
            if _AGE_COMMA_AFTER.match(text, m.end()):
                yield (*m.span(), Soort.LEEFTIJD)
        elif not _AGE_PERSON_NOT_AFTER.match(text, m.end()):
            yield (*m.span(), Soort.LEEFTIJD)
    for rule, youngest in ((_AGE_LABEL, 0), (_AGE_VERB, 40), (_AGE_ORDINAL, 0)):
        for m in rule.finditer(text):
            if youngest <= int(re.sub(r"\D", "", m.group(1))) <= 120:
                yield (*m.span(1), Soort.LEEFTIJD)
    for m in _AGE_PRONOUN.finditer(text):
        if 0 < int(m.group()) <= 120:
            yield (*m.span(), Soort.LEEFTIJD)
    present = WORDS_TEN_UP & words if words is not None else WORDS_TEN_UP
    if present:
        yield from _ages_in_words(text, present)
    for rule in (_AGE_BECOMES, _AGE_AFTER_BECOMES):
        for m in rule.finditer(text):
            if 18 <= int(m.group()) <= 120:
                yield (*m.span(), Soort.LEEFTIJD)
    for m in _AGE_SEX.finditer(text):
        if 0 < int(m.group(1)) <= 120:
            yield (*m.span(1), Soort.LEEFTIJD)
    for m in _AGE_BRACKETS.finditer(text):
        number = m.group(1) or m.group(2)
        if 0 < int(number) <= 120:
            yield (*_group_span(m), Soort.LEEFTIJD)


def _ages_in_words(text, present):
    """Ages in words, found by looking up the number words the text has (``present``) instead of
    trying a long alternation at every position."""
    lower = text.lower()
    for word in present:
        start = lower.find(word)
        while start != -1:
            end = start + len(word)
            if not (lower[start - 1 : start].isalpha() or lower[end : end + 1].isalpha()):
                span = _age_word_span(text, start, end)
                if span is not None:
                    yield (*span, Soort.LEEFTIJD)
            start = lower.find(word, end)


def _age_word_span(text, start, end):
    before = text[max(0, start - 25) : start]
    after = text[end : end + 30]
    if (m := _AGE_WORD_UNIT.match(after)) is not None:
        if _AGE_NOT_BEFORE.search(before) or _AGE_NOT_AFTER.match(after[m.end() :]):
            return None
        # "twintig jaar" alone is mostly a duration: an age needs "oud", "-jarige", a verb, or
        # to be one that few durations reach (seventy and up).
        says_age = "oud" in m.group() or "jarig" in m.group()
        if says_age or _AGE_WORDS_VERB_BEFORE.search(before) or (value(text[start:end]) or 0) >= 70:
            return start, end + m.end()
        return None
    if (_AGE_WORD_BEFORE.search(before) and _AGE_WORD_CLOSE.match(after)) or (
        _AGE_WORD_SENTENCE.search(before) and _AGE_WORD_BECAME.match(after)
    ):
        return start, end
    if _AGE_WORD_BECOMES.match(after):
        return start, end
    return None
