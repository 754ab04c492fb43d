"""Polarity of a boolean statement: is the cue asserted or negated?

    "Microsoft keeps an exclusive licence"             -> True
    "This change ends Microsoft's exclusive licence"   -> False  (ends)
    "Microsoft will no longer pay a revenue share"     -> False  (no longer)
    "the exclusive licence was removed"                -> False  (removed, after the cue)
    "it is not true that there is no cap"              -> True   (two negations)

Negators are looked for in the same clause, a few words before the cue, and
a few words after it for the passive forms ("was removed", "has ended"). The
words are :data:`~factcheck.extract.vocabulary.NEGATORS` and
:data:`~factcheck.extract.vocabulary.PASSIVE_NEGATORS`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from factcheck.extract.vocabulary import NEGATORS, PASSIVE_NEGATORS
from factcheck.text import CLAUSE_BREAKS, Token, fold, stem

LOOK_BEHIND = 5  # words
LOOK_AHEAD = 8  # words; only past participles count there ("was removed")

_NEGATOR_STEMS = frozenset(stem(w) for w in NEGATORS)
_CLAUSE_WORDS = frozenset({"but", "while", "whereas", "although", "though", "however"})


def asserted(tokens: list[Token], cue_start: int, cue_end: int) -> tuple[bool, int]:
    """Whether the cue between ``cue_start`` and ``cue_end`` is asserted (True) or
    negated (False), and where the statement starts (the first negator, if any).

    ``tokens`` are the sentence's, in order; only those near the cue are read
    (found by bisection), so a sentence with many cues costs linear time."""
    negations = 0
    start = cue_start
    before = bisect_right(tokens, cue_start, key=_end)
    after = bisect_left(tokens, cue_end, key=_start)
    words = 0
    for token in _backwards(tokens, before):
        if token.text in CLAUSE_BREAKS or fold(token.text) in _CLAUSE_WORDS:
            break
        if not token.is_word:
            continue
        words += 1
        if words > LOOK_BEHIND:
            break
        if _is_negator(token):
            negations += 1
            start = token.start
    words = 0
    for token in _forwards(tokens, after):
        if token.text in CLAUSE_BREAKS or fold(token.text) in _CLAUSE_WORDS | {"and", "or"}:
            break
        if not token.is_word:
            continue
        words += 1
        if words > LOOK_AHEAD:
            break
        if fold(token.text) in PASSIVE_NEGATORS:
            negations += 1
    return negations % 2 == 0, start


def _end(token: Token) -> int:
    return token.end


def _start(token: Token) -> int:
    return token.start


def _backwards(tokens: list[Token], stop: int) -> Iterable[Token]:
    return (tokens[i] for i in range(stop - 1, -1, -1))


def _forwards(tokens: list[Token], start: int) -> Iterable[Token]:
    return (tokens[i] for i in range(start, len(tokens)))


def _is_negator(token: Token) -> bool:
    text = fold(token.text)
    return token.stem in _NEGATOR_STEMS or text.endswith("n't")
