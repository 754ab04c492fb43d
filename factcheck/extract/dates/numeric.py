"""Dates written with digits only, with or without a year.

    "2026-04-13", "2026/4/13", "2026-04-13T17:20:00Z"  -> 13 April 2026 (ISO order)
    "04/30/2026", "30/04/2026"                          -> 30 April 2026
    "04/05/2026", "4-5-2026"                            -> 5 April 2026 (month first)
    "1.2.2026"                                          -> 1 February 2026 (dots: day first)
    "4/30/26"                                           -> 30 April 2026 (pivot 50)
    "20161016"                                          -> 16 October 2016 (compact ISO)
    "2015-12", "12/2015"                                -> December 2015
    "on 11/20", "from 10/1 to 11/7", "Friday 5/12"      -> yearless, resolved (relative)

Ambiguous slash or dash dates, where both numbers could be the month, are read
month first, as US English news writes them (and as Recognizers-Text does);
when the first number is over 12 ("30/04/2026", "22/04") only the day-first
reading exists and is used. Dotted dates ("1.2.2026") are a European
convention and read day first.

A yearless "11/20" is a date only where the text makes it one: after "on",
"from", "until", "by", "this"/"next", a weekday, or as a part of a list or a
range of such dates. Alone, "3/4", "24/7" and scores stay numbers.
"YYYY-MM" is a month unless it reads as a span of years ("2011-12", "2015-16",
the second number following the first year).
"""

from __future__ import annotations

import re

from factcheck.extract.dates import named as dates_named
from factcheck.extract.dates.calendar import (
    Candidate,
    day_interval,
    month_interval,
    safe_date,
)
from factcheck.extract.dates.scan import DIGITS, Rule
from factcheck.extract.lazy import lazy
from factcheck.extract.years import expand_two_digit_year
from factcheck.model import DateInterval
from factcheck.regexes import compiled

_YEAR = r"(?:1[89]|2[01])\d\d(?!\d)"
# A clock time after a date joins its span: "April 13, 2026 at 05:05 PM", "... 17:20 UTC".
# Matched on the original text: a capital "PM" may run into the next word ("PMBy").
_TIME = compiled(
    r",?\s*(?:at\s+|@\s*)?\d{1,2}:\d{2}(?::\d{2})?(?!\d)"
    r"(?:\s*(?:(?-i:[AP]M)|[ap]\.?m\.?(?![a-z])))?"
    r"(?:\s*(?:UTC|GMT|[ECMP][SD]?T|BST|CES?T)\b)?",
    re.IGNORECASE,
)
_ISO = (
    rf"(?<![\d.])(?P<year>{_YEAR})(?P<sep>[-/.])(?P<month>[01]?\d)(?P=sep)"
    r"(?P<day>[0-3]?\d)(?!\d)"
    r"(?:t\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?\b)?"
)
_NUMERIC = (
    r"(?<![\d./])(?:(?<=\d{4}-)|(?<!-))(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)"
    r"(?P<year>\d{4}|\d{2})(?!\d|[./]\d|-\d(?!\d?[/.-]\d{1,2}[/.-]\d\d))"
)
_YEAR_MONTH = (
    rf"(?<![\d./-])(?P<year>{_YEAR})[-/](?P<month>[01]?\d)(?![\d]|[./-]\d)"
    rf"|(?<![\d./-])(?P<month2>[01]?\d)[-/](?P<year2>{_YEAR})(?![./-]\d)"
)
# "20161016": a compact ISO date (8 digits, a valid date from 1900 on).
_COMPACT = (
    r"(?<![\w.,/-])(?P<year>(?:19|20)\d\d)(?P<month>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])"
    r"(?![\w/-]|[.,]\d|\s*(?:%|dollars|people|shares|units))"
)
_YEARLESS = r"(?<![\d./,])(?P<a>[01]?\d|[23]\d)/(?P<b>[0-3]?\d)(?![\d/]|\.\d|,\d)"


