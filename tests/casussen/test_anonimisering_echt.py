"""The anonymisation gate on the way people really write (issue 22, points 3–5): floors on the
harder test set, each rule family with sentences of its own (not the test set's), what stays
unflagged, and the replacement boundary."""

import functools

import pytest

from casussen import gate
from casussen.anonimisering import Soort, detect, replace_all

from .anonimisering_testset import (
    DIRECT,
    PATH_ECHT,
    clean_flagged,
    gemeente_of,
    load,
    score,
    total,
)

GEMEENTE = gemeente_of(PATH_ECHT)


@pytest.fixture(scope="module")
def echt():
    paragraphs = load(PATH_ECHT)
    check = functools.partial(detect, gemeente=GEMEENTE)
    return paragraphs, check, score(check, paragraphs)


def kinds(text, **kwargs):
    return [(f.kind, f.text) for f in detect(text, **kwargs)]


def found(text, value, kind=None, **kwargs):
    """Whether ``value`` is covered by one finding (of ``kind``, if given)."""
    return any(value in f.text and (kind is None or f.kind == kind) for f in detect(text, **kwargs))


# --- floors on the harder set: a regression fails here ----------------------------------------


def test_the_harder_set_names_its_gemeente_and_has_four_registers():
    assert GEMEENTE == "Oude IJsselstreek"
    text = PATH_ECHT.read_text(encoding="utf-8")
    for register in ("formal casus text", "chat / WhatsApp", "spoken accounts", "meeting notes"):
        assert register in text


def test_direct_identifiers_are_found_on_the_harder_set(echt):
    _, _, scores = echt
    direct = total(scores, DIRECT)
    assert direct.recall >= 0.98, {k: scores[k].missed for k in DIRECT if scores[k].missed}


def test_all_kinds_are_found_on_the_harder_set(echt):
    _, _, scores = echt
    assert total(scores, scores).recall >= 0.95
    for kind, s in scores.items():
        assert s.recall >= 0.85, (kind, s.missed)


def test_few_harmless_words_are_flagged_on_the_harder_set(echt):
    _, _, scores = echt
    assert total(scores, scores).precision >= 0.95, {k: s.wrong for k, s in scores.items()}


def test_at_most_15_percent_of_the_clean_paragraphs_are_flagged(echt):
    paragraphs, check, _ = echt
    clean = [p for p in paragraphs if not p.spans]
    flagged = clean_flagged(check, paragraphs)
    assert len(flagged) <= 0.15 * len(clean), [(t[:40], kinds(t)) for t in flagged]


# --- point 3: dates as day and month, feast days ----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Het gesprek is op 7/4 om 10.00 uur bij haar thuis.", "7/4"),
        ("di 03-06 intake met de casemanager", "di 03-06"),
        ("Bel haar woensdag 2/10 even terug.", "woensdag 2/10"),
        ("MDO 21-5: de familie wil geen opname.", "21-5"),
        ("Kunnen we 28-3 nog langs, dan is zijn zoon er ook?", "28-3"),
        ("Vanaf 15/1 komt de nachtzorg.", "15/1"),
        ("Zaterdagavond 9 november belde de buurvrouw.", "Zaterdagavond 9 november"),
        ("Hij is op zes mei overleden.", "zes mei"),
        ("Van 5-8 juli is de casemanager er niet.", "5-8 juli"),
        ("Op 1 en 2 mei is de praktijk dicht.", "1 en 2 mei"),
    ],
)
def test_day_and_month_without_a_year_are_dates(sentence, date):
    assert ("datum", date) in kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Zij krijgt 1/2 tablet paracetamol bij pijn.",
        "De thuiszorg komt 2-3 keer per week.",
        "De centrale is 24/7 bereikbaar.",
        "Haar kleinzoon zit in groep 1/2 van de basisschool.",
        "Er waren 10-12 deelnemers bij de bijeenkomst.",
        "Om 11.30 uur is er koffie.",
    ],
)
def test_ranges_fractions_and_times_are_no_dates(sentence):
    assert "datum" not in [kind for kind, _ in kinds(sentence)]


@pytest.mark.parametrize(
    ("sentence", "date"),
    [
        ("Op Bevrijdingsdag ging hij nog mee naar de optocht.", "Bevrijdingsdag"),
        ("Ze stierf op eerste kerstdag, thuis.", "eerste kerstdag"),
        ("Met Suikerfeest 2022 was de hele familie er.", "Suikerfeest 2022"),
        ("Op oudejaarsavond werd hij onrustig.", "oudejaarsavond"),
        ("Zij overleed op Goede Vrijdag.", "Goede Vrijdag"),
    ],
)
def test_feast_days_that_name_a_day_are_dates(sentence, date):
    assert ("datum", date) in kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tot Koningsdag bleef ze thuis wonen.",
        "Rond Kerst is de familie er altijd.",
        "Met Pasen kwamen de kleinkinderen.",
        "In de weken na Sinterklaas ging het slechter.",
    ],
)
def test_seasons_around_a_feast_are_no_dates(sentence):
    assert "datum" not in [kind for kind, _ in kinds(sentence)]


