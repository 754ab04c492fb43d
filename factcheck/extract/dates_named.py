"""Named periods without a year, resolved against the reference date.

Examples with reference date 2026-04-30 (a Thursday)::

    "last Friday"  -> 2026-04-24   (Friday of the previous Monday-Sunday week)
    "next Tuesday" -> 2026-05-05;  "this Friday" -> 2026-05-01
    "on Monday"    -> 2026-04-27   (latest; "will ... on Monday" -> 2026-05-04)
    "in November"  -> 2025-11      (latest starting within a month; with a future
                                    cue such as "will" or "plans": 2026-11)
    "last November" -> 2025-11;  "the first quarter" -> 2026-Q1
    "the last week of July" -> 2025-07-21 .. 2025-07-27
    "April 13" (yearless, built by :mod:`.dates`) -> 2026-04-13

A week belongs to the month (or year) that holds its Thursday, as in ISO 8601.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from factcheck.extract.dates_calendar import (
    FULL_MONTH_PATTERN,
    MONTH_PATTERN,
    ORDINALS,
    WEEKDAY_PATTERN,
    Candidate,
    Span,
    day_interval,
    future_cue,
    half_interval,
    month_interval,
    month_number,
    normalise_spaces,
    occurrence,
    part_interval,
    quarter_interval,
    scan,
    weekday_number,
    year_interval,
)
from factcheck.model import DateInterval

_I = re.IGNORECASE
_WEEKDAY = re.compile(
    r"(?<!black\s)(?<!good\s)(?<!cyber\s)(?<!super\s)(?<!holy\s)(?<!ash\s)"
    r"\b(?:(?P<mod>last|this\s+past|this\s+coming|this|next|coming|past|previous)\s+)?"
    rf"(?P<wd>{WEEKDAY_PATTERN})(?!s\b|\s+(?:Times|Telegraph|Express|Mirror|Post|Herald)\b)\b",
    _I,
)
_MONTH = re.compile(
    r"\b(?:(?P<prep>in|since|until|till|by|from|through|during|to|and|between)\s+"
    r"|(?P<mod>last|this|next|early|mid|late)[\s-]+)"
    rf"(?P<mon>{FULL_MONTH_PATTERN})\b(?!\s*[-/.,]?\s*\d)",
    _I,
)
_QUARTER = re.compile(
    r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+"
    r"(?P<unit>quarter|half)\b(?:\s+of\s+(?P<which>last|this|next|the)\s+(?:fiscal\s+)?year\b)?"
    r"|\b(?P<q>Q[1-4])\b(?:\s+(?:of\s+)?(?P<which2>last|this|next)\s+year\b)?",
    _I,
)
_YEAR = r"(?:1[89]|2[01])\d\d(?!\d)"
_WEEK_OF = re.compile(
    r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+week\s+of\s+"
    rf"(?:(?P<mon>{MONTH_PATTERN})(?![a-z])(?:,?\s+(?P<year>{_YEAR}))?|(?P<year2>{_YEAR})"
    r"|(?P<which>last|this|next)\s+(?P<unit>month|year))",
    _I,
)
_WEEK_DAY = re.compile(
    r"\b(?P<which>last|this|next)\s+week(?:['\u2019]s)?\s+(?:on\s+)?"
    rf"(?P<wd>{WEEKDAY_PATTERN})\b"
    rf"|\b(?P<wd2>{WEEKDAY_PATTERN})\s+(?:of\s+)?(?P<which2>last|this|next)\s+week\b",
    _I,
)


def candidates(text: str, spans: Sequence[Span]) -> Iterator[Candidate]:
    """Every named-period phrase within ``spans`` of ``text`` (possibly overlapping)."""
    return scan(_RULES, text, spans)


def _weekday(match: re.Match[str], text: str) -> Candidate:
    weekday = weekday_number(match["wd"])
    mod = normalise_spaces(match["mod"] or "")
    future = future_cue(text, match.start())

    def resolve(ref: date | None) -> DateInterval | None:
        if ref is None:
            return None
        monday = ref - timedelta(days=ref.weekday())
        if mod in ("last", "previous"):
            return day_interval(monday + timedelta(days=weekday - 7))
        if mod in ("next", "coming"):
            return day_interval(monday + timedelta(days=weekday + 7))
        if mod == "this":
            return day_interval(monday + timedelta(days=weekday))
        back = (ref.weekday() - weekday) % 7
        if mod in ("past", "this past") or (not mod and not future):
            return day_interval(ref - timedelta(days=back))
        return day_interval(ref + timedelta(days=(weekday - ref.weekday()) % 7))

    return Candidate(match.start(), match.end(), resolve, relative=True)


def _month(match: re.Match[str], text: str) -> Candidate | None:
    token = match["mon"]
    if token.lower() in ("may", "march") and not token[0].isupper():
        return None  # verbs: "it may fall", "they march on"
    month = month_number(token)
    mod = (match["mod"] or "").lower()
    future = future_cue(text, match.start())
    start = match.start("mon") if match["prep"] else match.start()

    def make(year: int) -> DateInterval:
        return month_interval(year, month)

    def resolve(ref: date | None) -> DateInterval | None:
        if ref is None:
            return None
        if mod == "this":
            return make(ref.year)
        if mod == "last":
            return make(ref.year if month < ref.month else ref.year - 1)
        if mod == "next":
            return make(ref.year if month > ref.month else ref.year + 1)
        chosen = occurrence(ref, make, future, lookahead=31)
        if chosen is not None and mod in ("early", "mid", "late"):
            return part_interval(chosen, mod)
        return chosen

    anchor = None if mod else make
    return Candidate(start, match.end(), resolve, relative=True, with_year=anchor)


def _week_of(match: re.Match[str], text: str) -> Candidate | None:
    ordinal = match["ord"].lower()
    index = -1 if ordinal in ("last", "final") else ORDINALS[ordinal] - 1
    month = month_number(match["mon"]) if match["mon"] else None
    fixed_year = match["year"] or match["year2"]
    which, unit = (match["which"] or "").lower(), (match["unit"] or "").lower()
    future = future_cue(text, match.start())

    def period(year: int) -> DateInterval:
        return month_interval(year, month) if month else year_interval(year)

    def resolve(ref: date | None) -> DateInterval | None:
        if fixed_year:
            whole = period(int(fixed_year))
        elif ref is None:
            return None
        elif unit:
            step = {"last": -1, "this": 0, "next": 1}[which]
            whole = (
                month_interval(*divmod_month(ref, step)) if unit == "month"
                else year_interval(ref.year + step)
            )
        else:
            found = occurrence(ref, period, future, lookahead=31)
            if found is None:
                return None
            whole = found
        return _nth_week(whole, index)

    return Candidate(match.start(), match.end(), resolve, relative=not fixed_year)


def divmod_month(ref: date, step: int) -> tuple[int, int]:
    """(year, month) of the month ``step`` months from ``ref``'s."""
    year, month0 = divmod(ref.year * 12 + ref.month - 1 + step, 12)
    return year, month0 + 1


