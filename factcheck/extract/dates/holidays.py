"""Named days: holidays, and a weekday with a day of the month.

Holidays, with a year, "last"/"next"/"this", or alone (resolved like a
yearless date: the latest one, or the next one after a future cue)::

    "Christmas 2025" -> 2025-12-25;  "Easter 2018" -> 2018-04-01
    "last Easter" (reference 2019-06-12) -> 2019-04-21
    "Thanksgiving" -> the fourth Thursday of November (US);  "Black Friday" the day after
    "Labor Day" -> the first Monday of September (US);  "Easter Monday", "Good Friday"

US holidays follow US dates (Recognizers-Text and US news do). "Christmas"
alone is 25 December; "the Christmas period" or "Christmas season" are not
single days and are left alone.

A weekday with a day of the month, no month: the month of the reference date
when the weekday fits, otherwise the nearest month where it does (the latest
before the reference, or the first after it with a future cue)::

    "Fri 14th", "friday the 26th", "tuesday the eleventh", "on Sunday 31"
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from factcheck.extract.dates.calendar import (
    DAY_WORD_PATTERN,
    WEEKDAY_PATTERN,
    WEEKDAY_WORDS,
    Candidate,
    add_months,
    day_interval,
    day_word_value,
    future_cue,
    occurrence,
    safe_date,
    weekday_number,
)
from factcheck.extract.dates.scan import DIGITS, Rule, lead
from factcheck.model import DateInterval
from factcheck.regexes import compiled


def easter(year: int) -> date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month = (h + el - 7 * m + 114) // 31
    day = (h + el - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th (1-based; -1 = last) given weekday of a month."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = add_months(date(year, month, 1), 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _fixed(month: int, day: int) -> Callable[[int], date]:
    return lambda year: date(year, month, day)


def _nth(month: int, weekday: int, n: int, offset: int = 0) -> Callable[[int], date]:
    return lambda year: nth_weekday(year, month, weekday, n) + timedelta(days=offset)


def _easter(offset: int) -> Callable[[int], date]:
    return lambda year: easter(year) + timedelta(days=offset)


# Lower-case name pattern -> the holiday's date in a given year.
HOLIDAYS: dict[str, Callable[[int], date]] = {
    r"christmas\s+eve": _fixed(12, 24),
    r"christmas(?:\s+day)?|xmas": _fixed(12, 25),
    r"boxing\s+day": _fixed(12, 26),
    r"new\s+year['\u2019]?s\s+eve": _fixed(12, 31),
    r"new\s+year['\u2019]?s?\s+day": _fixed(1, 1),
    r"valentine['\u2019]?s\s+day": _fixed(2, 14),
    r"(?:saint|st\.?)\s+patrick['\u2019]?s?(?:\s+day)?": _fixed(3, 17),
    r"earth\s+day": _fixed(4, 22),
    r"(?:international\s+)?workers['\u2019]?\s+day|may\s+day": _fixed(5, 1),
    r"juneteenth": _fixed(6, 19),
    r"independence\s+day|(?:the\s+)?fourth\s+of\s+july": _fixed(7, 4),
    r"bastille\s+day": _fixed(7, 14),
    r"halloween": _fixed(10, 31),
    r"veterans\s+day|armistice\s+day": _fixed(11, 11),
    r"good\s+friday": _easter(-2),
    r"easter\s+monday": _easter(1),
    r"easter(?:\s+sunday)?": _easter(0),
    r"(?:martin\s+luther\s+king(?:\s+jr\.?)?|mlk)\s+day": _nth(1, 0, 3),
    r"presidents['\u2019]?\s+day": _nth(2, 0, 3),
    r"mother['\u2019]?s\s+day": _nth(5, 6, 2),
    r"memorial\s+day": _nth(5, 0, -1),
    r"father['\u2019]?s\s+day": _nth(6, 6, 3),
    r"labou?r\s+day": _nth(9, 0, 1),
    r"columbus\s+day": _nth(10, 0, 2),
    r"thanksgiving(?:\s+day)?": _nth(11, 3, 4),
    r"black\s+friday": _nth(11, 3, 4, 1),
    r"cyber\s+monday": _nth(11, 3, 4, 4),
}
_NAMES = list(HOLIDAYS)  # the more specific name first: "Easter Monday" before "Easter"
# "Labor Day weekend", "the weekend of Halloween": the weekend the holiday belongs to.
_HOLIDAY = (
    r"\b(?P<weekend_of>(?:the\s+)?weekend\s+of\s+)?(?:(?P<mod>last|this|next|previous|coming)\s+)?"
    r"(?P<name>" + "|".join(f"(?:{n})" for n in _NAMES) + r")\b"
    r"(?:(?:\s*,\s*|\s+)(?P<year>(?:1[89]|2[01])\d\d)(?!\d))?(?P<weekend>\s+weekend\b"
    r"(?:(?:\s*,\s*|\s+)(?P<year2>(?:1[89]|2[01])\d\d)(?!\d))?)?"
    r"(?(weekend)|(?!\s+(?:period|season|shopping|sales?|deals?|break|holidays?|tree|card|party)\b))"
)
# The first words of the names, for the trigger scan; frequent ones only before the next word.
_HOLIDAY_WORDS = (
    "christmas",
    "xmas",
    "boxing",
    "valentine",
    "valentines",
    "saint",
    "st",
    "earth",
    "workers",
    "international",
    "may",
    "juneteenth",
    "independence",
    "fourth",
    "bastille",
    "halloween",
    "veterans",
    "armistice",
    "easter",
    "martin",
    "mlk",
    "presidents",
    "mother",
    "mothers",
    "memorial",
    "father",
    "fathers",
    "labor",
    "labour",
    "columbus",
    "thanksgiving",
    "cyber",
)
_HOLIDAY_STARTS = (
    *_HOLIDAY_WORDS,
    *lead("new", ["year"]),
    *lead("good", ["friday"]),
    *lead("black", ["friday"]),
    *lead("the", ["fourth"]),
    *lead("this", (*_HOLIDAY_WORDS, "new", "good", "black")),
)

_WEEKDAY_DAY = (
    rf"\b(?P<wd>{WEEKDAY_PATTERN}|(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)\.?)\s*,?\s+"
    rf"(?:the\s+)?(?:(?P<day>[0-3]?\d)(?P<suffix>st|nd|rd|th)?(?!\d)|(?P<dayw>{DAY_WORD_PATTERN}))"
    r"(?!\s*[-/.:%]\s*\d)"
)


# "on the 18th": a day of the month alone, after a preposition.
_THE_NTH = r"\bthe\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?=\s*(?:[.,;:!?)]|$|and\b|or\b|at\b))"
_NTH_LEAD = compiled(r"\b(?:on|by|until|till|since|from|before|after)\s+\Z")


def _lookup(name: str) -> Callable[[int], date]:
    for pattern, make in HOLIDAYS.items():
        if re.fullmatch(pattern, name):
            return make
    raise KeyError(name)


def _holiday(match: re.Match[str], text: str) -> Candidate | None:
    name = " ".join(match["name"].split())
    if name == "may day" and text[match.start("name")] == "m":
        return None
    make = _lookup(name)
    weekend = bool(match["weekend"] or match["weekend_of"])

    def make_interval(year: int) -> DateInterval:
        return holiday_weekend(make(year)) if weekend else day_interval(make(year))

    if match["year"] or match["year2"]:
        fixed = make_interval(int(match["year"] or match["year2"]))
        return Candidate(match.start(), match.end(), lambda ref: fixed)
    mod = match["mod"] or ""
    future = future_cue(text, match.start())

    def resolve(ref: date | None) -> DateInterval | None:
        if ref is None:
            return None
        if mod == "this":
            return make_interval(ref.year)
        if mod in ("last", "previous"):
            return occurrence(ref - timedelta(days=1), make_interval, False)
        if mod in ("next", "coming"):
            return occurrence(ref + timedelta(days=1), make_interval, True)
        return occurrence(ref, make_interval, future)

    return Candidate(match.start(), match.end(), resolve, True, make_interval)


def holiday_weekend(day: date) -> DateInterval:
    """The holiday with the weekend it makes long: Sat-Mon for a Monday, Thu-Sun for a Thursday.

    Monday and Tuesday holidays join the weekend before; Wednesday to Friday
    ones the weekend after; a Saturday or Sunday holiday is its own weekend.
    """
    weekday = day.weekday()
    if weekday >= 5:
        saturday = day - timedelta(days=weekday - 5)
        return DateInterval(saturday, saturday + timedelta(days=1))
    if weekday <= 1:
        return DateInterval(day - timedelta(days=weekday + 2), day)
    return DateInterval(day, day + timedelta(days=6 - weekday))


_DAY_END = compiled(r"\s*(?:[.,;:!?()]|\bat\b|$)")


def _weekday_day(match: re.Match[str], text: str) -> Candidate | None:
    plain = match["day"] and not match["suffix"]
    if plain and not _DAY_END.match(text, match.end()):
        return None  # "Sunday 31 people": a count, not a day
    day = int(match["day"]) if match["day"] else day_word_value(match["dayw"]) or 0
    if not 1 <= day <= 31:
        return None
    weekday = weekday_number(match["wd"])
    return _nearest_day(match, day, weekday, future_cue(text, match.start()))


def _the_nth(match: re.Match[str], text: str) -> Candidate | None:
    lead = _NTH_LEAD.search(match.string, max(0, match.start() - 12), match.start())
    if lead is None:
        return None
    future = future_cue(text, lead.start())
    return _nearest_day(match, int(match["day"]), None, future, match.start())


def _nearest_day(
    match: re.Match[str],
    day: int,
    weekday: int | None,
    future: bool,
    start: int | None = None,
) -> Candidate | None:
    """Day ``day`` of the reference month when it fits (on ``weekday``), else the nearest."""
    if not 1 <= day <= 31:
        return None

    def fits(found: date | None) -> bool:
        return found is not None and (weekday is None or found.weekday() == weekday)

    def resolve(ref: date | None) -> DateInterval | None:
        if ref is None:
            return None
        here = safe_date(ref.year, ref.month, day)
        if here is not None and fits(here):
            return day_interval(here)
        found = []
        for step in range(-14, 15):
            month = add_months(date(ref.year, ref.month, 1), step)
            candidate = safe_date(month.year, month.month, day)
            if candidate is not None and fits(candidate):
                found.append(candidate)
        ahead = [d for d in found if d >= ref]
        behind = [d for d in found if d < ref]
        pick = (ahead[:1] if future else behind[-1:]) or ahead[:1] or behind[-1:]
        return day_interval(pick[0]) if pick else None

    return Candidate(match.start() if start is None else start, match.end(), resolve, True)


RULES = (
    Rule(
        _HOLIDAY,
        _holiday,
        (
            *_HOLIDAY_STARTS,
            "last",
            "next",
            "previous",
            "coming",
            *lead("weekend", ["of"]),
            *lead("the", ["weekend"]),
        ),
    ),
    Rule(_WEEKDAY_DAY, _weekday_day, WEEKDAY_WORDS),
    Rule(_THE_NTH, _the_nth, lead("the", [DIGITS])),
)
