"""Calendar arithmetic and shared vocabulary for the date extractors.

Pure helpers, no regex matching of whole phrases (that lives in
:mod:`.dates` and :mod:`.dates_relative`)::

    month_interval(2025, 11)       -> 2025-11-01 .. 2025-11-30
    part_interval(year_interval(2025), "late")   -> 2025-09-01 .. 2025-12-31
    add_months(date(2024, 3, 31), -1)            -> 2024-02-29
    number_value("three") -> 3;  number_value("a couple of") -> 2

Conventions: intervals are inclusive; weeks run Monday to Sunday (ISO);
"early/mid/late" split a year into Jan-Apr / May-Aug / Sep-Dec and a month
into days 1-10 / 11-20 / 21-end.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from factcheck.dataclass import dataclass
from factcheck.extract.lazy import lazy
from factcheck.extract.vocabulary import ORDINAL_WORDS, UNITS
from factcheck.model import DateInterval
from factcheck.regexes import compiled

Resolver = Callable[[date | None], DateInterval | None]


@dataclass(frozen=True, slots=True)
class Candidate:
    """A date phrase found by one rule, resolved lazily against a reference date.

    ``with_year`` re-anchors a yearless date ("April 9") to a given year, so
    ranges such as "April 9 to May 3, 2026" can borrow the year of their end;
    ``after`` reads a bare weekday as the first one on or after a given day,
    the end of "from next Monday to Friday".
    ``bare`` marks pieces that are dates only as the end of a range: "year"
    ("from 2014 to 2018") or "now" ("between Jan 2019 and now").
    """

    start: int
    end: int
    resolve: Resolver
    relative: bool = False
    with_year: Callable[[int], DateInterval | None] | None = None
    bare: str = ""
    after: Callable[[date], DateInterval | None] | None = None


MONTHS: dict[str, int] = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
# Full names and common abbreviations ("Sept.", "Dec."); case-insensitive use.
MONTH_PATTERN = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\.(?!\d))?"
)
WEEKDAYS: dict[str, int] = {
    "mon": 0,
    "tue": 1,
    "wed": 2,
    "thu": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
WEEKDAY_PATTERN = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
ORDINALS: dict[str, int] = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}
_UNITS = ORDINAL_WORDS[:9]
_TEENS = ORDINAL_WORDS[9:]
DAY_WORDS: dict[str, int] = {
    **{word: i + 1 for i, word in enumerate(_UNITS)},
    **{word: i + 10 for i, word in enumerate(_TEENS)},
    "twentieth": 20,
    "thirtieth": 30,
    "thirty first": 31,
    **{f"twenty {word}": i + 21 for i, word in enumerate(_UNITS)},
    # Cardinals after a month name: "May twenty nine".
    **{f"twenty {word}": i + 21 for i, word in enumerate(UNITS[1:])},
    "thirty one": 31,
}
# The days as words. No day is a word before a space or hyphen in another ("twenty"
# alone is none), so at most one matches at a place and the order of the
# alternatives is free: written short, as it is compiled into eight date rules.
DAY_WORD_PATTERN = (
    rf"(?:(?:(?:twenty|thirty)[\s-]?)?(?:{'|'.join(_UNITS)})"
    rf"|twenty[\s-](?:{'|'.join(UNITS[1:])})|thirty[\s-]one|t(?:went|hirt)ieth"
    rf"|{'|'.join(_TEENS[:3])}|(?:{'|'.join(t.removesuffix('teenth') for t in _TEENS[3:])})teenth"
    r")\b"
)
NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "eighteen": 18,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "a couple of": 2,
    "couple of": 2,
    "couple": 2,
}
NUMBER_PATTERN = (
    r"(?:\d{1,3}|a\s+couple\s+of|couple\s+of|couple|"
    + "|".join(sorted((w for w in NUMBER_WORDS if " " not in w), key=len, reverse=True))
    + r")"
)
_SPACES = compiled(r"\s+")

# Words a date phrase can begin with: the trigger vocabulary of :mod:`.dates_scan`.
FULL_MONTH_WORDS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
MONTH_WORDS = (*FULL_MONTH_WORDS, *MONTHS, "sept")
WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_WORDS = (*WEEKDAY_NAMES, *WEEKDAYS, "tues", "thur", "thurs")
DAY_WORD_STARTS = (*_UNITS, *_TEENS, "twentieth", "thirtieth", "twenty", "thirty")
NUMBER_STARTS = tuple(w for w in NUMBER_WORDS if " " not in w)
ORDINAL_STARTS = ("first", "second", "third", "fourth", "final", "last")

# Parts of a period, as the index of its third.
PARTS: dict[str, int] = {
    "early": 0,
    "beginning": 0,
    "start": 0,
    "mid": 1,
    "middle": 1,
    "late": 2,
    "end": 2,
}


def number_value(word: str) -> int:
    """Integer value of a digit string or a small number word."""
    word = _SPACES.sub(" ", word.strip().lower())
    return int(word) if word.isdigit() else NUMBER_WORDS[word]


def day_word_value(word: str) -> int | None:
    return DAY_WORDS.get(normalise_spaces(word.replace("-", " ")))


def month_number(token: str) -> int:
    return MONTHS[token.strip(".").lower()[:3]]


def weekday_number(token: str) -> int:
    return WEEKDAYS[token.lower()[:3]]


def safe_date(year: int, month: int, day: int) -> date | None:
    """The date, or None when it does not exist (Feb 30, month 13)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def day_interval(day: date) -> DateInterval:
    return DateInterval(day, day)


