"""Hedges and qualifiers kept with a value.

    "up to $50 billion"          -> up_to
    "about 20%", "roughly 3,000" -> about
    "more than $1 trillion"      -> more_than
    "at least 12"                -> at_least
    "less than half", "under 5%" -> less_than
    "an additional $100 billion" -> additional

The qualifier words become part of the mention's span, so evidence and lint
underlines show "up to $50 billion", and binding distance is measured from the
hedge rather than from the number.
"""

from __future__ import annotations

import dataclasses
import re

from factcheck.model import Mention, Qualifier

_PHRASES: dict[Qualifier, tuple[str, ...]] = {
    "up_to": ("up to", "as much as", "as many as", "at most", "no more than", "a maximum of",
              "<=", "≤"),
    "about": (
        "about", "around", "approximately", "approx.", "roughly", "nearly", "almost",
        "close to", "some", "an estimated", "circa", "~",
    ),
    "more_than": ("more than", "over", "above", "upwards of", "in excess of", "exceeding",
                  "greater than", "larger than", "bigger than", "higher than", "north of", ">"),
    "at_least": ("at least", "no less than", "a minimum of", "no fewer than", ">=", "≥"),
    "less_than": ("less than", "under", "below", "fewer than", "just under", "smaller than",
                  "lower than", "south of", "<"),
    "additional": ("an additional", "additional", "another", "a further", "an extra", "extra"),
}

# Longest phrase first so "no more than" is not read as "more than".
_ALTERNATIVES = sorted(
    ((phrase, qualifier) for qualifier, phrases in _PHRASES.items() for phrase in phrases),
    key=lambda pair: -len(pair[0]),
)
_BY_PHRASE = {phrase: qualifier for phrase, qualifier in _ALTERNATIVES}
# Words need a space before the figure ("over 5", not "over5"); symbols need none (">5").
_WORDS = "|".join(re.escape(p) for p, _ in _ALTERNATIVES if p[-1].isalpha() or p[-1] == ".")
_SYMBOLS = "|".join(re.escape(p) for p, _ in _ALTERNATIVES if not (p[-1].isalpha() or p[-1] == "."))
_QUALIFIER_RE = re.compile(
    rf"(?<![\w$<>=])(?:({_WORDS})\s+|({_SYMBOLS})\s*)$", re.IGNORECASE,
)
# Hedges written after the figure: "30 or more", "5 or fewer", "$2 billion and up".
_TRAILING: dict[str, Qualifier] = {
    "or more": "at_least", "or above": "at_least", "and above": "at_least",
    "and up": "at_least", "or higher": "at_least", "plus": "at_least",
    "or less": "up_to", "or fewer": "up_to", "or below": "up_to", "or lower": "up_to",
}
_TRAILING_RE = re.compile(
    r"\s+(" + "|".join(re.escape(p) for p in sorted(_TRAILING, key=len, reverse=True))
    + r")(?![\w-])", re.IGNORECASE,
)
_LOOKBEHIND = 24  # characters; longer than the longest phrase plus spaces

_DURING = frozenset({"over", "under"})
_DURATION_AFTER_RE = re.compile(
    r"[\s-]*(?:years?|months?|weeks?|days?|decades?|quarters?|hours?|centuries)\b", re.IGNORECASE)

# Kinds that take hedges; names, booleans and choices do not.
_HEDGED_KINDS = frozenset({"money", "percent", "number", "year", "date"})


def attach(text: str, mention: Mention) -> Mention:
    """Return ``mention`` with its qualifier and span extended over the hedge words."""
    if mention.kind not in _HEDGED_KINDS or mention.qualifier is not None:
        return mention
    window_start = max(0, mention.start - _LOOKBEHIND)
    match = _QUALIFIER_RE.search(text[window_start : mention.start])
    if match is None:
        return _attach_trailing(text, mention)
    group = 1 if match.group(1) else 2
    phrase = " ".join(match.group(group).lower().split())
    qualifier = _BY_PHRASE[phrase]
    if mention.kind in ("date", "year") and qualifier not in ("about",):
        # "over 2025" or "another 2025" are not hedges of a date.
        return mention
    if phrase in _DURING and _DURATION_AFTER_RE.match(text, mention.end):
        # "over seven years" is a duration, not "more than seven".
        return mention
    start = window_start + match.start(group)
    return dataclasses.replace(
        mention, start=start, text=text[start : mention.end], qualifier=qualifier
    )


def _attach_trailing(text: str, mention: Mention) -> Mention:
    if mention.kind in ("date", "year"):
        return mention
    match = _TRAILING_RE.match(text, mention.end)
    if match is None:
        return mention
    qualifier = _TRAILING[" ".join(match.group(1).lower().split())]
    return dataclasses.replace(
        mention, end=match.end(), text=text[mention.start : match.end()], qualifier=qualifier
    )