def time_end(text: str, end: int) -> int:
    """The end of a clock time right after ``end`` (page furniture), else ``end``."""
    found = _TIME.match(text, end)
    return end if found is None else found.end()


# Words that make a following "11/20" a date.
_CUE_BEFORE = lazy(
    r"(?:\b(?:on|from|(?<!up\s)to|until|till|through|thru|since|after|before|between|this|next"
    r"|last|dated|date|due|(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?)|[0-3]?\d/[0-3]?\d\s*(?:,|or|and|-|\u2013|to|through))\s*\Z",
    re.IGNORECASE,
)
# A fraction, not a date: "1/3 of the staff", "3/4 cup".
_FRACTION_AFTER = compiled(r"\s*(?:of\b|%|cups?\b|inch|mile|in\.)", re.IGNORECASE)


def _day(year: int, month: int, day: int) -> DateInterval | None:
    found = safe_date(year, month, day)
    return None if found is None else day_interval(found)


def _fixed(start: int, end: int, interval: DateInterval | None) -> Candidate | None:
    if interval is None:
        return None
    return Candidate(start, end, lambda ref: interval)


def _iso(match: re.Match[str], text: str) -> Candidate | None:
    interval = _day(int(match["year"]), int(match["month"]), int(match["day"]))
    return _fixed(match.start(), time_end(text, match.end()), interval)


def month_first(first: int, second: int, separator: str) -> tuple[int, int]:
    """(month, day) of an ambiguous numeric date: month first unless dotted or impossible."""
    if separator == "." or first > 12:
        return (second, first) if first <= 31 else (0, 0)
    return (first, second)


def _numeric(match: re.Match[str], text: str) -> Candidate | None:
    first, second, year_text = int(match["a"]), int(match["b"]), match["year"]
    if len(year_text) == 2 and match["sep"] != "/":
        return None
    year = int(year_text) if len(year_text) == 4 else expand_two_digit_year(int(year_text))
    if not 1800 <= year <= 2199:
        return None
    month, day = month_first(first, second, match["sep"])
    return _fixed(match.start(), time_end(text, match.end()), _day(year, month, day))


def _compact(match: re.Match[str], text: str) -> Candidate | None:
    interval = _day(int(match["year"]), int(match["month"]), int(match["day"]))
    return _fixed(match.start(), match.end(), interval)


def _year_month(match: re.Match[str], text: str) -> Candidate | None:
    year = int(match["year"] or match["year2"])
    month = int(match["month"] or match["month2"])
    if not 1 <= month <= 12:
        return None
    if match["year"] and month == (year + 1) % 100:
        return None  # "2011-12": a season or fiscal year spanning two years
    return _fixed(match.start(), match.end(), month_interval(year, month))


def _yearless(match: re.Match[str], text: str) -> Candidate | None:
    first, second = int(match["a"]), int(match["b"])
    month, day = month_first(first, second, "/")
    if not 1 <= month <= 12 or safe_date(2024, month, day) is None:
        return None
    if _FRACTION_AFTER.match(text, match.end()):
        return None
    cue = _CUE_BEFORE().search(text, max(0, match.start() - 16), match.start())
    if not (cue or _RANGE_AFTER.match(text, match.end())):
        return None
    found = dates_named.yearless(month, day, text, match.start())
    return Candidate(match.start(), match.end(), found.resolve, True, found.with_year)


_RANGE_AFTER = compiled(r"\s*(?:-|\u2013|to|through|till|until|,|or|and)\s*[0-3]?\d/\d")

RULES = (
    Rule(_ISO, _iso, (DIGITS,)),
    Rule(_NUMERIC, _numeric, (DIGITS,)),
    Rule(_YEAR_MONTH, _year_month, (DIGITS,)),
    Rule(_YEARLESS, _yearless, (DIGITS,)),
    Rule(_COMPACT, _compact, (DIGITS,)),
)