def month_interval(year: int, month: int) -> DateInterval:
    return DateInterval(date(year, month, 1), month_end(year, month))


def year_interval(year: int) -> DateInterval:
    return DateInterval(date(year, 1, 1), date(year, 12, 31))


def quarter_interval(year: int, quarter: int) -> DateInterval:
    first = 3 * (quarter - 1) + 1
    return DateInterval(date(year, first, 1), month_end(year, first + 2))


def half_interval(year: int, half: int) -> DateInterval:
    first = 1 if half == 1 else 7
    return DateInterval(date(year, first, 1), month_end(year, first + 5))


def week_interval(day: date) -> DateInterval:
    """The Monday-to-Sunday week containing ``day``."""
    monday = day - timedelta(days=day.weekday())
    return DateInterval(monday, monday + timedelta(days=6))


def nth_week(whole: DateInterval, index: int) -> DateInterval | None:
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


def add_months(day: date, months: int) -> date:
    """Shift by whole months, clamping the day (Mar 31 - 1 month = Feb 28/29)."""
    index = day.year * 12 + day.month - 1 + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(day.day, last))


def shift(day: date, amount: int, unit: str) -> date:
    """``day`` moved by ``amount`` units (day, week, month, quarter, year, decade)."""
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return day + timedelta(days=amount)
    if unit in ("week", "fortnight", "weekend"):
        return day + timedelta(days=amount * (14 if unit == "fortnight" else 7))
    factor = {"month": 1, "quarter": 3, "year": 12, "decade": 120}[unit]
    return add_months(day, amount * factor)


def unit_interval(day: date, unit: str) -> DateInterval:
    """The calendar week/month/quarter/year/decade containing ``day``."""
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return day_interval(day)
    if unit == "week":
        return week_interval(day)
    if unit == "month":
        return month_interval(day.year, day.month)
    if unit == "quarter":
        return quarter_interval(day.year, (day.month - 1) // 3 + 1)
    if unit == "decade":
        start = day.year - day.year % 10
        return DateInterval(date(start, 1, 1), date(start + 9, 12, 31))
    return year_interval(day.year)


def part_interval(whole: DateInterval, part: str) -> DateInterval:
    """Early/mid/late third of a year (by months) or of a month (by days)."""
    index = PARTS[part.lower()]
    start, end = whole.start, whole.end
    if start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31:
        step = ((end.year - start.year) * 12 + 12) // 3
        first = add_months(start, index * step)
        last = add_months(start, (index + 1) * step) - timedelta(days=1)
        return DateInterval(first, end if index == 2 else last)
    days = (end - start).days + 1
    step = 10 if days >= 28 else max(days // 3, 1)
    first = start + timedelta(days=index * step)
    last = end if index == 2 else first + timedelta(days=step - 1)
    return DateInterval(first, last)


def normalise_spaces(text: str) -> str:
    return _SPACES.sub(" ", text.strip().lower())


# The present tense of a scheduled event ("reopens", "takes effect") points ahead too.
_FUTURE_CUE = lazy(
    r"\b(?:will|won't|would|shall|plans?|planned|planning|expects?|expected|scheduled"
    r"|set\s+to|(?<!was\s)(?<!were\s)due|upcoming|intends?|aims?|going\s+to|to\s+be|forecasts?"
    r"|could|might|until|starting|launch(?:es)?|begins?|(?:re)?opens?|resumes|expires"
    r"|takes?\s+effect|(?:comes?|goes?)\s+into\s+(?:effect|force)|kicks?\s+off)\b|'ll\b",
    re.IGNORECASE,
)
# Plain past narration: a yearless range after it is one already over.
_PAST_CUE = compiled(
    r"\b(?:was|were|had|did|happened|occurred|took\s+place|lasted|ended)\b", re.IGNORECASE
)
_SENTENCE_END = compiled(r"[.!?\n]\s")


def future_cue(text: str, position: int, window: int = 60) -> bool:
    """True when the words just before ``position`` (same sentence) point ahead."""
    before = text[max(0, position - window) : position]
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    if ends:
        before = before[ends[-1] :]
    return _FUTURE_CUE().search(before) is not None


def past_cue(text: str, position: int, window: int = 60) -> bool:
    """True when the words just before ``position`` (same sentence) narrate the past."""
    before = text[max(0, position - window) : position]
    ends = [m.end() for m in _SENTENCE_END.finditer(before)]
    if ends:
        before = before[ends[-1] :]
    return _PAST_CUE.search(before) is not None and _FUTURE_CUE().search(before) is None


def occurrence(
    ref: date,
    make: Callable[[int], DateInterval | None],
    future: bool,
    lookahead: int = 0,
    over: bool = False,
) -> DateInterval | None:
    """Pick the year for a yearless date ("April 9", "November", "Q1").

    Past-leaning, as news is: the latest occurrence starting no later than
    ``lookahead`` days after ``ref``; with a future cue ("will", "plans"),
    the earliest occurrence not yet over; with ``over`` (a range told in the
    past tense), the latest one already over.
    """
    options = [i for y in range(ref.year - 4, ref.year + 5) if (i := make(y)) is not None]
    if future:
        ahead = [i for i in options if i.end >= ref]
        return ahead[0] if ahead else None
    if over:
        ended = [i for i in options if i.end <= ref]
        return ended[-1] if ended else None
    limit = ref + timedelta(days=lookahead)
    behind = [i for i in options if i.start <= limit]
    return behind[-1] if behind else None
