"""Hedges and qualifiers kept with a value, and ranges written as two opposite bounds.

    "up to $50 billion", "at most 100", "<= 30"     -> up_to
    "about 20%", "roughly 3,000"                    -> about
    "more than $1 trillion", "exceeds 3000", ">10"  -> more_than
    "at least 12", "30 or more", "200 or greater"   -> at_least
    "less than half", "under 5%", "below 170"       -> less_than
    "an additional $100 billion"                    -> additional
    "greater than or equal to 50", "equal to or less than 30", "bigger or equal than 7",
    "less than 5000 or equal", "about 500 or more"  -> at_least / up_to (the end is closed)
    not hedges: "over seven years" (a duration; but "over thirty years old" is an age)

The qualifier words become part of the mention's span, so evidence and lint
underlines show "up to $50 billion", and binding distance is measured from the
hedge rather than from the number. A trailing bound wins over a leading
"about": "about 500 or more" is at least 500. The phrases are
:data:`~factcheck.extract.vocabulary.HEDGES` and
:data:`~factcheck.extract.vocabulary.TRAILING_HEDGES`.

:func:`two_sided` reads two opposite bounds joined by "and", "but" or a comma
as one range ("more than 100 and less than 300", "at most 100 and at least
20", "higher than the tenth but lower than the fifteenth"); the extractors
emit it as one :class:`~factcheck.model.NumberRange` mention whose ends are
open or closed as the bounds say.
"""

from __future__ import annotations

import dataclasses
import re
from typing import NamedTuple

from factcheck.extract.lazy import lazy
from factcheck.extract.numerals_spelled import NUMBER_WORDS
from factcheck.extract.vocabulary import HEDGES, TRAILING_HEDGES
from factcheck.model import Mention, Qualifier
from factcheck.regexes import compiled

# Longest phrase first so "no more than" is not read as "more than".
_ALTERNATIVES = sorted(
    ((phrase, qualifier) for qualifier, phrases in HEDGES.items() for phrase in phrases),
    key=lambda pair: -len(pair[0]),
)
_BY_PHRASE = {phrase: qualifier for phrase, qualifier in _ALTERNATIVES}
# Words need a space before the figure ("over 5", not "over5"); symbols need none (">5")
# and may follow a letter ("x>10"), but not another comparison sign ("<>30", "=>30").
_WORDS = "|".join(re.escape(p) for p, _ in _ALTERNATIVES if p[-1].isalpha() or p[-1] == ".")
_SYMBOLS = "|".join(re.escape(p) for p, _ in _ALTERNATIVES if not (p[-1].isalpha() or p[-1] == "."))
_QUALIFIER_RE = lazy(
    rf"(?:(?<![\w$<>=])({_WORDS})\s+|(?<![$<>=])({_SYMBOLS})\s*)$",
    re.IGNORECASE,
)
# Before an ordinal the article may stand between hedge and figure: "lower than the fifteenth".
_ORDINAL_QUALIFIER_RE = lazy(
    rf"(?<![\w$<>=])({_WORDS})\s+the\s+$",
    re.IGNORECASE,
)
_LOOKBEHIND = 40  # characters; longer than the longest phrase plus spaces (and "the")
# What an ASCII text before a hedged figure must end with (spaces aside) for the
# patterns above to match: a hedge phrase, or "the" before an ordinal.
_ENDINGS = tuple(sorted({p.lower() for p, _ in _ALTERNATIVES}))
_LONGEST = max(len(p) for p, _ in _ALTERNATIVES)
# The only characters a case-insensitive pattern takes for ASCII letters ("ſ" for "s",
# "ı" and "İ" for "i", "K" for "k"); "İ" is also the only one lower() lengthens.
_CASE_FOLDING_ODDITIES = frozenset("\u017f\u0131\u0130\u212a")

# Hedges written after the figure: "30 or more", "5 or fewer", "$2 billion and up",
# "200 or greater (than)". "and more" only before a clause end or a preposition, so
# "500 and more will come" stays a plain 500.
_TRAILING_RE = compiled(
    r"\s+("
    + "|".join(re.escape(p) for p in sorted(TRAILING_HEDGES, key=len, reverse=True))
    + r")(?![\w-])(?P<than>\s+than\b)?",
    re.IGNORECASE,
)
_AND_MORE_END_RE = compiled(r"\s*(?:[^\w\s]|$)|\s+(?:in|of|for|at|on|per|among)\b", re.IGNORECASE)
# "less than 5000 or equal", "more than 5000 or equal to": the open end becomes closed.
_OR_EQUAL_RE = compiled(r"\s+or\s+equal(?:\s+to)?(?![\w-])", re.IGNORECASE)
_CLOSED: dict[Qualifier, Qualifier] = {"more_than": "at_least", "less_than": "up_to"}
_NEXT_RE = compiled(r"\s*(?:[-+\u2212]?\.?\d|(?P<word>[^\W\d_]+))")

_DURING = frozenset({"over", "under"})
_DURATION_AFTER_RE = compiled(
    r"[\s-]*(?:years?|months?|weeks?|days?|decades?|quarters?|hours?|centuries)\b"
    r"(?![\s-]*old\b)",  # "over thirty years old" is an age
    re.IGNORECASE,
)

# Kinds that take hedges; names, booleans and choices do not.
_HEDGED_KINDS = frozenset({"money", "percent", "number", "duration", "year", "date"})