# --- point 3: names after an abbreviated title, in lowercase, after kinship words -------------


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Gesprek gehad met mw. Koning over haar medicatie.", "Koning"),
        ("Daarna belde dhr. Vos de apotheek.", "Vos"),
        ("Overleg met mevr. Bakker en dhr. Smit.", "Bakker"),
        ("Overleg met mevr. Bakker en dhr. Smit.", "Smit"),
        ("Notitie over mw. K. na het huisbezoek.", "K"),
    ],
)
def test_a_surname_that_is_a_word_after_a_title_with_a_dot_is_a_name(sentence, name):
    assert found(sentence, name, "naam")


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ("gisteren langs geweest bij mw hendriks, ze was erg moe", "hendriks", "naam"),
        ("heb met gerda van dijk gebeld over de sleutel", "gerda van dijk", "naam"),
        ("dochter lisa komt morgen om 10 uur", "lisa", "naam"),
        ("hij is verhuisd naar winterswijk bij zn broer", "winterswijk", "plaats"),
        ("zijn vrouw woont nu in doetinchem", "doetinchem", "plaats"),
        ("nieuw adres: dorpsweg 3, 7021 ab zelhem", "zelhem", "plaats"),
        ("vandaag gebeld met karin van de thuiszorg", "karin", "naam"),
        ("wie was de contactpersoon? wendy toch?", "wendy", "naam"),
        ("tante gerda ligt sinds zondag in het ziekenhuis", "gerda", "naam"),
    ],
)
def test_names_and_places_in_lowercase_are_found_on_context(sentence, name, kind):
    assert (kind, name) in kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "ik ben er morgen niet, wil iemand anders gaan?",
        "hoop dat het lukt met de aanvraag",
        "mw heeft goed geslapen en wil vandaag douchen",
    ],
)
def test_lowercase_words_that_are_also_names_stay_unflagged(sentence):
    assert kinds(sentence) == []


def test_a_first_name_after_a_kinship_word_and_a_comma_is_a_name():
    assert ("naam", "Daan") in kinds("Haar kleinzoon, Daan, bracht de boodschappen.")


def test_every_name_of_an_enumeration_is_a_name():
    found_names = [
        t for k, t in kinds("Haar dochters Fenna, Noor en Lotte waakten.") if k == "naam"
    ]
    assert found_names == ["Fenna", "Noor", "Lotte"]


# --- point 3: ages --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "age"),
    [
        ("Mevrouw Pauw, 88, woont alleen in een flat.", "88"),
        ("Cliënt, man, 67, woont bij zijn zus.", "67"),
        ("Hun kinderen (8 en 11) weten het nog niet.", "8"),
        ("Hun kinderen (8 en 11) weten het nog niet.", "11"),
        ("Zij is vijfentachtig en nog heel helder.", "vijfentachtig"),
        ("Een tachtig-jarige man met COPD.", "tachtig-jarige"),
        ("Hij werd negenennegentig jaar oud.", "negenennegentig jaar oud"),
        ("Casus: dhr. Smit (m, 79) met hartfalen.", "79"),
        ("oma wordt 95 op zaterdag, taart!", "95"),
        ("Tweeënnegentig was hij toen.", "Tweeënnegentig"),
    ],
)
def test_ages_without_jaar_in_brackets_and_in_words_are_found(sentence, age):
    assert ("leeftijd", age) in kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Ze is al twintig jaar ziek.",
        "Ze waren vijftig jaar getrouwd.",
        "Hij werkte dertig jaar bij de gemeente.",
    ],
)
def test_durations_in_words_are_no_ages(sentence):
    assert "leeftijd" not in [kind for kind, _ in kinds(sentence)]


# --- point 3: numbers after their label, BSN with dashes, foreign phones, postcodes --------------


@pytest.mark.parametrize(
    ("sentence", "number"),
    [
        ("Zie pat.nr. 55-K-901 voor de medicatie.", "55-K-901"),
        ("dossiernr: 2022/441 graag vermelden", "2022/441"),
        ("Staat in het ECD 8812 onder rapportage.", "8812"),
        ("Het zaaknummer Z.2024.17 staat op de brief.", "Z.2024.17"),
        ("Cliëntnummer: AB 12 34 bij de thuiszorg.", "AB 12 34"),
        ("Het nummer 7730-1182 staat op het etiket.", "7730-1182"),
    ],
)
def test_client_and_dossier_numbers_are_found_in_any_format(sentence, number):
    assert ("patientnummer", number) in kinds(sentence)


