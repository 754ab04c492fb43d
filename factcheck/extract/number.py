"""Plain numbers: kind ``"number"``; cardinals, ordinals and two-ended ranges.

    "38", "1,234.5", ".5", "3 million", "10k", "twenty-three", "a dozen" -> 38 ... 12
    "the second in six months"  -> 2 (detail "ordinal") and 6
    "3rd", "twenty-first"       -> 3, 21 (detail "ordinal")
    "two thirds", "half", "3/4" -> 0.667, 0.5, 0.75 (detail "fraction")
    "10 to 20", "10-20", "between 10 and 20", "from 5 to 7", "5 to 7 million",
    "between negative ten and fifteen", "between the tenth and the fifteenth"
                                -> NumberRange(10, 20) ... NumberRange(10, 15), detail "range"
    "more than 100 and less than 300", "at most 100 and at least 20"
                                -> NumberRange(100, 300, low_closed=False, high_closed=False),
                                   NumberRange(20, 100), detail "range"
    "1.2m chips" -> 1200000 (but "the 100m sprint", "5mm" are lengths: no number)
    not numbers: "17:20 UTC", "05:05 PM", "GPT4", "B2B", "180ml", "a billion-dollar deal",
    "the one you mentioned", "no one", "one another", "one that...", "one of the biggest",
    "one thing is clear", "one-time", "zero-sum", "per second",
    numbers before a percent sign or word ("20%", "MSFT +0.18%": the percent extractor's)

Range convention: a connector range ("10 to 20", "between 20 and 30", "1000-5000")
is closed, both ends as written: that is how an editor reads it (Recognizers-Text
writes the half-open "[20,30)"). Opposite bounds joined by "and", "but" or a comma
(:func:`factcheck.extract.qualifiers.two_sided`) give a range whose ends are open
or closed as the bounds say, when the lower bound is below the upper one ("more than
40 and less than 10" stays two figures). A single hedged figure ("more than 30", "up
to 700") comes out as the plain number; :mod:`factcheck.extract.qualifiers` attaches
the hedge. A plain number is a point, never a range: "equal to 20" is 20.
Spelled numbers carry detail "spelled".

Also read: "3.2x earnings" -> 3.2 (detail "times"), "a 2:1 split" -> 2.0 (detail
"ratio"; "9:30" is a time). Not read as counts: an adjective right after a count
("2.9 million nine-litre cases" is 2.9 million, not 2900009 and not 9), "the half"
and "half-time" (a period of play, not 0.5), and numbers that name a thing
(:mod:`factcheck.extract.numerals`: "S&P 500", "iPhone 15", "Game 6", house numbers,
times of day, listings, phone numbers).

Vague quantities give no value, never a wrong exact number: "dozens", "tens of
thousands", "hundreds of millions", "thousands", "several hundred", "a few hundred",
"a handful", "scores of" yield nothing ("a dozen" is 12).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.extract.lazy import lazy
from factcheck.extract.numerals import (
    Numeral,
    change_mention,
    change_start,
    range_start,
    scan,
    shared_low,
)
from factcheck.extract.percent import has_percent_suffix
from factcheck.extract.qualifiers import two_sided
from factcheck.extract.vocabulary import TEENS, UNITS
from factcheck.model import ExtractContext, Mention, NumberRange
from factcheck.regexes import compiled

_PRONOUN_BEFORE_RE = compiled(
    r"\b(?:the|this|that|which|each|every|any|no|another|some|little|one|a)\s+$", re.IGNORECASE
)
_PRONOUN_AFTER_RE = lazy(  # "one's", "one another", "one that could", "one thing is clear"
    r"\s*(?:['\u2019]s\b|-(?:time|off|way|sided|stop|on-one)\b)|\s+(?:another|other|that|which|who"
    r"|whose|thing|day|of\s+(?:the|its|his|her|their|our)\s+(?:most|best|biggest|largest|"
    r"few|main|key|top|great|world's|fastest|least|first|last))\b",
    re.IGNORECASE,
)
_HALF_PERIOD_AFTER_RE = compiled(r"-(?:time|hour|way|hearted)\b", re.IGNORECASE)
_THE_BEFORE_RE = compiled(r"\b(?:the|first|second)\s+$", re.IGNORECASE)
_HALF_OF_RE = compiled(r"\s+of\b", re.IGNORECASE)
_IDIOM_RE = compiled(r"zero-sum|zero-tolerance|zero-day", re.IGNORECASE)
_TIME_SECOND_BEFORE_RE = compiled(
    rf"(?:\bper|\bsplit|\d|\b(?:{'|'.join(UNITS[1:] + TEENS[:1])}))[\s-]+$",
    re.IGNORECASE,
)
_LENGTH_AFTER_RE = lazy(  # "the 100m sprint", "a 10m-high wall": metres, not millions
    r"[\s-]*(?:tall|high|long|deep|wide|away|sprint|race|dash|hurdles|freestyle|relay|"
    r"backstroke|breaststroke|butterfly|medley|final|run|walk|swim|dive|platform|above|below)\b",
    re.IGNORECASE,
)


# The first digit comes first, then the look back at what precedes it: a pattern that
# opens with a class lets the regex engine skip ahead to the digits.
_RATIO_RE = compiled(r"(?P<a>\d(?<![\w.:].)\d{0,2}):(?P<b>\d)(?![\d:.]|\w)")
_TIMES_RE = compiled(r"[x\u00d7](?![\w\u00d7])")
_ADJECTIVE_RE = compiled(r"-[^\W\d_]")  # "nine-litre", "10-year"


def extract(text: str, context: ExtractContext) -> Iterator[Mention]:
    """Every number, ordinal, two-ended range, multiple and ratio in ``text``, by position."""
    found = list(_numbers(text))
    if ":" in text:
        found.extend(_ratios(text))
        found.sort(key=lambda m: m.start)
    return iter(found)


def _ratios(text: str) -> Iterator[Mention]:
    """ "a 2:1 split" -> 2.0, "3:2" -> 1.5 (detail "ratio"); "9:30" is a time, no ratio."""
    for m in _RATIO_RE.finditer(text):
        a, b = int(m.group("a")), int(m.group("b"))
        if b:
            yield Mention("number", m.start(), m.end(), m.group(), _plain(a / b), detail="ratio")


def _counted(text: str, numerals: list[Numeral]) -> Iterator[Numeral]:
    """The numerals, less an adjective right after a count: "2.9 million nine-litre cases"."""
    previous: Numeral | None = None
    for n in numerals:
        if not (
            previous is not None
            and n.multiplier == 1
            and text[previous.end : n.start].isspace()
            and _ADJECTIVE_RE.match(text, n.end)
        ):
            yield n
        previous = n


def _numbers(text: str) -> Iterator[Mention]:
    numerals = list(_counted(text, [n for n in scan(text) if _is_quantity(text, n)]))
    done = 0
    for i, n in enumerate(numerals):
        if n.start < done:
            continue
        if i + 1 < len(numerals):
            pair = _range(text, n, numerals[i + 1])
            if pair is not None:
                done = pair.end
                yield pair
                continue
        end, detail = n.end, _detail(n)
        if _TIMES_RE.match(text, end) and not n.spelled:
            end, detail = end + 1, "times"  # "3.2x earnings"
        yield Mention("number", n.start, end, text[n.start : end], _plain(n.value), detail=detail)


def _is_quantity(text: str, n: Numeral) -> bool:
    if has_percent_suffix(text, n.end):
        return False  # the percent extractor's, even when it rejects it ("MSFT +0.18%")
    if n.scale == "mm" or (n.scale == "m" and _LENGTH_AFTER_RE().match(text, n.end)):
        return False
    if n.implicit and text.startswith("-", n.end):  # "a billion-dollar deal"
        return False
    if text.startswith("p", n.end):  # "30p" (pence: money's), "1080p" (a resolution)
        return False
    if not n.spelled:
        return True
    word = text[n.start : n.end].lower()
    if _IDIOM_RE.match(text, n.start):
        return False
    if word == "one":
        before = _PRONOUN_BEFORE_RE.search(text, max(0, n.start - 12), n.start)
        return before is None and _PRONOUN_AFTER_RE().match(text, n.end) is None
    if word == "half" and (
        _HALF_PERIOD_AFTER_RE.match(text, n.end)
        or _THE_BEFORE_RE.search(text, max(0, n.start - 8), n.start)
    ):
        return _HALF_OF_RE.match(text, n.end) is not None  # "the half of it" still counts
    if word == "second":
        return _TIME_SECOND_BEFORE_RE.search(text, max(0, n.start - 8), n.start) is None
    return True


def _range(text: str, a: Numeral, b: Numeral) -> Mention | None:
    """ "10 to 20", "between the tenth and the fifteenth", "more than 10 and less than 20"."""
    if a.ordinal != b.ordinal:
        return None
    bounds = two_sided(text, a.start, a.end, b.start, a.ordinal)
    if bounds is not None:
        low, high = (a, b) if bounds.first_is_low else (b, a)
        if not low.value < high.value:
            return None
        value = NumberRange(
            _plain(low.value), _plain(high.value), bounds.low_closed, bounds.high_closed
        )
        return Mention(
            "number", bounds.start, b.end, text[bounds.start : b.end], value, detail="range"
        )
    if a.fraction or b.fraction:
        return None
    change = None if a.ordinal else change_start(text, a.start, a.end, b.start)
    if change is not None:
        values = (_plain(shared_low(a, b)), _plain(b.value))
        return change_mention("number", text, change, b.end, values, None)
    start = range_start(text, a.start, a.end, b.start, b.end, a.spelled or b.spelled, a.ordinal)
    if start is None:
        return None
    low_value = a.value
    if a.multiplier == 1 and b.multiplier > 1 and a.base < b.base:
        low_value = a.base * b.multiplier  # "5 to 7 million"
    if not low_value < b.value:
        return None
    return Mention(
        "number",
        start,
        b.end,
        text[start : b.end],
        NumberRange(_plain(low_value), _plain(b.value)),
        detail="range",
    )


def _detail(n: Numeral) -> str | None:
    if n.ordinal:
        return "ordinal"
    if n.fraction:
        return "fraction"
    return "spelled" if n.spelled else None


def _plain(value: float) -> float:
    """Integral values as int ("3 million" -> 3000000), others as float."""
    return int(value) if value.is_integer() and abs(value) < 1e18 else value