# qualifier -> (lower bound, closed end)
_BOUNDS: dict[Qualifier, tuple[bool, bool]] = {
    "more_than": (True, False),
    "at_least": (True, True),
    "less_than": (False, False),
    "up_to": (False, True),
}
_BOUND_GAP_RE = compiled(r"\s*,\s*(?:(?:and|but)\s+)?|\s+(?:and|but)\s+", re.IGNORECASE)


class _Hedge(NamedTuple):
    start: int
    qualifier: Qualifier
    phrase: str


def _leading(text: str, start: int, ordinal: bool = False) -> _Hedge | None:
    """The hedge written just before a figure that starts at ``start``."""
    window_start = max(0, start - _LOOKBEHIND)
    # A cheap test first, as most figures have no hedge: a hedge ends the text before
    # the figure (spaces aside), and matches case-insensitively as lower() would.
    tail = text[window_start:start].rstrip()[-_LONGEST:]
    if tail.isascii() or _CASE_FOLDING_ODDITIES.isdisjoint(tail):
        tail = tail.lower()
        if not tail.endswith(_ENDINGS) and not (ordinal and tail.endswith("the")):
            return None
    match = _QUALIFIER_RE().search(text, window_start, start)
    group = 0
    if match is not None:
        group = 1 if match.group(1) else 2
    elif ordinal:
        match = _ORDINAL_QUALIFIER_RE().search(text, window_start, start)
        group = 1
    if match is None:
        return None
    phrase = " ".join(match.group(group).lower().split())
    qualifier = _BY_PHRASE.get(phrase)
    if qualifier is None:  # a case-insensitive match through a look-alike letter ("ſome")
        return None
    return _Hedge(match.start(group), qualifier, phrase)


def attach(text: str, mention: Mention) -> Mention:
    """Return ``mention`` with its qualifier and span extended over the hedge words."""
    if mention.kind not in _HEDGED_KINDS or mention.qualifier is not None:
        return mention
    hedge = _leading(text, mention.start)
    if hedge is not None and mention.kind in ("date", "year") and hedge.qualifier != "about":
        return mention  # "over 2025" or "another 2025" are not hedges of a date
    if (
        hedge is not None
        and hedge.phrase in _DURING
        and (mention.kind == "duration" or _DURATION_AFTER_RE.match(text, mention.end))
    ):
        return mention  # "over seven years" is a duration, not "more than seven"
    if hedge is None or hedge.qualifier == "about":
        trailing = _trailing(text, mention)
        if trailing is not None:
            start = hedge.start if hedge is not None else mention.start
            end, qualifier = trailing
            return dataclasses.replace(
                mention, start=start, end=end, text=text[start:end], qualifier=qualifier
            )
    if hedge is None:
        return mention
    end, qualifier = mention.end, hedge.qualifier
    if qualifier in _CLOSED and isinstance(mention.value, int | float):
        equal = _OR_EQUAL_RE.match(text, mention.end)
        if equal is not None and not _numeral_at(text, equal.end()):
            end, qualifier = equal.end(), _CLOSED[qualifier]
    return dataclasses.replace(
        mention, start=hedge.start, end=end, text=text[hedge.start : end], qualifier=qualifier
    )


def _trailing(text: str, mention: Mention) -> tuple[int, Qualifier] | None:
    """(new end, qualifier) for a hedge written after the figure, if any."""
    if mention.kind in ("date", "year"):
        return None
    match = _TRAILING_RE.match(text, mention.end)
    if match is None:
        return None
    phrase = " ".join(match.group(1).lower().split())
    if match.group("than") and _numeral_at(text, match.end()):
        return None  # "200 or greater than 190": the bound belongs to 190
    if phrase == "and more" and not _AND_MORE_END_RE.match(text, match.end()):
        return None
    qualifier = TRAILING_HEDGES.get(phrase)
    return None if qualifier is None else (match.end(), qualifier)


def _numeral_at(text: str, pos: int) -> bool:
    """Whether a figure follows ``pos`` (after spaces): digits or a number word."""
    match = _NEXT_RE.match(text, pos)
    if match is None:
        return False
    word = match.group("word")
    return word is None or word.lower() in NUMBER_WORDS


class TwoSided(NamedTuple):
    """Two opposite bounds read as one range: where it starts, which figure is low."""

    start: int
    first_is_low: bool
    low_closed: bool
    high_closed: bool


def two_sided(
    text: str, first_start: int, first_end: int, second_start: int, ordinal: bool = False
) -> TwoSided | None:
    """ "more than 100 and less than 300", "at most 100 and at least 20", or None.

    ``first_*`` and ``second_start`` locate the two figures (hedges not included).
    The caller checks that the lower bound is below the upper one: "more than
    40 and less than 10" are two ranges.
    """
    first = _leading(text, first_start, ordinal)
    second = _leading(text, second_start, ordinal)
    if (
        first is None
        or second is None
        or first.qualifier not in _BOUNDS
        or second.qualifier not in _BOUNDS
        or _BOUND_GAP_RE.fullmatch(text, first_end, second.start) is None
    ):
        return None
    first_lower, first_closed = _BOUNDS[first.qualifier]
    second_lower, second_closed = _BOUNDS[second.qualifier]
    if first_lower == second_lower:
        return None
    if first_lower:
        return TwoSided(first.start, True, first_closed, second_closed)
    return TwoSided(first.start, False, second_closed, first_closed)