def test_a_bsn_with_dashes_is_found():
    assert ("bsn", "111-222-333") in kinds("Zijn BSN is 111-222-333, zie de aanvraag.")


@pytest.mark.parametrize("phone", ["+44 7700 900123", "+212 6 12 34 56 78", "0049 30 1234567"])
def test_foreign_phone_numbers_are_found(phone):
    assert ("telefoon", phone) in kinds(f"Haar zus is bereikbaar op {phone} in het buitenland.")


def test_a_lowercase_postcode_is_found_where_a_postcode_stands():
    assert ("postcode", "7021 ab") in kinds("Adres: Dorpsweg 3, 7021 ab Zelhem.")
    assert "postcode" not in [k for k, _ in kinds("In 2021 en 2022 ging het goed.")]


# --- point 3: institutions by name, worship and schools, whole names, roles -------------------


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Hij lag twee weken in Isala.", "Isala"),
        ("Ze werd opgenomen in het Meander.", "het Meander"),
        ("De wijkverpleging kwam van Carintreggeland.", "Carintreggeland"),
        ("Verwezen naar GGz Centraal voor een intake.", "GGz Centraal"),
        ("opname in isala, daarna revalidatie", "isala"),
        ("De uitvaart was in de Nicolaaskerk.", "Nicolaaskerk"),
        ("Hij bad elke vrijdag in de Selimiye Camii.", "Selimiye Camii"),
        ("De kinderen zitten op CBS De Wegwijzer.", "CBS De Wegwijzer"),
        ("Zijn kleindochter zit op het Stedelijk Lyceum.", "Stedelijk Lyceum"),
        ("De buurvrouw werkt bij Bakkerij Lammers.", "Bakkerij Lammers"),
        ("Zij verhuisde naar Het Baken, vlak bij haar dochter.", "Het Baken"),
    ],
)
def test_institutions_known_by_their_name_are_found_whole(sentence, name):
    assert ("instelling", name) in kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Zij bad het Onze Vader en dacht aan Sint Antonius.",
        "De Protestantse Kerk en de Katholieke Kerk werkten samen.",
        "Hij ging elke zondag naar de kerk en zij naar de moskee.",
        "Een school in de buurt organiseerde een inzameling.",
    ],
)
def test_denominations_saints_and_generic_words_are_no_institutions(sentence):
    assert kinds(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ("Mevrouw Groot-Koerkamp woont alleen.", "Groot-Koerkamp", "naam"),
        ("Hij woont in Utrecht-Overvecht bij zijn zoon.", "Utrecht-Overvecht", "plaats"),
        ("De wijk Kruidenwijk heeft veel ouderen.", "Kruidenwijk", "plaats"),
        ("Zij woont in Varsseveld-Oost, vlak bij de kerk.", "Varsseveld-Oost", "plaats"),
    ],
)
def test_the_whole_of_a_name_is_one_finding(sentence, name, kind):
    assert (kind, name) in kinds(sentence)


@pytest.mark.parametrize(
    ("sentence", "role"),
    [
        ("De imam van de Selimiye Camii kwam langs.", "imam van de Selimiye Camii"),
        (
            "De eigenaar van Bakkerij Lammers in Zelhem bracht brood.",
            "eigenaar van Bakkerij Lammers in Zelhem",
        ),
        (
            "De juf van groep 4 van CBS De Wegwijzer belde.",
            "juf van groep 4 van CBS De Wegwijzer",
        ),
    ],
)
def test_a_role_bound_to_a_named_place_is_one_finding(sentence, role):
    assert ("rol", role) in kinds(sentence)
    assert replace_all(sentence).count("[") == 1


def test_a_role_without_a_named_place_is_no_finding():
    assert kinds("De imam van de moskee en de dominee kwamen allebei.") == []


# --- point 4: what stays unflagged ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Lees meer op www.thuisarts.nl/dementie of op kanker.nl.",
        "De familie vond veel op https://www.alzheimer-nederland.nl en mantelzorg.nl.",
        "Samen baden ze het Weesgegroet: Maria, moeder van God, bid voor ons.",
        "Bij de uitvaart werd Psalm 23 gelezen en zongen ze over Jezus en Petrus.",
        "Het Expertisecentrum Euthanasie en MantelzorgNL gaven informatie.",
        "De Patiëntenfederatie Nederland en het RIVM publiceerden een folder.",
        "Hij had de ziekte van Huntington, zij Lewy body-dementie.",
        "Het CIZ en het CAK stuurden brieven, het zorgkantoor belde.",
    ],
)
def test_public_sites_prayers_national_bodies_and_diseases_stay_unflagged(sentence):
    assert kinds(sentence) == []


