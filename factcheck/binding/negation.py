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

from factcheck.extract.vocabulary import NEGATORS, PASSIVE_NEGATORS
from factcheck.text import CLAUSE_BREAKS, Token, fold, stem

LOOK_BEHIND = 5  # words
LOOK_AHEAD = 8  # words; only past participles count there ("was removed")

_NEGATOR_STEMS = frozenset(stem(w) for w in NEGATORS)
_CLAUSE_WORDS = frozenset({"but", "while", "whereas", "although", "though", "however"})


def asserted(tokens: list[Token], cue_start: int, cue_end: int) -> tuple[bool, int]:
    """Whether the cue between ``cue_start`` and ``cue_end`` is asserted (True) or
    negated (False), and where the statement starts (the first negator, if any)."""
    negations = 0
    start = cue_start
    before = [t for t in tokens if t.end <= cue_start]
    words = 0
    for token in reversed(before):
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
    for token in (t for t in tokens if t.start >= cue_end):
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


def _is_negator(token: Token) -> bool:
    text = fold(token.text)
    return token.stem in _NEGATOR_STEMS or text.endswith("n't")
