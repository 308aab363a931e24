"""deduce's token patterns, matched by compiled predicates instead of an interpreter.

deduce's ``TokenPatternAnnotator`` (initials, prefixes, interfixes, name lookups) and
``ContextAnnotator`` (extending a name to its neighbours) match each token against a pattern
position, a one-key dict such as ``{"like_name": True}``, by calling
``_PatternPositionMatcher.match(pattern_position=…, token=…, ds=…)``: a classmethod with keyword
arguments that looks the key up through a chain of ``if``s on every call. The annotators without a
start-word lookup try their first position on every token of the text, so on an 800-word casus
that is ~1,500 calls per annotator and the largest part of deduce's time after the tokenizer
(bench/README.md).

Here each pattern is compiled once, on first use, into one predicate per position (a closure with
the lookup set or the regular expression already resolved); the annotators then walk the tokens
exactly as deduce does and build the same annotations. ``speed_up(deduce)`` switches a built
Deduce object's annotators over in place. ``tests/casussen/test_patterns.py`` compares both on the
test set and generated text.
"""

import re

from deduce.annotator import ContextAnnotator, TokenPatternAnnotator
from docdeid import Annotation
from docdeid.process import DocProcessorGroup, MultiTokenLookupAnnotator

_LINK = {"right": "_next_token", "left": "_previous_token"}


def _predicate(position, ds):  # noqa: C901, PLR0911 - one branch per kind, as in deduce
    """A function ``token -> bool`` with the meaning deduce's matcher gives ``position``."""
    if len(position) > 1:
        raise ValueError(f"Cannot parse token pattern ({position}) with more than 1 key")
    func, value = next(iter(position.items()))
    if func == "equal":
        return lambda token: token.text == value
    if func == "re_match":
        match = re.compile(value).match
        return lambda token: match(token.text) is not None
    if func == "is_initials":
        return lambda token: (len(token.text) <= 4 and token.text.isupper()) == value
    if func == "like_name":

        def like_name(token):
            text = token.text
            is_name = len(text) >= 3 and text.istitle() and not any(ch.isdigit() for ch in text)
            return is_name == value

        return like_name
    if func == "lookup":
        lookup = ds[value]
        return lambda token: token.text in lookup
    if func == "neg_lookup":
        lookup = ds[value]
        return lambda token: token.text not in lookup
    if func == "and":
        parts = [_predicate(x, ds) for x in value]
        return lambda token: all(part(token) for part in parts)
    if func == "or":
        parts = [_predicate(x, ds) for x in value]
        return lambda token: any(part(token) for part in parts)
    raise NotImplementedError(f"No known logic for pattern {func}")


def _annotation(annotator, text, start_token, end_token):
    """The annotation deduce and docdeid make of the tokens ``start_token`` to ``end_token``."""
    return Annotation(
        text=text[start_token.start_char : end_token.end_char],
        start_char=start_token.start_char,
        end_char=end_token.end_char,
        tag=annotator.tag,
        priority=annotator.priority,
        start_token=start_token,
        end_token=end_token,
    )


def _chained(token, link, skip):
    """deduce's ``_get_chained_token``: the neighbour on the ``link`` side, past ``skip``."""
    while True:
        token = token.__dict__.get(link)
        if token is None or token.text not in skip:
            return token


class FastTokenPatternAnnotator(TokenPatternAnnotator):
    """deduce's pattern annotator on compiled patterns (cached per pattern object)."""

    __slots__ = ()  # the same object layout as deduce's class, so that __class__ can switch

    def _compiled(self, pattern):
        cache = self.__dict__.setdefault("_compiled_patterns", {})
        entry = cache.get(id(pattern))
        if entry is None or entry[0] is not pattern:
            entry = cache[id(pattern)] = (pattern, [_predicate(p, self.ds) for p in pattern])
        return entry[1]

    def _match_sequence(self, text, pattern, start_token, direction="right", skip=None):
        skip = skip or set()
        predicates = self._compiled(pattern)
        link = _LINK[direction]
        if direction == "left":
            predicates = predicates[::-1]
        current_token = end_token = start_token
        for predicate in predicates:
            if current_token is None or not predicate(current_token):
                return None
            end_token = current_token
            current_token = _chained(current_token, link, skip)
        if direction == "left":
            start_token, end_token = end_token, start_token
        return _annotation(self, text, start_token, end_token)

    def annotate(self, doc):
        tokens = doc.get_tokens()
        if self._start_words is not None:
            tokens = tokens.token_lookup(
                lookup_values=self._start_words, matching_pipeline=self._matching_pipeline
            )
        # The first position decides for most tokens: tried here, before the full match.
        first = self._compiled(self.pattern)[0] if self.pattern else None
        annotations = []
        for token in tokens:
            if first is not None and not first(token):
                continue
            annotation = self._match_sequence(
                doc.text, self.pattern, token, direction="right", skip=self.skip
            )
            if annotation is not None:
                annotations.append(annotation)
        return annotations


class FastContextAnnotator(ContextAnnotator):
    """deduce's context annotator (a pattern annotator) on the same compiled patterns."""

    __slots__ = ()
    _compiled = FastTokenPatternAnnotator._compiled
    _match_sequence = FastTokenPatternAnnotator._match_sequence


class FastMultiTokenLookupAnnotator(MultiTokenLookupAnnotator):
    """docdeid's lookup annotator, with the token texts of a document listed once for all."""

    __slots__ = ()

    def annotate(self, doc):
        tokens = doc.get_tokens()
        start_tokens = sorted(
            tokens.token_lookup(self._start_words, matching_pipeline=self._matching_pipeline),
            key=lambda token: token.start_char,
        )
        if not start_tokens:
            return []
        tokens_text = tokens.__dict__.get("_texts")
        if tokens_text is None:
            tokens_text = tokens.__dict__["_texts"] = [token.text for token in tokens]
        annotations = []
        min_i = 0
        for i in [tokens.token_index(token) for token in start_tokens]:
            if i < min_i:
                continue
            prefix = self._trie.longest_matching_prefix(tokens_text, start_i=i)
            if prefix is None:
                continue
            annotations.append(_annotation(self, doc.text, tokens[i], tokens[i + len(prefix) - 1]))
            if not self.overlapping:
                min_i = i + len(prefix)
        return annotations


_FAST = {
    TokenPatternAnnotator: FastTokenPatternAnnotator,
    ContextAnnotator: FastContextAnnotator,
    MultiTokenLookupAnnotator: FastMultiTokenLookupAnnotator,
}


def _processors(group):
    for name in group.get_names(recursive=False):
        processor = group[name]
        if isinstance(processor, DocProcessorGroup):
            yield from _processors(processor)
        else:
            yield processor


def speed_up(deduce) -> int:
    """Switch a built Deduce object's pattern and lookup annotators to the fast ones (same
    state); returns how many were switched."""
    switched = 0
    for processor in _processors(deduce.processors):
        fast = _FAST.get(type(processor))
        if fast is not None:
            processor.__class__ = fast
            switched += 1
    return switched
