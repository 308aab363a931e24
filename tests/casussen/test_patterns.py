"""The compiled token patterns find what deduce's own matcher finds
(casussen.anonimisering.patterns)."""

import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casussen.anonimisering import engine, patterns, tokens

from .anonimisering_testset import load


@contextlib.contextmanager
def deduces_own_annotators(deduce):
    """The shared Deduce object with its annotators switched back to deduce's classes."""
    originals = {fast: original for original, fast in patterns._FAST.items()}
    switched = [p for p in patterns._processors(deduce.processors) if type(p) in originals]
    for processor in switched:
        processor.__class__ = originals[type(processor)]
    try:
        yield
    finally:
        for processor in switched:
            processor.__class__ = patterns._FAST[type(processor)]


def annotations(deduce, text):
    document = deduce.deidentify(text, disabled={"redactor"})
    found = sorted((a.start_char, a.end_char, a.tag, a.text) for a in document.annotations)
    tokens.release(document)
    return found


@pytest.fixture(scope="module")
def deduce():
    return engine.get_deduce()


def assert_same_annotations(deduce, text):
    fast = annotations(deduce, text)
    with deduces_own_annotators(deduce):
        original = annotations(deduce, text)
    assert fast == original


def test_the_built_deduce_uses_the_compiled_patterns(deduce):
    kinds = {type(p) for p in patterns._processors(deduce.processors)}
    assert set(patterns._FAST.values()) <= kinds
    assert not set(patterns._FAST) & kinds
    assert patterns.speed_up(deduce) == 0, "already switched: nothing left to switch"


def test_the_compiled_patterns_annotate_the_test_set_as_deduce_does(deduce):
    for paragraph in load():
        assert_same_annotations(deduce, paragraph.text)
    assert_same_annotations(deduce, "\n\n".join(p.text for p in load()))


NAMES = [
    "Jan", "J.", "J.P.", "van", "de", "der", "Berg", "Jansen", "mevrouw", "dhr.", "Dr.",
    "Willem-Alexander", "Ulft", "Doetinchem", "Slingeland", "ziekenhuis", "Parkinson",
    "huisarts", "patiënt", "Pietje", "Bakker", "-", ".", ",", "en", "zoon",
]  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(NAMES), max_size=25))
def test_the_compiled_patterns_annotate_names_as_deduce_does(deduce, words):
    assert_same_annotations(deduce, " ".join(words))


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("aJvVdB1 -.,'\n(/)@ë"), max_size=60))
def test_the_compiled_patterns_annotate_any_text_as_deduce_does(deduce, text):
    assert_same_annotations(deduce, text)


def test_a_pattern_position_means_what_it_means_to_deduce():
    from deduce.annotator import _PatternPositionMatcher
    from docdeid import Token

    ds = {"namen": {"Jan", "Piet"}}
    positions = [
        {"equal": "van"}, {"re_match": r"[A-Z]\.?$"}, {"is_initials": True},
        {"is_initials": False}, {"like_name": True}, {"like_name": False},
        {"lookup": "namen"}, {"neg_lookup": "namen"},
        {"and": [{"like_name": True}, {"neg_lookup": "namen"}]},
        {"or": [{"equal": "van"}, {"lookup": "namen"}]},
    ]  # fmt: skip
    words = ["van", "J", "J.", "JPV", "Jan", "Piet", "Berg", "berg", "A1b", "JANSEN", "Ab", "."]
    for position in positions:
        predicate = patterns._predicate(position, ds)
        for word in words:
            token = Token(word, 0, len(word))
            expected = _PatternPositionMatcher.match(pattern_position=position, token=token, ds=ds)
            assert predicate(token) == expected, (position, word)
    with pytest.raises(ValueError):
        patterns._predicate({"equal": "a", "like_name": True}, ds)
    with pytest.raises(NotImplementedError):
        patterns._predicate({"sounds_like": "a"}, ds)


def test_a_sequence_matches_as_deduces_in_both_directions(deduce):
    from deduce.annotator import TokenPatternAnnotator

    text = "Zij belde met Jan van der Berg - Jansen . Piet"
    document = deduce.deidentify(text, disabled={"redactor"})
    token_list = document.get_tokens()
    sequences = [
        [{"like_name": True}],
        [{"like_name": True}, {"equal": "van"}, {"equal": "der"}],
        [{"equal": "der"}, {"equal": "van"}, {"like_name": True}],
        [{"like_name": True}, {"like_name": True}],
        [{"equal": "Jansen"}, {"equal": "Piet"}],
    ]
    original = TokenPatternAnnotator(pattern=[], tag="t")
    fast = TokenPatternAnnotator(pattern=[], tag="t")
    fast.__class__ = patterns.FastTokenPatternAnnotator
    found = 0
    for pattern in sequences:
        for direction in ("right", "left"):
            for skip in (None, {"-", "."}):
                for token in token_list:
                    args = (document.text, pattern, token, direction, skip)
                    expected = original._match_sequence(*args)
                    assert fast._match_sequence(*args) == expected, (pattern, direction, token)
                    if expected is not None:
                        found += 1
                        assert fast._match_sequence(*args).start_token is expected.start_token
    assert found > 10
    tokens.release(document)
