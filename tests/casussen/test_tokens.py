"""The fast tokenizer makes deduce's tokens, a checked document is freed at once, and deduce's
objects are out of the garbage collector's reach (casussen.anonimisering.tokens, engine)."""

import copy
import gc
import weakref

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casussen.anonimisering import detect, engine

from .anonimisering_testset import load


@pytest.fixture(scope="module")
def tokenizers():
    """deduce's own tokenizer and the fast one, with the same state (merge terms included)."""
    from deduce.tokenizer import DeduceTokenizer

    from casussen.anonimisering.tokens import FastDeduceTokenizer

    fast = engine.get_deduce().tokenizers["default"]
    assert type(fast) is FastDeduceTokenizer
    original = copy.copy(fast)
    original.__class__ = DeduceTokenizer
    return original, fast


def tokens_of(tokenizer, text):
    tokens = tokenizer.tokenize(text)
    return [
        (
            t.text,
            t.start_char,
            t.end_char,
            t.previous() and t.previous().start_char,
            t.next() and t.next().start_char,
        )
        for t in tokens
    ]


def assert_same_tokens(tokenizers, text):
    original, fast = tokenizers
    assert tokens_of(fast, text) == tokens_of(original, text)
    assert list(fast.tokenize(text)) == list(original.tokenize(text))


def test_the_fast_tokenizer_makes_deduces_tokens_on_the_test_set(tokenizers):
    for paragraph in load():
        assert_same_tokens(tokenizers, paragraph.text)
    assert_same_tokens(tokenizers, "\n\n".join(p.text for p in load()))


def test_the_fast_tokenizer_merges_deduces_multi_word_terms(tokenizers):
    original, fast = tokenizers
    assert original._start_words, "deduce has merge terms"
    # Every merge term's first word, followed by text that may or may not complete the term.
    text = " ".join(f"{word} van der Berg" for word in sorted(original._start_words))
    assert_same_tokens(tokenizers, text)
    assert any(" " in t.text for t in fast.tokenize("Mevrouw van der Berg"))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZé1 -.,'\n\t(/)@ë"), max_size=80))
def test_the_fast_tokenizer_makes_deduces_tokens_on_any_text(tokenizers, text):
    assert_same_tokens(tokenizers, text)


def test_a_checked_document_is_freed_without_the_garbage_collector():
    from casussen.anonimisering import tokens

    deduce = engine.get_deduce()
    document = deduce.deidentify("Mevrouw Jansen woont in Ulft, bel 0315-123456.")
    first = weakref.ref(document.get_tokens()[0])
    tokens.release(document)
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        del document
        assert first() is None, "the tokens are still held by a reference cycle"
    finally:
        if was_enabled:
            gc.enable()


def test_a_check_leaves_no_cycles_for_the_garbage_collector():
    text = " ".join(p.text for p in load()[:5])
    detect(text)
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        detect(text)
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()


def test_deduces_objects_are_in_the_permanent_generation():
    engine.get_deduce()
    # Millions of lookup objects: a full collection over them took ~4 s.
    assert gc.get_freeze_count() > 1_000_000
