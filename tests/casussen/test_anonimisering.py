"""The anonymisation gate's detector: quality floors on the Dutch test set, the own rules, the
allowlist and the contract (offsets, order, placeholders)."""

import subprocess
import sys
import threading
from pathlib import Path

import pytest

from casussen.anonimisering import Finding, Soort, detect, engine, replace_all, replacement
from casussen.anonimisering.regels import elfproef

from .anonimisering_testset import DIRECT, PATH_ECHT, load, score, total

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def scores():
    return score(detect)


def kinds(text):
    return [(f.kind, f.text) for f in detect(text)]


# --- quality on the test set -------------------------------------------------------------------


def test_the_test_sets_have_enough_paragraphs_and_every_kind():
    paragraphs = load()
    assert len(paragraphs) >= 40
    assert sum(1 for p in paragraphs if not p.spans) >= 10
    echt = load(PATH_ECHT)
    assert len(echt) >= 150
    assert sum(1 for p in echt if not p.spans) >= len(echt) / 4
    kinds = {kind for p in [*paragraphs, *echt] for _, _, kind in p.spans}
    assert kinds == set(Soort.values)


def test_no_direct_identifier_is_missed(scores):
    direct = total(scores, DIRECT)
    assert direct.recall >= 0.98, {k: scores[k].missed for k in DIRECT if scores[k].missed}


@pytest.mark.parametrize("kind", DIRECT)
def test_each_direct_identifier_kind_is_found(scores, kind):
    assert scores[kind].recall >= 0.95, scores[kind].missed


@pytest.mark.parametrize(
    ("kind", "floor"),
    [
        ("plaats", 0.9),
        ("instelling", 0.9),
        ("leeftijd", 0.9),
        ("patientnummer", 0.75),
        ("url", 0.9),
    ],
)
def test_the_other_kinds_are_mostly_found(scores, kind, floor):
    assert scores[kind].recall >= floor, scores[kind].missed


def test_few_harmless_words_are_flagged(scores):
    everything = total(scores, scores)
    assert everything.precision >= 0.9, {k: s.wrong for k, s in scores.items() if s.wrong}
    for kind, s in scores.items():
        assert s.precision >= 0.75, (kind, s.wrong)


def test_paragraphs_without_identifiers_stay_clean():
    clean = [p.text for p in load() if not p.spans]
    flagged = {text[:40]: kinds(text) for text in clean if detect(text)}
    assert len(flagged) <= 1, flagged


# --- the contract ------------------------------------------------------------------------------


def test_findings_are_sorted_non_overlapping_ints_into_the_original_text():
    for paragraph in load():
        text = paragraph.text
        findings = detect(text)
        previous_end = 0
        for f in findings:
            assert isinstance(f, Finding)
            assert type(f.start) is int and type(f.end) is int
            assert previous_end <= f.start < f.end
            assert text[f.start : f.end] == f.text
            assert f.text == f.text.strip()
            assert f.kind in Soort.values
            previous_end = f.end


def test_offsets_count_characters_not_bytes():
    text = (
        "Één keer per week kwam Léven-zorg. Mevrouw Müller-Özdemir woont in Ulft, bel 06-12345678."
    )
    findings = detect(text)
    assert ("telefoon", "06-12345678") in [(f.kind, f.text) for f in findings]
    for f in findings:
        assert text[f.start : f.end] == f.text
    assert any("Müller" in f.text for f in findings)


def test_empty_and_blank_text_have_no_findings():
    assert detect("") == []
    assert detect("   \n\t ") == []


def test_a_very_long_text_is_checked_whole():
    paragraphs = [p.text for p in load()]
    text = "\n\n".join(paragraphs * 5)
    findings = detect(text)
    assert len(findings) >= 5 * 100
    assert all(text[f.start : f.end] == f.text for f in findings)
    assert findings[-1].start > len(text) - len(paragraphs[-1]) - 1


def test_replace_all_leaves_a_text_that_comes_back_clean():
    for paragraph in load():
        assert detect(replace_all(paragraph.text)) == [], paragraph.text


