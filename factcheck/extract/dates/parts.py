"""Parts of a period: "the first nine months of 2025", "the 15th day of next month".

Examples (reference date 2026-04-30)::

    "the first nine months of 2025"   -> 2025-01-01 .. 2025-09-30
    "the last three months of the year" -> 2026-10-01 .. 2026-12-31
    "the first two weeks of 2021"     -> 2021-01-04 .. 2021-01-17
    "first ten days of last year"     -> 2025-01-01 .. 2025-01-10
    "the first two quarters of 2024"  -> 2024-01-01 .. 2024-06-30
    "the third month of 2021"         -> 2021-03-01 .. 2021-03-31
    "the 15th day of next month"      -> 2026-05-15
    "the twenty third day of September" -> 2025-09-23 (a yearless month, as "in September")

The period is a year, a month with or without a year, or "this/last/next
year|month"; "the year" and "the month" are the current ones (as in "the
start of the year"). Weeks are whole Monday-Sunday weeks and belong to the
period holding their Thursday (ISO 8601), so "the first two weeks of 2021"
start on Monday 4 January.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from factcheck.extract.dates import named as dates_named
from factcheck.extract.dates.calendar import (
    DAY_WORD_PATTERN,
    DAY_WORD_STARTS,
    MONTH_PATTERN,
    NUMBER_PATTERN,
    Candidate,
    add_months,
    day_interval,
    day_word_value,
    month_end,
    month_interval,
    month_number,
    nth_week,
    number_value,
    shift,
    unit_interval,
    year_interval,
)
from factcheck.extract.dates.periods import YEAR, fixed
from factcheck.extract.dates.scan import DIGITS, Rule, lead
from factcheck.model import DateInterval

_ORDINAL = rf"(?:\d{{1,2}}(?:st|nd|rd|th)|last|final|{DAY_WORD_PATTERN})"
_PARTS_OF = (
    r"\b(?:the\s+)?(?:(?P<edge>first|last|final)\s+(?P<n>" + NUMBER_PATTERN + r")\s+"
    r"(?P<units>day|week|month|quarter)s"
    rf"|(?P<ord>{_ORDINAL})\s+(?P<unit>day|month))\s+of\s+"
    rf"(?:(?P<year>{YEAR})|(?P<which>this|last|next|the|the\s+current)\s+(?P<period>year|month)\b"
    rf"|(?P<mon>{MONTH_PATTERN})(?![a-z])(?:,?\s+(?P<myear>{YEAR}))?)"
)


def part(whole: DateInterval, unit: str, first: bool, count: int) -> DateInterval | None:
    """The first (or last) ``count`` days, weeks, months or quarters of ``whole``."""
    if count < 1:
        return None
    if unit == "day":
        if first:
            found = DateInterval(whole.start, whole.start + timedelta(days=count - 1))
        else:
            found = DateInterval(whole.end - timedelta(days=count - 1), whole.end)
    elif unit == "week":
        head, tail = (
            (nth_week(whole, 0), nth_week(whole, count - 1))
            if first
            else (nth_week(whole, -count), nth_week(whole, -1))
        )
        # Whole weeks may run past the period: they belong where their Thursday is.
        return None if head is None or tail is None else DateInterval(head.start, tail.end)
    else:
        months = count * (3 if unit == "quarter" else 1)
        if first:
            last = add_months(whole.start, months - 1)
            found = DateInterval(whole.start, month_end(last.year, last.month))
        else:
            begin = add_months(date(whole.end.year, whole.end.month, 1), 1 - months)
            found = DateInterval(begin, whole.end)
    inside = whole.start <= found.start and found.end <= whole.end
    return found if inside else None


def nth(whole: DateInterval, unit: str, index: int) -> DateInterval | None:
    """The ``index``-th (1-based; -1: the last) day or month of ``whole``."""
    if unit == "day":
        day = whole.end if index == -1 else whole.start + timedelta(days=index - 1)
        return day_interval(day) if day <= whole.end else None
    if index == -1:
        return month_interval(whole.end.year, whole.end.month)
    begin = add_months(whole.start, index - 1)
    found = month_interval(begin.year, begin.month)
    return found if found.end <= whole.end else None


def _ordinal(word: str) -> int:
    if word in ("last", "final"):
        return -1
    digits = re.match(r"\d+", word)
    return int(digits[0]) if digits else day_word_value(word) or 0


def _parts_of(match: re.Match[str], text: str) -> Candidate | None:
    if match["edge"]:
        unit, first, count = match["units"], match["edge"] == "first", number_value(match["n"])

        def pick(whole: DateInterval) -> DateInterval | None:
            return part(whole, unit, first, count)
    else:
        unit, index = match["unit"], _ordinal(match["ord"])
        if index == 0:
            return None

        def pick(whole: DateInterval) -> DateInterval | None:
            return nth(whole, unit, index)

    if match["year"] or match["myear"]:
        year = int(match["year"] or match["myear"])
        whole = (
            month_interval(year, month_number(match["mon"]))
            if match["mon"]
            else (year_interval(year))
        )
        return fixed(match.start(), match.end(), pick(whole))
    if match["mon"]:
        if match["mon"] in ("may", "march", "mar") and text[match.start("mon")].islower():
            return None  # verbs: "the first of may fall"
        period = dates_named.yearless(month_number(match["mon"]), None, text, match.start())
        return _relative(match, lambda ref: period.resolve(ref), pick)
    step = {"last": -1, "next": 1}.get(match["which"], 0)
    unit_of = match["period"]
    return _relative(
        match,
        lambda ref: unit_interval(shift(ref, step, unit_of), unit_of),
        pick,
    )


def _relative(
    match: re.Match[str],
    period: Callable[[date], DateInterval | None],
    pick: Callable[[DateInterval], DateInterval | None],
) -> Candidate:
    def resolve(ref: date | None) -> DateInterval | None:
        whole = None if ref is None else period(ref)
        return None if whole is None else pick(whole)

    return Candidate(match.start(), match.end(), resolve, relative=True)


_ORDINAL_STARTS = (*DAY_WORD_STARTS, "last", "final", DIGITS)
RULES = (
    Rule(
        _PARTS_OF, _parts_of, ("first", *_ORDINAL_STARTS, *lead("the", ("first", *_ORDINAL_STARTS)))
    ),
)