def test_a_biblical_name_is_still_a_name_when_a_kinship_word_makes_it_one():
    assert ("naam", "Maria") in kinds("Haar dochter Maria bad het Onze Vader met haar.")


def test_the_proeftuin_s_own_gemeente_is_no_finding_but_its_villages_are():
    text = "De gemeente Berkelland betaalt; in Berkelland wonen veel ouderen, ook in Eibergen."
    assert kinds(text, gemeente="Berkelland") == [("plaats", "Eibergen")]
    assert ("plaats", "Berkelland") in kinds(text)


def test_the_gate_passes_the_gemeente_to_the_detector():
    texts = {"verloop": ("Verloop", "Overleg met de gemeente Berkelland over de Wmo.")}
    assert gate.check(texts, gemeente="Berkelland") == []
    assert [v.kind for v in gate.check(texts)] == [Soort.PLAATS]


# --- point 4: "vervang" replaces exactly the finding ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "replaced"),
    [
        ("Visser van de Wmo belde terug.", "[naam] van de Wmo belde terug."),
        ("Gesprek met mw. Bakker van het CIZ.", "Gesprek met mw. [naam] van het CIZ."),
        ("Jansen van de VPTZ waakte.", "[naam] van de VPTZ waakte."),
    ],
)
def test_replacing_a_finding_leaves_the_words_around_it(text, replaced):
    assert replace_all(text) == replaced
    [finding] = [f for f in detect(text) if f.kind == Soort.NAAM]
    assert gate.replace_one(text, finding.start, finding.end, finding.kind) == replaced


def test_a_surname_with_a_particle_stays_whole():
    assert ("naam", "Jan van der Linden") in kinds("Meneer Jan van der Linden belde.")


@pytest.mark.parametrize(
    "sentence",
    [
        "The partner has made no commitments, so it can be deleted.",
        "A meeting may have an agenda; ties as shown in the picture.",
    ],
)
def test_english_words_that_are_dutch_first_names_are_no_names(sentence):
    assert [k for k, _ in kinds(sentence) if k == "naam"] == []


def test_the_warm_up_builds_the_own_rules_word_lists_before_forking():
    from casussen.anonimisering import allowlist, namen, organisaties, regels

    lists = (
        regels.place_names,
        regels.institution_names,
        namen._lists,  # noqa: SLF001 - the cache behind namen.place_words
        allowlist.common_words,
        organisaties.care_organisations,
        organisaties.plain_words,
        organisaties.surname_words,
    )
    for built in lists:
        built.cache_clear()
    regels.load_lists()
    assert [built.cache_info().currsize for built in lists] == [1] * len(lists)


def test_an_abbreviated_street_is_an_address_and_a_phone_number_no_postcode():
    assert kinds("Zij woont op de Hoofdstr. 3a sinds maart.") == [("adres", "Hoofdstr. 3a")]
    assert kinds("Bel (06) 1234 5678 of 06 - 1234 5678.") == [
        ("telefoon", "(06) 1234 5678"),
        ("telefoon", "06 - 1234 5678"),
    ]


def test_an_organisation_named_after_the_gemeente_is_still_an_institution():
    text = "Zij ging naar Hospice Berkelland, de gemeente Berkelland betaalde mee."
    assert kinds(text, gemeente="Berkelland") == [("instelling", "Hospice Berkelland")]


@pytest.mark.parametrize(
    "sentence",
    [
        "De pastoor sprak over Sint Franciscus en de zorg voor de schepping.",
        "Het Steunpunt Mantelzorg en de VPTZ hielpen de familie.",
        "Ze bad het Onze Vader, elke avond opnieuw.",
    ],
)
def test_saints_generic_services_and_determiners_stay_unflagged(sentence):
    assert kinds(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "found_kind", "value"),
    [
        ("de dochter van mw jansen, karin, belt morgen", "naam", "karin"),
        ("de buurvrouw woont op nr 16, zij heeft de sleutel", "adres", "16"),
    ],
)
def test_a_name_in_apposition_and_a_house_number_after_woont_op_nr(sentence, found_kind, value):
    assert (found_kind, value) in kinds(sentence)


@pytest.mark.parametrize(
    "text", ["Inventarisatiebijeenkomst 2", "Oogstbijeenkomst", "Bijeenkomst 3 van de kerngroep"]
)
def test_the_proeftuins_own_meetings_are_not_addresses(text):
    assert not [f for f in detect(text) if f.kind == "adres"]


def test_a_street_with_a_number_is_still_an_address():
    assert [f.text for f in detect("Ze woont op de Dorpsstraat 12.") if f.kind == "adres"]
