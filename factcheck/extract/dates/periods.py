"""Absolute periods longer than a month: parts of years, quarters, seasons, decades.

    "early 2026" -> Jan-Apr;  "mid-2025" -> May-Aug;  "late 2025" -> Sep-Dec
    "the end of 2027" -> Sep-Dec 2027 (beginning/middle/end are early/mid/late)
    "Q1 2026" / "the first quarter of 2026" / "2019 H2" -> that quarter or half
    "the first half of 2025" -> Jan-Jun;  "spring 2025" -> Mar-May
    "winter 2025" -> 2025-12-01 .. 2026-02-28 (the winter starting that December)
    "the 1990s", "the early 1990s", "the nineties", "the 21st century"

Yearless quarters ("the first quarter", "Q1 last year") are relative and
live in :mod:`.dates_named`.
"""

from __future__ import annotations

import re
from datetime import date

from factcheck.extract.dates.calendar import (
    ORDINAL_STARTS,
    ORDINALS,
    Candidate,
    half_interval,
    month_end,
    part_interval,
    quarter_interval,
    year_interval,
)
from factcheck.extract.dates.scan import DIGITS, Rule, lead
from factcheck.model import DateInterval

YEAR = r"(?:1[89]|2[01])\d\d(?!\d)"
# "early", "mid-", "the (very) end of": a third of the period that follows.
PART = (
    r"(?:(?P<part>early|mid|late)[\s-]+"
    r"|(?:the\s+)?(?:very\s+)?(?P<part2>beginning|start|middle|end)\s+of\s+)"
)
_PART_NOUNS = ("beginning", "start", "middle", "end")
PART_STARTS = (
    "early",
    "mid",
    "late",
    *lead("the", ("very", *_PART_NOUNS)),
    *lead("very", _PART_NOUNS),
    *(word for noun in _PART_NOUNS for word in lead(noun, ["of"])),
)

_PART_YEAR = rf"\b{PART}(?:the\s+year\s+)?(?P<year>{YEAR})"
_QUARTER_YEAR = (
    r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+"
    r"(?P<unit>quarter|half)(?:\s+of|,)?\s+(?:(?:the\s+)?(?:fiscal|calendar)\s+(?:year\s+)?)?"
    rf"(?P<year>{YEAR})"
    rf"|\b(?P<q>[qh][1-4])(?:\s*(?:of\s+|,\s*|-\s*|\s+))(?P<year2>{YEAR})"
    rf"|\b(?P<year3>{YEAR})[\s-]?(?P<q3>[qh][1-4])\b"
)
_SEASON = (
    r"\b(?:the\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+of)?,?\s+"
    rf"(?P<year>{YEAR})"
)
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}
_DECADE = r"\b(?:the\s+)?(?:(?P<part>early|mid|late)[\s-]+)?(?P<decade>1[89]\d0|20\d0)['\u2019]?s\b"
_CENTURY = r"\b(?:the\s+)?(?P<c>\d{1,2})(?:st|nd|rd|th)\s+century\b"
# "the nineties", "the eighteen-eighties": a spelled decade needs "the" ("in the sixties").
_TENS = (
    "twenties",
    "thirties",
    "forties",
    "fifties",
    "sixties",
    "seventies",
    "eighties",
    "nineties",
)
_SPELLED_DECADE = (
    r"\bthe\s+(?:(?P<century>eighteen|nineteen)[\s-])?(?P<tens>(?:twen|thir|for|fif|six|seven"
    r"|eigh|nine)ties)\b(?!\s+(?:and|or)\s+(?:one|two|three|four|five|six|seven|eight|nine)\b)"
)


def fixed(start: int, end: int, interval: DateInterval | None) -> Candidate | None:
    """A candidate whose value does not depend on the reference date."""
    if interval is None:
        return None

    def resolve(ref: date | None) -> DateInterval:
        return interval

    return Candidate(start, end, resolve)


def _part_year(match: re.Match[str], text: str) -> Candidate | None:
    part = match["part"] or match["part2"]
    whole = year_interval(int(match["year"]))
    return fixed(match.start(), match.end(), part_interval(whole, part))


def _quarter_year(match: re.Match[str], text: str) -> Candidate | None:
    if match["q"] or match["q3"]:
        code = match["q"] or match["q3"]
        unit, index = ("half" if code[0] == "h" else "quarter"), int(code[1])
        year = int(match["year2"] or match["year3"])
    else:
        unit, year = match["unit"], int(match["year"])
        index = ORDINALS.get(match["ord"], 4 if unit == "quarter" else 2)
    if unit == "half" and index > 2:
        return None
    interval = quarter_interval(year, index) if unit == "quarter" else half_interval(year, index)
    return fixed(match.start(), match.end(), interval)


def _season(match: re.Match[str], text: str) -> Candidate | None:
    season, year = match["season"], int(match["year"])
    if season == "winter":  # the winter that starts in December of that year
        interval = DateInterval(date(year, 12, 1), month_end(year + 1, 2))
    else:
        first, last = _SEASONS[season]
        interval = DateInterval(date(year, first, 1), month_end(year, last))
    return fixed(match.start(), match.end(), interval)


def _decade(match: re.Match[str], text: str) -> Candidate | None:
    first = int(match["decade"])
    whole = DateInterval(date(first, 1, 1), date(first + 9, 12, 31))
    part = match["part"]
    return fixed(match.start(), match.end(), part_interval(whole, part) if part else whole)


def _century(match: re.Match[str], text: str) -> Candidate | None:
    number = int(match["c"])
    if not 1 <= number <= 22:
        return None
    first = (number - 1) * 100
    interval = DateInterval(date(max(first, 1), 1, 1), date(first + 99, 12, 31))
    return fixed(match.start(), match.end(), interval)


def _spelled_decade(match: re.Match[str], text: str) -> Candidate | None:
    century = 1800 if match["century"] == "eighteen" else 1900
    first = century + 10 * (_TENS.index(match["tens"]) + 2)
    return fixed(
        match.start(), match.end(), DateInterval(date(first, 1, 1), date(first + 9, 12, 31))
    )


_SEASON_WORDS = ("spring", "summer", "autumn", "fall", "winter")
RULES = (
    Rule(_PART_YEAR, _part_year, PART_STARTS),
    Rule(
        _QUARTER_YEAR,
        _quarter_year,
        (*ORDINAL_STARTS, DIGITS, "q", "h", *lead("the", (*ORDINAL_STARTS, DIGITS))),
    ),
    Rule(_SEASON, _season, (*_SEASON_WORDS, *lead("the", _SEASON_WORDS))),
    Rule(
        _DECADE,
        _decade,
        ("early", "mid", "late", DIGITS, *lead("the", ("early", "mid", "late", DIGITS))),
    ),
    Rule(_CENTURY, _century, (DIGITS, *lead("the", [DIGITS]))),
    Rule(_SPELLED_DECADE, _spelled_decade, lead("the", ("eighteen", "nineteen", *_TENS))),
)
