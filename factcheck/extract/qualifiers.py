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
    "up_to": ("up to", "as much as", "as many as", "at most", "no more than", "a maximum of"),
    "about": (
        "about", "around", "approximately", "approx.", "roughly", "nearly", "almost",
        "close to", "some", "an estimated", "circa", "~",
    ),
    "more_than": ("more than", "over", "above", "upwards of", "in excess of", "exceeding"),
    "at_least": ("at least", "no less than", "a minimum of", "no fewer than"),
    "less_than": ("less than", "under", "below", "fewer than", "just under"),
    "additional": ("an additional", "additional", "another", "a further", "an extra", "extra"),
}

# Longest phrase first so "no more than" is not read as "more than".
_ALTERNATIVES = sorted(
    ((phrase, qualifier) for qualifier, phrases in _PHRASES.items() for phrase in phrases),
    key=lambda pair: -len(pair[0]),
)
_BY_PHRASE = {phrase: qualifier for phrase, qualifier in _ALTERNATIVES}
_QUALIFIER_RE = re.compile(
    r"(?<![\w$])(" + "|".join(re.escape(p) for p, _ in _ALTERNATIVES) + r")\s+$",
    re.IGNORECASE,
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
        return mention
    phrase = " ".join(match.group(1).lower().split())
    qualifier = _BY_PHRASE[phrase]
    if mention.kind in ("date", "year") and qualifier not in ("about",):
        # "over 2025" or "another 2025" are not hedges of a date.
        return mention
    if phrase in _DURING and _DURATION_AFTER_RE.match(text, mention.end):
        # "over seven years" is a duration, not "more than seven".
        return mention
    start = window_start + match.start(1)
    return dataclasses.replace(
        mention, start=start, text=text[start : mention.end], qualifier=qualifier
    )