def _nth_week(whole: DateInterval, index: int) -> DateInterval | None:
    """The index-th Monday-Sunday week whose Thursday lies in ``whole`` (-1: the last)."""
    thursday = whole.start + timedelta(days=(3 - whole.start.weekday()) % 7)
    thursdays = []
    while thursday <= whole.end:
        thursdays.append(thursday)
        thursday += timedelta(days=7)
    if not -len(thursdays) <= index < len(thursdays):
        return None
    monday = thursdays[index] - timedelta(days=3)
    return DateInterval(monday, monday + timedelta(days=6))


def _week_day(match: re.Match[str], text: str) -> Candidate:
    weekday = weekday_number(match["wd"] or match["wd2"])
    step = {"last": -1, "this": 0, "next": 1}[(match["which"] or match["which2"]).lower()]

    def resolve(ref: date | None) -> DateInterval | None:
        if ref is None:
            return None
        monday = ref - timedelta(days=ref.weekday())
        return day_interval(monday + timedelta(days=7 * step + weekday))

    return Candidate(match.start(), match.end(), resolve, relative=True)


def _quarter(match: re.Match[str], text: str) -> Candidate:
    if match["q"]:
        unit, index, which = "quarter", int(match["q"][1]), (match["which2"] or "").lower()
    else:
        unit, which = match["unit"].lower(), (match["which"] or "").lower()
        ord_word = match["ord"].lower()
        index = ORDINALS.get(ord_word, 4 if unit == "quarter" else 2)
    if unit == "half" and index > 2:
        index = 2
    future = future_cue(text, match.start())

    def make(year: int) -> DateInterval:
        return quarter_interval(year, index) if unit == "quarter" else half_interval(year, index)

    def resolve(ref: date | None) -> DateInterval | None:
        if ref is None:
            return None
        if which in ("this", "the"):
            return make(ref.year)
        if which in ("last", "next"):
            return make(ref.year + (1 if which == "next" else -1))
        return occurrence(ref, make, future)

    return Candidate(match.start(), match.end(), resolve, relative=True)


def yearless(month: int, day: int | None, text: str, position: int) -> Candidate:
    """Resolver pieces for "April 13" / "13 April" without a year (used by :mod:`.dates`)."""
    future = future_cue(text, position)

    def make(year: int) -> DateInterval | None:
        if day is None:
            return month_interval(year, month)
        try:
            return day_interval(date(year, month, day))
        except ValueError:
            return None

    def resolve(ref: date | None) -> DateInterval | None:
        return None if ref is None else occurrence(ref, make, future, lookahead=7)

    return Candidate(position, position, resolve, relative=True, with_year=make)


def _quarter_has_year(match: re.Match[str], text: str) -> bool:
    following = text[match.end():match.end() + 12]
    return re.match(r"\s*(?:of\s+|,\s*|-\s*)?(?:fy\s*)?(?:\d{4}|'\d\d)", following, _I) is not None


def _quarter_rule(match: re.Match[str], text: str) -> Candidate | None:
    # "Q1 2026" / "the first quarter of 2026" are absolute: left to dates.py.
    if not (match["which"] or match["which2"]) and _quarter_has_year(match, text):
        return None
    if match["unit"] and match["unit"].lower() == "half" and not match["which"]:
        return None  # a bare "second half" is too often not a date (sport, a film)
    return _quarter(match, text)


_RULES = (
    (_WEEKDAY, _weekday),
    (_WEEK_OF, _week_of),
    (_WEEK_DAY, _week_day),
    (_MONTH, _month),
    (_QUARTER, _quarter_rule),
)
