"""Dates: kind ``"date"``, value a :class:`DateInterval` (both ends inclusive).

Absolute dates at any granularity::

    "April 13, 2026" / "Apr 30, 2026" / "13 April 2026" / "2026-04-13" -> that day
    "November 2025" -> 2025-11-01 .. 2025-11-30;  "mid-November 2025" -> 11 .. 20 Nov
    "early 2026" -> Jan-Apr;  "mid-2025" -> May-Aug;  "late 2025" -> Sep-Dec
    "Q1 2026" / "the first quarter of 2026" -> 2026-01-01 .. 2026-03-31
    "the first half of 2025" -> Jan-Jun;  "spring 2025" -> Mar-May;  "the 1990s"
    "April 9-11, 2026", "from March to May 2025", "Nov 18 - Dec 19, 2015": one range
    "from 2014 to 2018" -> 2014-01-01 .. 2018-12-31 (joined years are a date range)

Numeric dates: "30/04/2026" is 30 April; "04/30/2026" is 30 April (a second
number over 12 can only be a day); an ambiguous one such as "04/05/2026" is
read day-first (D/M/Y) as most English-language sources outside the US
write it. Two-digit years (slashes only) pivot at 50: "4/30/26" is 2026.

Page furniture such as "April 13, 2026 at 05:05 PM" yields the date, and
the clock time (and a zone such as "UTC") is included in the span; a time
alone ("17:20 UTC") is not a date. Bare years ("in 2016") are kind
``"year"`` (:mod:`.years`), never dates.

Relative phrases ("late last year", "last week", "on Monday", "April 13"
without a year) come from :mod:`.dates_relative`; they carry
``detail="relative"`` and are resolved against ``context.reference_date``,
or emitted with ``value=None`` when there is none (never today's date).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from factcheck.extract import dates_named, dates_ranges, dates_relative
from factcheck.extract.dates_calendar import (
    DAY_WORD_PATTERN,
    MONTH_PATTERN,
    ORDINALS,
    WEEKDAY_PATTERN,
    Builder,
    Candidate,
    day_interval,
    day_word_value,
    expand_two_digit_year,
    half_interval,
    month_end,
    month_interval,
    month_number,
    part_interval,
    quarter_interval,
    safe_date,
    scan,
    windows,
    year_interval,
)
from factcheck.model import DateInterval, ExtractContext, Mention

KIND = "date"
_I = re.IGNORECASE
_YEAR = r"(?:1[89]|2[01])\d\d(?!\d)"
_TIME = (
    r"(?:,?\s*(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?!\d)"
    r"(?:\s*(?:(?-i:[AP]M)|[ap]\.?m\.?(?![a-z])))?"
    r"(?:\s*(?:UTC|GMT|[ECMP][SD]?T|BST|CES?T)\b)?)?"
)
_WD = rf"(?:(?:{WEEKDAY_PATTERN}|(?:mon|tue|wed|thu|fri|sat|sun)\.?)\s*,?\s+)?"
_DAY = rf"(?:(?P<day>[0-3]?\d)(?P<suffix>st|nd|rd|th)?(?!\d)|(?P<dayw>{DAY_WORD_PATTERN}))"
_OPT_YEAR = rf"(?:(?:\s*,\s*|\s+)(?:of\s+|in\s+)?(?P<year>{_YEAR}))?"
_MON = rf"(?P<mon>{MONTH_PATTERN})"
_PART = (
    r"(?:(?P<part>early|mid|late)[\s-]+"
    r"|(?:the\s+)?(?:very\s+)?(?P<part2>beginning|start|middle|end)\s+of\s+)"
)

_MDY = re.compile(rf"\b{_WD}{_MON}\s?(?:the\s+)?{_DAY}{_OPT_YEAR}{_TIME}", _I)
_DMY = re.compile(
    rf"(?<![\d.,$€£])\b{_WD}{_DAY}\s*(?P<of>of\s+)?{_MON}(?![a-z]){_OPT_YEAR}{_TIME}",
    _I,
)
_MY = re.compile(rf"\b{_PART}?{_MON}(?:\s*[,/-]\s*|\s+(?:of\s+|in\s+)?)(?P<year>{_YEAR})", _I)
_NAMED_NUMERIC = re.compile(
    rf"\b(?P<year>{_YEAR})[-/]{_MON}[-/](?P<day>\d{{1,2}})\b"
    rf"|\b(?P<day2>\d{{1,2}})[-/](?P<mon2>{MONTH_PATTERN})[-/](?P<year2>{_YEAR})"
    rf"|\b(?P<mon3>{MONTH_PATTERN})-(?P<day3>\d{{1,2}})-(?P<year3>{_YEAR})",
    _I,
)
_ISO = re.compile(
    rf"(?<![\d.])(?P<year>{_YEAR})(?P<sep>[-/.])(?P<month>[01]?\d)(?P=sep)(?P<day>[0-3]?\d)(?!\d)"
    r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?\b)?" + _TIME,
)
_NUMERIC = re.compile(
    r"(?<![\d./-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)"
    r"(?P<year>\d{4}|\d{2})(?![\d]|[./-]\d)" + _TIME,
)
_PART_YEAR = re.compile(rf"\b{_PART}(?:the\s+year\s+)?(?P<year>{_YEAR})", _I)
_QUARTER_YEAR = re.compile(
    r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+"
    rf"(?P<unit>quarter|half)(?:\s+of|,)?\s+(?:(?:the\s+)?(?:fiscal|calendar)\s+(?:year\s+)?)?"
    rf"(?P<year>{_YEAR})"
    rf"|\b(?P<q>[QH][1-4])(?:\s*(?:of\s+|,\s*|-\s*|\s+))(?P<year2>{_YEAR})"
    rf"|\b(?P<year3>{_YEAR})[\s-]?(?P<q3>[QH][1-4])\b",
    _I,
)
_SEASON = re.compile(
    rf"\b(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+of)?,?\s+(?P<year>{_YEAR})",
    _I,
)
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_DECADE = re.compile(
    r"\b(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?P<decade>1[89]\d0|20\d0)['\u2019]?s\b", _I
)
_DAY_RANGE = re.compile(
    rf"\b{_MON}\s?(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to|through)\s*"
    rf"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d){_OPT_YEAR}"
    rf"|\b(?P<e1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|to)\s*(?P<e2>[0-3]?\d)(?:st|nd|rd|th)?\s+"
    rf"(?:of\s+)?(?P<mon2>{MONTH_PATTERN})(?![a-z])(?:,?\s+(?P<year2>{_YEAR}))?",
    _I,
)
_MONTH_RANGE = re.compile(
    rf"\b(?P<m1>{MONTH_PATTERN})\s*(?:-|–|to|through|until)\s*(?P<m2>{MONTH_PATTERN})"
    rf"(?:\s+of|,)?\s+(?P<year>{_YEAR})",
    _I,
)


def extract(text: str, context: ExtractContext) -> Iterator[Mention]:
    """Yield non-overlapping date mentions in ``text``, in order."""
    spans = windows(text)
    found = list(scan(_RULES, text, spans))
    found.extend(dates_relative.candidates(text, spans))
    found.extend(dates_named.candidates(text, spans))
    found.extend(dates_ranges.bare_candidates(text))
    kept = dates_ranges.longest(found)
    kept = dates_ranges.merge(text, dates_ranges.compose(text, kept))
    ref = context.reference_date
    for cand in kept:
        value = None if (cand.relative and ref is None) else cand.resolve(ref)
        if value is None and not cand.relative:
            continue
        yield Mention(
            KIND, cand.start, cand.end, text[cand.start:cand.end], value,
            detail="relative" if cand.relative else None,
        )


def _fixed(start: int, end: int, interval: DateInterval | None) -> Candidate | None:
    if interval is None:
        return None

    def resolve(ref: date | None) -> DateInterval:
        return interval

    return Candidate(start, end, resolve)


def _lower_verb(token: str, anchored: bool) -> bool:
    """"may"/"march" in lower case are verbs unless clearly part of a date."""
    return token.strip(".").lower() in ("may", "march", "mar") and token.islower() and not anchored


def _month_day(match: re.Match[str], text: str) -> Candidate | None:
    token, has_of = match["mon"], bool(match.groupdict().get("of"))
    day = int(match["day"]) if match["day"] else day_word_value(match["dayw"]) or 0
    anchored = bool(match["year"] or match["suffix"] or has_of)
    if match["dayw"] and not (has_of or match["year"] or token[0].isupper()):
        return None  # "fourth of July", "January first"; not "march second"
    if _lower_verb(token, anchored) or day == 0:
        return None
    month = month_number(token)
    if match["year"]:
        return _fixed(match.start(), match.end(), _day(int(match["year"]), month, day))
    if safe_date(2024, month, day) is None:
        return None
    found = dates_named.yearless(month, day, text, match.start())
    return Candidate(match.start(), match.end(), found.resolve, True, found.with_year)


def _day_month(match: re.Match[str], text: str) -> Candidate | None:
    if match["dayw"] and not match["of"]:
        return None  # "fourth of July" but not "second May"
    return _month_day(match, text)


def _month_year(match: re.Match[str], text: str) -> Candidate | None:
    whole = month_interval(int(match["year"]), month_number(match["mon"]))
    part = match["part"] or match["part2"]
    return _fixed(match.start(), match.end(), part_interval(whole, part) if part else whole)


def _named_numeric(match: re.Match[str], text: str) -> Candidate | None:
    year = match["year"] or match["year2"] or match["year3"]
    month = month_number(match["mon"] or match["mon2"] or match["mon3"])
    day = int(match["day"] or match["day2"] or match["day3"])
    return _fixed(match.start(), match.end(), _day(int(year), month, day))


def _iso(match: re.Match[str], text: str) -> Candidate | None:
    interval = _day(int(match["year"]), int(match["month"]), int(match["day"]))
    return _fixed(match.start(), match.end(), interval)


def _numeric(match: re.Match[str], text: str) -> Candidate | None:
    first, second, year_text = int(match["a"]), int(match["b"]), match["year"]
    if len(year_text) == 2 and match["sep"] != "/":
        return None
    year = int(year_text) if len(year_text) == 4 else expand_two_digit_year(int(year_text))
    if not 1800 <= year <= 2199:
        return None
    # Prefer day/month/year; month/day/year only when the first number cannot be a day-first
    # reading's month (the second number is over 12).
    day, month = (second, first) if second > 12 else (first, second)
    return _fixed(match.start(), match.end(), _day(year, month, day))


def _part_year(match: re.Match[str], text: str) -> Candidate | None:
    part = match["part"] or match["part2"]
    whole = year_interval(int(match["year"]))
    return _fixed(match.start(), match.end(), part_interval(whole, part))


def _quarter_year(match: re.Match[str], text: str) -> Candidate | None:
    if match["q"] or match["q3"]:
        code = (match["q"] or match["q3"]).upper()
        unit, index = ("half" if code[0] == "H" else "quarter"), int(code[1])
        year = int(match["year2"] or match["year3"])
    else:
        unit, year = match["unit"].lower(), int(match["year"])
        index = ORDINALS.get(match["ord"].lower(), 4 if unit == "quarter" else 2)
    if unit == "half" and index > 2:
        return None
    interval = quarter_interval(year, index) if unit == "quarter" else half_interval(year, index)
    return _fixed(match.start(), match.end(), interval)


def _season(match: re.Match[str], text: str) -> Candidate | None:
    season, year = match["season"].lower(), int(match["year"])
    if season == "winter":  # the winter that starts in December of that year
        interval = DateInterval(date(year, 12, 1), month_end(year + 1, 2))
    else:
        first, last = _SEASONS[season]
        interval = DateInterval(date(year, first, 1), month_end(year, last))
    return _fixed(match.start(), match.end(), interval)


def _decade(match: re.Match[str], text: str) -> Candidate | None:
    first = int(match["decade"])
    whole = DateInterval(date(first, 1, 1), date(first + 9, 12, 31))
    part = match["part"]
    return _fixed(match.start(), match.end(), part_interval(whole, part) if part else whole)


def _day_range(match: re.Match[str], text: str) -> Candidate | None:
    token = match["mon"] or match["mon2"]
    first, last = int(match["d1"] or match["e1"]), int(match["d2"] or match["e2"])
    year_text = match["year"] or match["year2"]
    if first >= last or _lower_verb(token, bool(year_text)):
        return None
    month = month_number(token)
    if year_text:
        start, end = _day(int(year_text), month, first), _day(int(year_text), month, last)
        if start is None or end is None:
            return None
        return _fixed(match.start(), match.end(), DateInterval(start.start, end.end))
    if safe_date(2024, month, last) is None:
        return None
    head = dates_named.yearless(month, first, text, match.start())

    def make(year: int) -> DateInterval | None:
        begin, stop = safe_date(year, month, first), safe_date(year, month, last)
        return None if begin is None or stop is None else DateInterval(begin, stop)

    def resolve(ref: date | None) -> DateInterval | None:
        anchor = head.resolve(ref)
        return None if anchor is None else make(anchor.start.year)

    return Candidate(match.start(), match.end(), resolve, True, make)


def _month_range(match: re.Match[str], text: str) -> Candidate | None:
    first, last, year = month_number(match["m1"]), month_number(match["m2"]), int(match["year"])
    start_year = year if first <= last else year - 1
    interval = DateInterval(date(start_year, first, 1), month_end(year, last))
    return _fixed(match.start(), match.end(), interval)


def _day(year: int, month: int, day: int) -> DateInterval | None:
    found = safe_date(year, month, day)
    return None if found is None else day_interval(found)


_RULES: tuple[tuple[re.Pattern[str], Builder], ...] = (
    (_MDY, _month_day),
    (_DMY, _day_month),
    (_MY, _month_year),
    (_NAMED_NUMERIC, _named_numeric),
    (_ISO, _iso),
    (_NUMERIC, _numeric),
    (_PART_YEAR, _part_year),
    (_QUARTER_YEAR, _quarter_year),
    (_SEASON, _season),
    (_DECADE, _decade),
    (_DAY_RANGE, _day_range),
    (_MONTH_RANGE, _month_range),
)
