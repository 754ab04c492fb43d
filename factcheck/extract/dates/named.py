"""Named periods without a year, resolved against the reference date.

Examples with reference date 2026-04-30 (a Thursday)::

    "last Tuesday" -> 2026-04-28   (the most recent Tuesday strictly before the
                                    reference date: published on a Tuesday, a week back)
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
from datetime import date, timedelta

from factcheck.extract.dates.calendar import (
    FULL_MONTH_WORDS,
    MONTH_PATTERN,
    MONTH_WORDS,
    ORDINAL_STARTS,
    ORDINALS,
    WEEKDAY_NAMES,
    WEEKDAY_PATTERN,
    Candidate,
    day_interval,
    future_cue,
    half_interval,
    month_interval,
    month_number,
    normalise_spaces,
    nth_week,
    occurrence,
    part_interval,
    quarter_interval,
    weekday_number,
    year_interval,
)
from factcheck.extract.dates.scan import DIGITS, Rule, lead
from factcheck.extract.lazy import lazy
from factcheck.model import DateInterval
from factcheck.regexes import compiled

_I = re.IGNORECASE
_WEEKDAY = (
    r"(?<!black\s)(?<!good\s)(?<!cyber\s)(?<!super\s)(?<!holy\s)(?<!ash\s)"
    r"\b(?:(?P<mod>last|this\s+past|this\s+coming|this|next|coming|past|previous)\s+)?"
    rf"(?P<wd>{WEEKDAY_PATTERN})(?!s\b|\s+(?:times|telegraph|express|mirror|post|herald)\b)\b"
)
# A month alone is a date after a modifier or a preposition ("last May", "in May"), or
# as an end of a range ("May to March", "from Sep to Nov"; abbreviations only there).
_MONTH = (
    r"\b(?:(?P<mod>last|this|next|early|mid|late)[\s-]+)?"
    rf"(?P<mon>{MONTH_PATTERN})(?![a-z]|-[a-z])(?!\s*[-/.,]?\s*\d)"
)
_MONTH_LEAD = compiled(r"\b(?:in|since|until|till|by|from|through|during|to|and|between)\s+\Z")
_JOIN = r"\s*(?:-|\u2013|to|through|till|until|and)\s*"
_RANGE_NEXT = lazy(rf"{_JOIN}{MONTH_PATTERN}(?![a-z])")
_RANGE_BEFORE = lazy(rf"\b{MONTH_PATTERN}{_JOIN}\Z")
_QUARTER = (
    r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+"
    r"(?P<unit>quarter|half)\b(?:\s+of\s+(?P<which>last|this|next|the)\s+(?:fiscal\s+)?year\b)?"
    r"|\b(?P<q>q[1-4])\b(?:\s+(?:of\s+)?(?P<which2>last|this|next)\s+year\b)?"
)
_YEAR = r"(?:1[89]|2[01])\d\d(?!\d)"
_WEEK_OF = (
    r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+week\s+of\s+"
    rf"(?:(?P<mon>{MONTH_PATTERN})(?![a-z])(?:,?\s+(?P<year>{_YEAR}))?|(?P<year2>{_YEAR})"
    r"|(?P<which>last|this|next)\s+(?P<unit>month|year))"
)
_WEEK_DAY = (
    r"\b(?P<which>last|this|next)\s+week(?:['\u2019]s)?\s+(?:on\s+)?"
    rf"(?P<wd>{WEEKDAY_PATTERN})\b"
    rf"|\b(?P<wd2>{WEEKDAY_PATTERN})\s+(?:of\s+)?(?P<which2>last|this|next)\s+week\b"
)


def _weekday(match: re.Match[str], text: str) -> Candidate:
    weekday = weekday_number(match["wd"])
    mod = normalise_spaces(match["mod"] or "")
    future = future_cue(text, match.start())

    def resolve(ref: date | None) -> DateInterval | None:
        if ref is None:
            return None
        monday = ref - timedelta(days=ref.weekday())
        if mod in ("last", "previous"):
            return day_interval(ref - timedelta(days=(ref.weekday() - weekday - 1) % 7 + 1))
        if mod in ("next", "coming"):
            return day_interval(monday + timedelta(days=weekday + 7))
        if mod == "this":
            return day_interval(monday + timedelta(days=weekday))
        back = (ref.weekday() - weekday) % 7
        if mod in ("past", "this past") or (not mod and not future):
            return day_interval(ref - timedelta(days=back))
        return day_interval(ref + timedelta(days=(weekday - ref.weekday()) % 7))

    def after(day: date) -> DateInterval:
        return day_interval(day + timedelta(days=(weekday - day.weekday()) % 7))

    return Candidate(
        match.start(), match.end(), resolve, relative=True, after=None if mod else after
    )


def _month(match: re.Match[str], text: str) -> Candidate | None:
    token, low, name = text[match.start("mon") : match.end("mon")], match.string, match["mon"]
    full = name.rstrip(".") in FULL_MONTH_WORDS
    if name.rstrip(".") in ("may", "march", "mar") and not token[0].isupper():
        return None  # verbs: "it may fall", "they march on"
    month = month_number(token)
    mod, cue_at = match["mod"] or "", match.start()
    if not mod:
        lead = _MONTH_LEAD.search(low, max(0, cue_at - 12), cue_at)
        in_range = _RANGE_NEXT().match(low, match.end()) or _RANGE_BEFORE().search(
            low, max(0, cue_at - 16), cue_at
        )
        if not (in_range or (lead and full)):
            return None
        cue_at = lead.start() if lead else cue_at
    future = future_cue(text, cue_at)

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
    end = match.end()
    if full and name.endswith("."):
        end -= 1  # "in May.": the full stop ends the sentence
    return Candidate(match.start(), end, resolve, relative=True, with_year=anchor)


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
                month_interval(*divmod_month(ref, step))
                if unit == "month"
                else year_interval(ref.year + step)
            )
        else:
            found = occurrence(ref, period, future, lookahead=31)
            if found is None:
                return None
            whole = found
        return nth_week(whole, index)

    return Candidate(match.start(), match.end(), resolve, relative=not fixed_year)


def divmod_month(ref: date, step: int) -> tuple[int, int]:
    """(year, month) of the month ``step`` months from ``ref``'s."""
    year, month0 = divmod(ref.year * 12 + ref.month - 1 + step, 12)
    return year, month0 + 1


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
    following = text[match.end() : match.end() + 12]
    return re.match(r"\s*(?:of\s+|,\s*|-\s*)?(?:fy\s*)?(?:\d{4}|'\d\d)", following, _I) is not None