def test_placeholders_are_never_findings():
    text = " ".join(replacement(kind) for kind in Soort.values)
    assert detect(text) == []
    assert detect("Mevrouw [naam] ([leeftijd]) woont aan de [adres] in [plaats].") == []


# --- own rules ---------------------------------------------------------------------------------


@pytest.mark.parametrize("number", ["123456782", "111222333", "100000009", "010000008"])
def test_elfproef_accepts_valid_citizen_service_numbers(number):
    assert elfproef(number)


@pytest.mark.parametrize("number", ["123456789", "111111112", "000000000", "12345678a", "1234"])
def test_elfproef_rejects_other_numbers(number):
    assert not elfproef(number)


@pytest.mark.parametrize("written", ["123456782", "1234.56.782", "123 456 782"])
def test_a_bsn_is_found_however_it_is_written(written):
    assert kinds(f"Het nummer {written} stond in de brief.") == [("bsn", written)]


def test_nine_digits_failing_the_elfproef_are_no_bsn():
    assert ("bsn", "123456789") not in kinds("Het nummer 123456789 stond in de brief.")


def test_a_labelled_bsn_is_found_even_when_mistyped():
    assert ("bsn", "123456789") in kinds("BSN: 123456789")


@pytest.mark.parametrize(
    "phone",
    [
        "06-12345678",
        "0612345678",
        "06 12345678",
        "06 1234 5678",
        "06 12 34 56 78",
        "+31 6 12345678",
        "+31612345678",
        "+31 (0)6 12345678",
        "+31(0)20-1234567",
        "0031 6 12345678",
        "0031 76 5012345",
        "020-1234567",
        "020 123 4567",
        "0315-123456",
        "0315 12 34 56",
        "(0315) 123456",
        "085-1234567",
        "088 123 45 67",
        "0800-1234",
        "0900-1234567",
    ],
)
def test_every_dutch_phone_format_is_found(phone):
    assert kinds(f"Bel {phone} voor overleg.") == [("telefoon", phone)]


def test_a_date_with_a_time_is_no_phone_number():
    assert ("telefoon", "01-02-2023 12") not in kinds("Opname 01-02-2023 12:00 uur.")


@pytest.mark.parametrize("postcode", ["7071 AB", "7071AB", "4881 CE", "7071ab"])
def test_postcodes_are_found(postcode):
    assert ("postcode", postcode) in kinds(f"Het adres ligt in {postcode} te Ulft.")


@pytest.mark.parametrize(
    "address",
    ["Kerkstraat 12a", "Dorpsstraat 3-5", "Van Goghlaan 7", "Hoge Weg 12", "Lindelaan 22"],
)
def test_street_and_house_number_are_found(address):
    findings = kinds(f"Zij woont aan de {address} met haar man.")
    assert ("adres", address) in findings


@pytest.mark.parametrize(
    "date",
    [
        "12-03-1941",
        "12/03/1941",
        "1941-03-12",
        "12 maart 1941",
        "12 maart",
        "3 juni",
        "3 jun. 2024",
    ],
)
def test_exact_dates_are_found(date):
    assert ("datum", date) in kinds(f"Dat was op {date} in de ochtend.")


@pytest.mark.parametrize(
    ("sentence", "age"),
    [
        ("Zij is 82 jaar.", "82 jaar"),
        ("Een 82-jarige vrouw.", "82-jarige"),
        ("Het gaat om een man van 82.", "82"),
        ("Mevrouw (87) woont alleen.", "87"),
        ("Ik ben nu 93, zei hij.", "93"),
    ],
)
def test_ages_are_found(sentence, age):
    assert ("leeftijd", age) in kinds(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Al 3 jaar mantelzorger.",
        "Ze waren 60 jaar getrouwd.",
        "Na 40 jaar in de zorg stopte zij.",
    ],
)
def test_durations_are_no_ages(sentence):
    assert "leeftijd" not in [kind for kind, _ in kinds(sentence)]


