"""Dates: kind ``"date"``, value a :class:`DateInterval` (both ends inclusive).

Absolute dates at any granularity::

    "April 13, 2026" / "Apr 30, 2026" / "13 April 2026" / "2026-04-13" -> that day
    "November 2025" -> 2025-11-01 .. 2025-11-30;  "mid-November 2025" -> 11 .. 20 Nov
    "early 2026" -> Jan-Apr;  "mid-2025" -> May-Aug;  "late 2025" -> Sep-Dec
    "Q1 2026" / "the first quarter of 2026" -> 2026-01-01 .. 2026-03-31
    "the first half of 2025" -> Jan-Jun;  "spring 2025" -> Mar-May;  "the 1990s"
    "April 9-11, 2026", "from March to May 2025", "Nov 18 - Dec 19, 2015": one range
    "from 2014 to 2018" -> 2014-01-01 .. 2018-12-31 (joined years are a date range)

Numeric dates are in :mod:`.dates_numeric`: "30/04/2026" and "04/30/2026"
are 30 April; an ambiguous "04/05/2026" is read month first (5 April), as US
English news writes it; dotted "1.2.2026" day first. Two-digit years
(slashes only) pivot at 50: "4/30/26" is 2026.

Page furniture such as "April 13, 2026 at 05:05 PM" yields the date, and
the clock time (and a zone such as "UTC") is included in the span; a time
alone ("17:20 UTC") is not a date. Bare years ("in 2016") are kind
``"year"`` (:mod:`.years`), never dates.

Also: "the 21st century", "the nineties", "20161016", "October two thousand
and five", "15 April of 87". Periods longer than a month ("early 2026",
"Q1 2026", "the 1990s") are in :mod:`.dates_periods`; parts of periods
("the first nine months of 2025", "the 15th day of next month") in
:mod:`.dates_parts`. Holidays ("Christmas 2024", "last Easter", "Labor Day
weekend") and a weekday with a day ("Fri 14th") are in :mod:`.dates_holidays`;
a weekday before a written date joins its span ("Friday 5/12", "Tuesday,
April 14").

Relative phrases ("late last year", "last week", "on Monday", "April 13"
without a year) come from :mod:`.dates_relative` and :mod:`.dates_named`;
they carry ``detail="relative"`` and are resolved against
``context.reference_date``, or emitted with ``value=None`` when there is none
(never today's date). A yearless date reads as the latest one; after a
future cue ("will", "plans", or a scheduled present: "takes effect",
"reopens") as the next one; a yearless range told in the past ("the talks
happened between March and May") as the latest one already over.

Every rule is matched by :mod:`.dates_scan`: one trigger pass over a
lower-cased copy of the text, then each rule anchored at its start words.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from factcheck.extract.dates import holidays as dates_holidays
from factcheck.extract.dates import named as dates_named
from factcheck.extract.dates import numeric as dates_numeric
from factcheck.extract.dates import parts as dates_parts
from factcheck.extract.dates import periods as dates_periods
from factcheck.extract.dates import ranges as dates_ranges
from factcheck.extract.dates import relative as dates_relative
from factcheck.extract.dates.calendar import (
    DAY_WORD_PATTERN,
    DAY_WORD_STARTS,
    MONTH_PATTERN,
    MONTH_WORDS,
    WEEKDAY_PATTERN,
    WEEKDAY_WORDS,
    Candidate,
    day_interval,
    day_word_value,
    month_end,
    month_interval,
    month_number,
    part_interval,
    safe_date,
)
from factcheck.extract.dates.numeric import time_end
from factcheck.extract.dates.periods import PART, PART_STARTS, YEAR, fixed
from factcheck.extract.dates.scan import DIGITS, Rule, Scanner, lead, lower
from factcheck.extract.years import SPELLED_YEAR, spelled_year_value, year_value
from factcheck.model import DateInterval, ExtractContext, Mention

KIND = "date"
_WD = rf"(?:(?:{WEEKDAY_PATTERN}|(?:mon|tue|wed|thu|fri|sat|sun)\.?)\s*,?\s+)?"
_DAY = rf"(?:(?P<day>[0-3]?\d)(?P<suffix>st|nd|rd|th)?(?!\d)|(?P<dayw>{DAY_WORD_PATTERN}))"
# A year after a day and month: digits, "'87", or spelled ("nineteen ninety-six"). A
# spelled year is only foreseen here (an empty group), and read by :func:`_year_end`:
# its long pattern in every rule would make compiling them slow.
_ANY_YEAR = (
    rf"(?:{YEAR}|['\u2019]\d\d(?![\d%])|(?<=of\s)\d\d(?![\d%.,:]|\s*[a-z])"
    r"|(?=(?:seventeen|eighteen|nineteen|twenty|two)\s))"
)
_OPT_YEAR = rf"(?P<opt>(?:\s*,\s*|\s+)(?:of\s+|in\s+)?(?P<year>{_ANY_YEAR}))?"
_MON = rf"(?P<mon>{MONTH_PATTERN})"

_MDY = rf"\b{_WD}{_MON}(?:\s?|/|,\s*(?=\d{{1,2}}(?:st|nd|rd|th)))(?:the\s+)?{_DAY}{_OPT_YEAR}"
_DMY = rf"(?<![\d.,$€£])\b{_WD}{_DAY}\s*(?P<of>of\s+)?{_MON}(?![a-z]){_OPT_YEAR}"
_MY = rf"\b{PART}?{_MON}(?:\s*[,/-]\s*|\s+(?:of\s+|in\s+)?)(?P<year>{_ANY_YEAR})"
_NAMED_NUMERIC = (
    rf"\b(?P<year>{YEAR})[-/]{_MON}[-/](?P<day>\d{{1,2}})\b"
    rf"|\b(?P<day2>\d{{1,2}})[-/](?P<mon2>{MONTH_PATTERN})[-/](?P<year2>{YEAR})"
    rf"|\b(?P<mon3>{MONTH_PATTERN})-(?P<day3>\d{{1,2}})-(?P<year3>{YEAR})"
)
_D = r"(?:the\s+)?(?:[0-3]?\d(?:st|nd|rd|th)?(?!\d)|" + DAY_WORD_PATTERN + ")"
_DAY_RANGE = (
    rf"\b{_MON}\s?(?:the\s+)?(?P<d1>{_D})\s*(?:-|–|to|through|till|until)\s*"
    rf"(?P<d2>{_D}){_OPT_YEAR}"
    rf"|\b(?:(?P<between>between)\s+)?(?P<e1>{_D})\s*(?:-|–|to|through|till|until|and)\s*"
    rf"(?P<e2>{_D})\s+(?:of\s+)?(?P<mon2>{MONTH_PATTERN})(?![a-z])(?:,?\s+(?P<year2>{YEAR}))?"
)
_MONTH_RANGE = (
    rf"\b(?P<m1>{MONTH_PATTERN})\s*(?:-|–|to|through|until)\s*(?P<m2>{MONTH_PATTERN})"
    rf"(?:\s+of|,)?\s+(?P<year>{YEAR})"
)


def extract(text: str, context: ExtractContext) -> Iterator[Mention]:
    """Yield non-overlapping date mentions in ``text``, in order."""
    found = list(_SCANNER.candidates(text, lower(text)))
    kept = dates_ranges.absorb_weekdays(text, dates_ranges.longest(found))
    kept = dates_ranges.merge(text, dates_ranges.compose(text, kept))
    ref = context.reference_date
    for cand in kept:
        value = None if (cand.relative and ref is None) else _resolve(cand, ref)
        if value is None and not cand.relative:
            continue
        yield Mention(
            KIND,
            cand.start,
            cand.end,
            text[cand.start : cand.end],
            value,
            detail="relative" if cand.relative else None,
        )


def _resolve(cand: Candidate, ref: date | None) -> DateInterval | None:
    """The candidate's interval; None when it falls outside the calendar (years
    1-9999), as a relative date does against a publication date at either end."""
    try:
        resolved: DateInterval | None = cand.resolve(ref)
    except (OverflowError, ValueError):
        return None
    return resolved


def _lower_verb(token: str, anchored: bool) -> bool:
    """ "may"/"march" in lower case are verbs unless clearly part of a date."""
    return token.strip(".").lower() in ("may", "march", "mar") and token.islower() and not anchored


def _year_end(match: re.Match[str]) -> tuple[int | None, int]:
    """The year a day-and-month phrase ends with (None: no year) and where the phrase ends."""
    if match["year"] is None:
        return None, match.end()
    if match["year"]:
        return year_value(match["year"]), match.end()
    spelled = SPELLED_YEAR().match(match.string, match.end())
    if spelled is None:  # "May 5, twenty people": the phrase ends before the comma
        return None, match.start("opt") if "opt" in match.re.groupindex else match.start()
    return spelled_year_value(spelled[0]), spelled.end()


def _month_day(match: re.Match[str], text: str) -> Candidate | None:
    token, has_of = text[match.start("mon") : match.end("mon")], bool(match.groupdict().get("of"))
    day = int(match["day"]) if match["day"] else day_word_value(match["dayw"]) or 0
    year, end = _year_end(match)
    anchored = bool(year or match["suffix"] or has_of)
    full_name = len(token.strip(".")) > 3 and token.lower() != "march"
    if match["dayw"] and not (has_of or year or token[0].isupper() or full_name):
        return None  # "fourth of July", "January first", "february second"; not "march second"
    if _lower_verb(token, anchored) or day == 0:
        return None
    month = month_number(token)
    end = time_end(text, end)
    if year is not None:
        return fixed(match.start(), end, _day(year, month, day))
    if safe_date(2024, month, day) is None:
        return None
    found = dates_named.yearless(month, day, text, match.start())
    return Candidate(match.start(), end, found.resolve, True, found.with_year)


def _day_month(match: re.Match[str], text: str) -> Candidate | None:
    if match["dayw"] and not match["of"]:
        return None  # "fourth of July" but not "second May"
    return _month_day(match, text)


def _month_year(match: re.Match[str], text: str) -> Candidate | None:
    year, end = _year_end(match)
    if year is None:
        return None
    whole = month_interval(year, month_number(match["mon"]))
    part = match["part"] or match["part2"]
    return fixed(match.start(), end, part_interval(whole, part) if part else whole)


def _named_numeric(match: re.Match[str], text: str) -> Candidate | None:
    year = match["year"] or match["year2"] or match["year3"]
    month = month_number(match["mon"] or match["mon2"] or match["mon3"])
    day = int(match["day"] or match["day2"] or match["day3"])
    return fixed(match.start(), match.end(), _day(int(year), month, day))


def _day_number(text: str) -> int:
    """17 for "17", "17th", "the seventeenth"."""
    text = re.sub(r"^the\s+", "", text.strip())
    digits = re.match(r"\d+", text)
    return int(digits[0]) if digits else day_word_value(text) or 0


def _day_range(match: re.Match[str], text: str) -> Candidate | None:
    name = "mon" if match["mon"] else "mon2"
    token = text[match.start(name) : match.end(name)]
    first, last = _day_number(match["d1"] or match["e1"]), _day_number(match["d2"] or match["e2"])
    joiner = match.string[match.end("e1") : match.start("e2")].strip() if match["e1"] else ""
    if joiner == "and" and not match["between"]:
        return None  # "18 and 19 June" is two days, not a range
    year, end = (int(match["year2"]), match.end()) if match["year2"] else _year_end(match)
    if first >= last or _lower_verb(token, year is not None):
        return None
    month = month_number(token)
    if year is not None:
        head_day, last_day = _day(year, month, first), _day(year, month, last)
        if head_day is None or last_day is None:
            return None
        return fixed(match.start(), end, DateInterval(head_day.start, last_day.end))
    if safe_date(2024, month, last) is None:
        return None
    head = dates_named.yearless(month, first, text, match.start())

    def make(year: int) -> DateInterval | None:
        begin, stop = safe_date(year, month, first), safe_date(year, month, last)
        return None if begin is None or stop is None else DateInterval(begin, stop)

    def resolve(ref: date | None) -> DateInterval | None:
        anchor = head.resolve(ref)
        return None if anchor is None else make(anchor.start.year)

    return Candidate(match.start(), end, resolve, True, make)


def _month_range(match: re.Match[str], text: str) -> Candidate | None:
    first, last, year = month_number(match["m1"]), month_number(match["m2"]), int(match["year"])
    start_year = year if first <= last else year - 1
    interval = DateInterval(date(start_year, first, 1), month_end(year, last))
    return fixed(match.start(), match.end(), interval)


def _day(year: int, month: int, day: int) -> DateInterval | None:
    found = safe_date(year, month, day)
    return None if found is None else day_interval(found)


_DAY_STARTS = (DIGITS, *DAY_WORD_STARTS)
_RULES = (
    Rule(_MDY, _month_day, (*WEEKDAY_WORDS, *MONTH_WORDS)),
    Rule(_DMY, _day_month, (*WEEKDAY_WORDS, *_DAY_STARTS)),
    Rule(_MY, _month_year, (*PART_STARTS, *MONTH_WORDS)),
    Rule(_NAMED_NUMERIC, _named_numeric, (DIGITS, *MONTH_WORDS)),
    Rule(
        _DAY_RANGE,
        _day_range,
        (
            *MONTH_WORDS,
            *_DAY_STARTS,
            *lead("between", ("the", *_DAY_STARTS)),
            *lead("the", _DAY_STARTS),
        ),
    ),
    Rule(_MONTH_RANGE, _month_range, MONTH_WORDS),
)
_SCANNER = Scanner(
    (
        *_RULES,
        *dates_numeric.RULES,
        *dates_periods.RULES,
        *dates_parts.RULES,
        *dates_relative.RULES,
        *dates_named.RULES,
        *dates_holidays.RULES,
        *dates_ranges.RULES,
    )
)
_SCANNER.declare()
