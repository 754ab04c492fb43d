"""Durations: how long something lasts, in days.

    "over the next eight years" -> 2922 days (8 years)
    "a five-year deal"          -> 1826.25 days (5 years)
    "for 18 months"             -> 547.875 days
    "a 90-day review"           -> 90 days
    not durations: "three years ago", "in two years" (dates), "20 years old" (an age)

A year is 365.25 days, a month 30.4375, a quarter 91.3125, a week 7 and a
decade 3,652.5, so "60 months" and "five years" agree. The span covers the
number and its unit ("five-year", "18 months"); hedges attach as for counts
("about five years").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.extract.numerals import scan
from factcheck.model import ExtractContext, Mention
from factcheck.regexes import compiled

DAYS = {
    "day": 1.0,
    "week": 7.0,
    "month": 30.4375,
    "quarter": 91.3125,
    "year": 365.25,
    "decade": 3652.5,
}
_UNIT_AFTER = compiled(
    r"[\s-]{1,2}(?P<unit>day|week|month|quarter|year|decade)s?(?![\w-]*\w)", re.IGNORECASE
)
# A time point, not a span: "three years ago", "two years later", "20 years old".
_POINT_AFTER = compiled(r"\s+(?:ago|later|earlier|old|from\s+now|hence|before|after)\b", re.I)
_POINT_BEFORE = compiled(r"\b(?:in|within\s+the\s+next)\s+$|\bthe\s+past\s+$", re.I)
_LOOK_BEHIND = 20


def extract(text: str, context: ExtractContext) -> Iterator[Mention]:
    for numeral in scan(text):
        if numeral.ordinal or numeral.fraction or numeral.value <= 0:
            continue
        unit = _UNIT_AFTER.match(text, numeral.end)
        if unit is None or _POINT_AFTER.match(text, unit.end()):
            continue
        if _POINT_BEFORE.search(text, max(0, numeral.start - _LOOK_BEHIND), numeral.start):
            continue
        days = numeral.value * DAYS[unit["unit"].lower()]
        yield Mention(
            "duration",
            numeral.start,
            unit.end(),
            text[numeral.start : unit.end()],
            days,
            unit="day",
            detail=unit["unit"].lower(),
        )


def display_days(days: float) -> str:
    """Days in the largest unit that states them whole: '8 years', '18 months'."""
    for unit in ("year", "month", "week"):
        count = days / DAYS[unit]
        if count >= 1 and abs(count - round(count)) < 1e-6:
            number = round(count)
            return f"{number} {unit}{'' if number == 1 else 's'}"
    return f"{days:g} day{'' if days == 1 else 's'}"
