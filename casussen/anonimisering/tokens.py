"""deduce's tokenizer, the same tokens built for less: the largest single cost of a check.

deduce splits a text with one regular expression and makes a docdeid ``Token`` of every match, a
frozen dataclass whose generated ``__init__`` sets each of its five fields through
``object.__setattr__`` and then checks the span; ``TokenList`` then links the tokens through a
method call per link. On an 800-word casus that was ~3.5 ms of deduce's ~21 ms (bench/README.md).
Here the same objects are made by filling their ``__dict__`` directly (the span check holds by
construction: a token is its match), and the list is linked the same way.

The result is the same: the same ``Token`` class, equal tokens in the same order, the same links,
and deduce's own merging of multi-word terms (``tests/casussen/test_tokens.py`` compares both
tokenizers on the test set and on generated text). ``speed_up(deduce)`` switches a built Deduce
object's tokenizer over in place, so that every annotator holding it uses the fast path too.
"""

from deduce.tokenizer import DeduceTokenizer
from docdeid.tokenizer import Token, TokenList


class FastDeduceTokenizer(DeduceTokenizer):
    """``DeduceTokenizer`` with the same state and output, and cheaper token construction."""

    def _split_text(self, text: str) -> list[Token]:
        new = object.__new__
        tokens = []
        append = tokens.append
        for match in self._pattern.finditer(text):
            token = new(Token)
            start, end = match.span()
            # The fields the dataclass __init__ would set; the links default to the class's None.
            token.__dict__.update(text=match.group(), start_char=start, end_char=end)
            append(token)
        if self._trie is not None:
            tokens = self._merge(text, tokens)
        return tokens

    def tokenize(self, text: str) -> TokenList:
        tokens = self._split_text(text)
        token_list = TokenList(tokens, link_tokens=False)
        if self.link_tokens:
            previous = None
            for token in tokens:
                if previous is not None:
                    previous.__dict__["_next_token"] = token
                    token.__dict__["_previous_token"] = previous
                previous = token
        return token_list


def release(document) -> None:
    """Unlink a checked document's tokens, so that it is freed as soon as it is dropped.

    Linked tokens form reference cycles, which only the cyclic garbage collector frees: the tokens
    of a check outlive it until a generation-1 collection, which then has thousands of them to
    walk (measured: ~4 ms every third 800-word check). Without the links, reference counting
    frees them at once.
    """
    for token in document.get_tokens():
        token.__dict__.pop("_previous_token", None)
        token.__dict__.pop("_next_token", None)


def speed_up(deduce) -> None:
    """Switch the tokenizer of a built Deduce object to the fast one (same state, same tokens)."""
    tokenizer = deduce.tokenizers["default"]
    if type(tokenizer) is DeduceTokenizer:
        tokenizer.__class__ = FastDeduceTokenizer
