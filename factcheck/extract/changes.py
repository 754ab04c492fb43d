"""Movements: the direction a figure moves in, and from-to changes step by step.

    "fell 5%", "dropped by about 5%", "down 5 percent", "a 5% drop", "5% lower"
    ("up"/"down" alone only before money and percentages: "set up 3 firms" is no rise)
                                            -> direction "down", value 5 (never -5)
    "rose 3%", "gained $2 billion", "up 3%", "added 200,000 jobs", "a 3% rise",
    "will rise by 8.5 per cent", "raised rates by 25 basis points"
                                            -> direction "up"
    "rose from 2% to 3.5% and then to 5%"   -> one change: value 5, previous 2,
                                               steps (2, 3.5, 5), direction "up"
    "cut from $6bn to $4bn, then to $3bn"   -> value 3e9, previous 6e9, direction "down"
    not movements: "fell to 5%" (the level it reached), "up to 5%" (a hedge, read by
    :mod:`factcheck.extract.qualifiers`), "between 5% and 7%" and "5-7%" (ranges)

The extractors read the first step of a change ("from X to Y" after a verb of change:
:func:`factcheck.extract.numerals.change_start`); :func:`extend` adds the steps that
follow, and :func:`attach` the direction that words around a single figure state. A
sign ("-0.7%") is read by the percent extractor. Each mention looks at a bounded
window of text around it, so the pass is linear in the text.
"""

from __future__ import annotations

import dataclasses
import re

from factcheck.extract.lazy import lazy
from factcheck.extract.vocabulary import FALL_WORDS, RISE_WORDS
from factcheck.model import Direction, Mention
from factcheck.regexes import compiled

_MOVING_KINDS = frozenset({"money", "percent", "number"})
_LOOKBEHIND = 60  # characters: a movement verb, three words of its object, "by"

_BEFORE_RE = lazy(
    rf"\b(?:(?P<down>{'|'.join(FALL_WORDS.before)})|(?P<up>{'|'.join(RISE_WORDS.before)}))"
    r"(?:\s+by)?\s+$",
    re.IGNORECASE,
)
# "raised rates by 25 basis points", "cut its stake by 5%": a verb, its object, "by".
_MOVED_BY_RE = lazy(
    rf"\b(?:(?P<down>{'|'.join(FALL_WORDS.moving)})|(?P<up>{'|'.join(RISE_WORDS.moving)}))"
    r"(?:\s+[^\s.;:!?]+){0,3}\s+by\s+$",
    re.IGNORECASE,
)
# "down 5%", "up $2 billion": not before counts ("set up 3 firms", "took down 2 drones").
_ADVERB_BEFORE_RE = compiled(r"\b(?:(?P<down>down)|(?P<up>up))\s+$", re.IGNORECASE)
_ADVERB_KINDS = frozenset({"money", "percent"})
_AFTER_RE = compiled(
    rf"[\s-]+(?:(?P<down>{'|'.join(FALL_WORDS.after)})|(?P<up>{'|'.join(RISE_WORDS.after)}))\b",
    re.IGNORECASE,
)
# Every word the look-behind patterns above can end on, lower case (no IGNORECASE needed:
# the words are compared lower-cased).
_BEFORE_WORDS = frozenset(
    w.lower()
    for w in (*FALL_WORDS.before, *RISE_WORDS.before, *FALL_WORDS.moving, *RISE_WORDS.moving)
) | {"up", "down"}
_WORD_RE = compiled(r"[A-Za-z]+")
_STEP_GAP_RE = compiled(
    r",?\s+(?:and\s+)?(?:then\s+)?(?:further\s+)?to\s+|\s*(?:,|;)\s*then\s+to\s+",
    re.IGNORECASE,
)


def extend(text: str, mentions: list[Mention]) -> list[Mention]:
    """Each change followed by "and then to Z" (", then to Z"...) as one longer change."""
    out: list[Mention] = []
    for mention in mentions:
        last = out[-1] if out else None
        if (
            last is not None
            and last.detail == "change"
            and mention.kind == last.kind
            and mention.unit == last.unit
            and isinstance(mention.value, int | float)
            and not isinstance(mention.value, bool)
            and mention.detail is None
            and _STEP_GAP_RE.fullmatch(text, last.end, mention.start)
        ):
            out[-1] = _step(text, last, mention)
        else:
            out.append(mention)
    return out


def _step(text: str, change: Mention, step: Mention) -> Mention:
    value = step.value
    assert isinstance(value, int | float)
    previous = change.previous
    direction: Direction | None = None
    if isinstance(previous, int | float):
        direction = "up" if value > previous else "down" if value < previous else None
    return dataclasses.replace(
        change,
        end=step.end,
        text=text[change.start : step.end],
        value=value,
        steps=(*change.steps, value),
        direction=direction,
    )


def _may_move(text: str, start: int, end: int) -> bool:
    """Whether a movement word stands in ``text[start:end]`` before a space: a cheap
    test that spares the three searches below for most figures, which have none."""
    if end <= start or not text[end - 1].isspace():
        return False
    return not _BEFORE_WORDS.isdisjoint(w.lower() for w in _WORD_RE.findall(text, start, end))


def attach(text: str, mention: Mention) -> Mention:
    """``mention`` with the direction the words around it state ("fell 5%", "a 5% drop")."""
    if mention.kind not in _MOVING_KINDS or mention.direction is not None:
        return mention
    if mention.detail in ("range", "change", "unit") or mention.value is None:
        return mention
    window = max(0, mention.start - _LOOKBEHIND)
    found = None
    if _may_move(text, window, mention.start):
        found = _BEFORE_RE().search(text, window, mention.start)
        if found is None:
            found = _MOVED_BY_RE().search(text, window, mention.start)
        if found is None and mention.kind in _ADVERB_KINDS:
            found = _ADVERB_BEFORE_RE.search(text, window, mention.start)
    if found is None:
        found = _AFTER_RE.match(text, mention.end)
    if found is None:
        return mention
    return dataclasses.replace(mention, direction="down" if found.group("down") else "up")