@pytest.mark.parametrize(
    "name",
    [
        "Huisartsenpraktijk De Linde",
        "Zorggroep Oost",
        "Thuiszorg Sensire",
        "Hospice De Wingerd",
        "Gezondheidscentrum Terborg",
    ],
)
def test_practices_and_care_organisations_are_found(name):
    assert ("instelling", name) in kinds(f"De zorg kwam van {name} uit de buurt.")


@pytest.mark.parametrize("code", ["CL-204817", "ZH4471902", "P2023-4411"])
def test_client_numbers_are_found(code):
    assert ("patientnummer", code) in kinds(f"Bekend onder {code} in het dossier.")


@pytest.mark.parametrize("place", ["Etten", "Herten", "Achtmaal", "Wernhout"])
def test_small_places_that_are_also_words_are_found(place):
    assert ("plaats", place) in kinds(f"Mevrouw woonde in {place} bij haar zus.")


def test_e_mail_and_web_addresses_are_found():
    assert kinds("Mail j.devries1965@gmail.com of kijk op www.hospice-dewingerd.nl.") == [
        ("email", "j.devries1965@gmail.com"),
        ("url", "www.hospice-dewingerd.nl"),
    ]


# --- the allowlist -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "De huisarts belde het CIZ, de SVB en het CAK.",
        "Het UWV en de GGD waren niet betrokken; de zorgverzekeraar betaalde.",
        "Mevrouw had de ziekte van Parkinson en later ook COPD.",
        "Meneer leed aan de ziekte van Alzheimer.",
        "In maart kwam de casemanager, in april de wijkverpleegkundige.",
        "Op maandag en donderdag kwam de thuiszorg.",
        "Patiënt tussen 75 en 85 jaar, dementie.",
        "Leeftijd: 80+, woont alleen.",
        "Ouder dan 85 en alleenstaand.",
        "De specialist ouderengeneeskunde en de geestelijk verzorger overlegden.",
        "Rond Pasen en met Kerst was de familie er.",
    ],
)
def test_harmless_words_are_not_flagged(sentence):
    assert detect(sentence) == []


# --- the shared deduce object ------------------------------------------------------------------


def test_the_deduce_object_is_built_once_even_when_threads_race(monkeypatch):
    built = []

    def slow_build(**kwargs):
        threading.Event().wait(0.2)
        built.append(object())
        return built[-1]

    monkeypatch.setattr(engine, "_deduce", None)
    monkeypatch.setattr(engine, "build", slow_build)
    results = []
    threads = [
        threading.Thread(target=lambda: results.append(engine.get_deduce())) for _ in range(5)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(built) == 1
    assert all(result is built[0] for result in results)


def _python(code):
    env = {"DEVELOPMENT": "1", "DJANGO_SETTINGS_MODULE": "proeftuin.settings", "PATH": "/usr/bin"}
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout


def test_setting_up_django_and_celery_does_not_load_deduce():
    out = _python(
        "import sys, django; django.setup(); import proeftuin.celery, proeftuin.urls, "
        "casussen.anonimisering; print('deduce' in sys.modules)"
    )
    assert out.strip() == "False"


def test_importing_deduce_leaves_logging_and_warnings_as_they_were():
    out = _python(
        "import logging, warnings, django; django.setup(); root = logging.getLogger();"
        "before = (root.level, list(root.handlers), list(warnings.filters));"
        "from casussen.anonimisering import engine; engine._import_deduce();"
        "after = (root.level, list(root.handlers), list(warnings.filters));"
        "print(before == after)"
    )
    assert out.strip() == "True"


def test_the_cache_command_builds_only_when_the_cache_is_missing(monkeypatch, capsys):
    from django.core.management import call_command

    calls = []
    monkeypatch.setattr(engine, "build_cache", lambda: calls.append(1))
    monkeypatch.setattr(engine, "cache_exists", lambda: True)
    call_command("anonimisering_cache")
    assert calls == []
    assert "present" in capsys.readouterr().out
    monkeypatch.setattr(engine, "cache_exists", lambda: False)
    call_command("anonimisering_cache")
    assert calls == [1]
    assert "Building the anonymisation lookup cache" in capsys.readouterr().out
