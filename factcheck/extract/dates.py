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
and five", "15 April of 87". Holidays ("Christmas 2024", "last Easter") and a
weekday with a day ("Fri 14th") are in :mod:`.dates_holidays`; a weekday
before a written date joins its span ("Friday 5/12", "Tuesday, April 14").

Relative phrases ("late last year", "last week", "on Monday", "April 13"
without a year) come from :mod:`.dates_relative`; they carry
``detail="relative"`` and are resolved against ``context.reference_date``,
or emitted with ``value=None`` when there is none (never today's date).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from factcheck.extract import (
    dates_holidays,
    dates_named,
    dates_numeric,
    dates_ranges,
    dates_relative,
)
from factcheck.extract.dates_calendar import (
    DAY_WORD_PATTERN,
    MONTH_PATTERN,
    ORDINALS,
    WEEKDAY_PATTERN,
    Builder,
    Candidate,
    day_interval,
    day_word_value,
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
from factcheck.extract.years import SPELLED_YEAR_PATTERN, year_value
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
# A year after a day and month: digits, "'87", or spelled ("nineteen ninety-six").
_ANY_YEAR = (
    rf"(?:{_YEAR}|['\u2019]\d\d(?![\d%])|(?<=of\s)\d\d(?![\d%.,:]|\s*[a-z])"
    rf"|{SPELLED_YEAR_PATTERN})"
)
_OPT_YEAR = rf"(?:(?:\s*,\s*|\s+)(?:of\s+|in\s+)?(?P<year>{_ANY_YEAR}))?"
_MON = rf"(?P<mon>{MONTH_PATTERN})"
_PART = (
    r"(?:(?P<part>early|mid|late)[\s-]+"
    r"|(?:the\s+)?(?:very\s+)?(?P<part2>beginning|start|middle|end)\s+of\s+)"
)

_MDY = re.compile(
    rf"\b{_WD}{_MON}(?:\s?|/|,\s*(?=\d{{1,2}}(?:st|nd|rd|th)))(?:the\s+)?{_DAY}{_OPT_YEAR}{_TIME}",
    _I,
)
_DMY = re.compile(
    rf"(?<![\d.,$€£])\b{_WD}{_DAY}\s*(?P<of>of\s+)?{_MON}(?![a-z]){_OPT_YEAR}{_TIME}",
    _I,
)
_MY = re.compile(
    rf"\b{_PART}?{_MON}(?:\s*[,/-]\s*|\s+(?:of\s+|in\s+)?)(?P<year>{_ANY_YEAR})", _I
)
_NAMED_NUMERIC = re.compile(
    rf"\b(?P<year>{_YEAR})[-/]{_MON}[-/](?P<day>\d{{1,2}})\b"
    rf"|\b(?P<day2>\d{{1,2}})[-/](?P<mon2>{MONTH_PATTERN})[-/](?P<year2>{_YEAR})"
    rf"|\b(?P<mon3>{MONTH_PATTERN})-(?P<day3>\d{{1,2}})-(?P<year3>{_YEAR})",
    _I,
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
_D = r"(?:the\s+)?(?:[0-3]?\d(?:st|nd|rd|th)?(?!\d)|" + DAY_WORD_PATTERN + ")"
_DAY_RANGE = re.compile(
    rf"\b{_MON}\s?(?:the\s+)?(?P<d1>{_D})\s*(?:-|–|to|through|till|until)\s*"
    rf"(?P<d2>{_D}){_OPT_YEAR}"
    rf"|\b(?:(?P<between>between)\s+)?(?P<e1>{_D})\s*(?:-|–|to|through|till|until|and)\s*"
    rf"(?P<e2>{_D})\s+(?:of\s+)?(?P<mon2>{MONTH_PATTERN})(?![a-z])(?:,?\s+(?P<year2>{_YEAR}))?",
    _I,
)
_CENTURY = re.compile(r"\b(?:the\s+)?(?P<c>\d{1,2})(?:st|nd|rd|th)\s+century\b", _I)
# "the nineties", "the eighteen-eighties": a spelled decade needs "the" ("in the sixties").
_SPELLED_DECADE = re.compile(
    r"\bthe\s+(?:(?P<century>eighteen|nineteen)[\s-])?(?P<tens>(?:twen|thir|for|fif|six|seven"
    r"|eigh|nine)ties)\b(?!\s+(?:and|or)\s+(?:one|two|three|four|five|six|seven|eight|nine)\b)",
    _I,
)
# "20161016": a compact ISO date (8 digits, a valid date from 1900 on).
_COMPACT = re.compile(
    r"(?<![\w.,/-])(?P<year>(?:19|20)\d\d)(?P<month>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])"
    r"(?![\w/-]|[.,]\d|\s*(?:%|dollars|people|shares|units))"
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
    found.extend(dates_holidays.candidates(text, spans))
    found.extend(dates_ranges.bare_candidates(text))
    kept = dates_ranges.absorb_weekdays(text, dates_ranges.longest(found))
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
    full_name = len(token.strip(".")) > 3 and token.lower() != "march"
    if match["dayw"] and not (has_of or match["year"] or token[0].isupper() or full_name):
        return None  # "fourth of July", "January first", "february second"; not "march second"
    if _lower_verb(token, anchored) or day == 0:
        return None
    month = month_number(token)
    if match["year"]:
        year = year_value(match["year"])
        return None if year is None else _fixed(match.start(), match.end(), _day(year, month, day))
    if safe_date(2024, month, day) is None:
        return None
    found = dates_named.yearless(month, day, text, match.start())
    return Candidate(match.start(), match.end(), found.resolve, True, found.with_year)


def _day_month(match: re.Match[str], text: str) -> Candidate | None:
    if match["dayw"] and not match["of"]:
        return None  # "fourth of July" but not "second May"
    return _month_day(match, text)


def _month_year(match: re.Match[str], text: str) -> Candidate | None:
    year = year_value(match["year"])
    if year is None:
        return None
    whole = month_interval(year, month_number(match["mon"]))
    part = match["part"] or match["part2"]
    return _fixed(match.start(), match.end(), part_interval(whole, part) if part else whole)


def _named_numeric(match: re.Match[str], text: str) -> Candidate | None:
    year = match["year"] or match["year2"] or match["year3"]
    month = month_number(match["mon"] or match["mon2"] or match["mon3"])
    day = int(match["day"] or match["day2"] or match["day3"])
    return _fixed(match.start(), match.end(), _day(int(year), month, day))


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


def _century(match: re.Match[str], text: str) -> Candidate | None:
    number = int(match["c"])
    if not 1 <= number <= 22:
        return None
    first = (number - 1) * 100
    interval = DateInterval(date(max(first, 1), 1, 1), date(first + 99, 12, 31))
    return _fixed(match.start(), match.end(), interval)


def _spelled_decade(match: re.Match[str], text: str) -> Candidate | None:
    tens = {"twenties": 20, "thirties": 30, "forties": 40, "fifties": 50, "sixties": 60,
            "seventies": 70, "eighties": 80, "nineties": 90}[match["tens"].lower()]
    century = 1800 if (match["century"] or "").lower() == "eighteen" else 1900
    first = century + tens
    return _fixed(match.start(), match.end(),
                  DateInterval(date(first, 1, 1), date(first + 9, 12, 31)))


def _compact(match: re.Match[str], text: str) -> Candidate | None:
    return _fixed(match.start(), match.end(),
                  _day(int(match["year"]), int(match["month"]), int(match["day"])))


def _day_number(text: str) -> int:
    """17 for "17", "17th", "the seventeenth"."""
    text = re.sub(r"^the\s+", "", text.strip(), flags=re.IGNORECASE)
    digits = re.match(r"\d+", text)
    return int(digits[0]) if digits else day_word_value(text) or 0


def _day_range(match: re.Match[str], text: str) -> Candidate | None:
    token = match["mon"] or match["mon2"]
    first, last = _day_number(match["d1"] or match["e1"]), _day_number(match["d2"] or match["e2"])
    joiner = text[match.end("e1"):match.start("e2")].strip().lower() if match["e1"] else ""
    if joiner == "and" and not match["between"]:
        return None  # "18 and 19 June" is two days, not a range
    year_text = match["year"] or match["year2"]
    if year_text:
        year_text = str(year_value(year_text) or "")
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
    *dates_numeric.RULES,
    (_PART_YEAR, _part_year),
    (_QUARTER_YEAR, _quarter_year),
    (_SEASON, _season),
    (_DECADE, _decade),
    (_DAY_RANGE, _day_range),
    (_MONTH_RANGE, _month_range),
    (_CENTURY, _century),
    (_SPELLED_DECADE, _spelled_decade),
    (_COMPACT, _compact),
)