def _quarter_rule(match: re.Match[str], text: str) -> Candidate | None:
    # "Q1 2026" / "the first quarter of 2026" are absolute: left to dates.py.
    if not (match["which"] or match["which2"]) and _quarter_has_year(match, text):
        return None
    if match["unit"] and match["unit"].lower() == "half" and not match["which"]:
        return None  # a bare "second half" is too often not a date (sport, a film)
    return _quarter(match, text)


_ORDINALS = (*ORDINAL_STARTS, DIGITS)
RULES = (
    Rule(
        _WEEKDAY,
        _weekday,
        (
            *WEEKDAY_NAMES,
            "last",
            "next",
            "coming",
            "past",
            "previous",
            *lead("this", (*WEEKDAY_NAMES, "past", "coming")),
        ),
    ),
    Rule(_WEEK_OF, _week_of, (*_ORDINALS, *lead("the", _ORDINALS))),
    Rule(_WEEK_DAY, _week_day, (*WEEKDAY_NAMES, "last", "next", *lead("this", ["week"]))),
    Rule(
        _MONTH,
        _month,
        (*MONTH_WORDS, "last", "next", "early", "mid", "late", *lead("this", FULL_MONTH_WORDS)),
    ),
    Rule(_QUARTER, _quarter_rule, (*_ORDINALS, "q", *lead("the", _ORDINALS))),
)
