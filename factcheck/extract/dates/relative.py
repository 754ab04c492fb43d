"""Relative date phrases, resolved against the article's reference date.

Examples with reference date 2026-04-30 (a Thursday)::

    "yesterday"           -> 2026-04-29
    "late last year"      -> 2025-09-01 .. 2025-12-31
    "earlier this year"   -> 2026-01-01 .. 2026-04-30
    "last month"          -> 2026-03-01 .. 2026-03-31
    "last week"           -> 2026-04-20 .. 2026-04-26   (Monday-Sunday weeks)
    "the past year"       -> 2025-04-30 .. 2026-04-30   ("the past/last N units" roll)
    "three days ago"      -> 2026-04-27
    "two months ago"      -> 2026-02-01 .. 2026-02-28   (granularity of the unit)
    "in two weeks"        -> 2026-05-14
    "within the next 3 months" -> 2026-04-30 .. 2026-07-30
    "the next fortnight"  -> 2026-05-01 .. 2026-05-14
    "last night"          -> 2026-04-29
    "year to date", "YTD" -> 2026-01-01 .. 2026-04-30

Weekdays, yearless months and quarters are in :mod:`.dates_named`.

Vague phrases ("recently", "in recent months", "for years") are not dates.
Phrases relative to the narrative rather than the article ("the previous
year", "the following week") are left alone.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from factcheck.extract.dates.calendar import (
    NUMBER_PATTERN,
    NUMBER_STARTS,
    Candidate,
    day_interval,
    future_cue,
    normalise_spaces,
    number_value,
    part_interval,
    shift,
    unit_interval,
)
from factcheck.extract.dates.scan import DIGITS, Rule, lead
from factcheck.model import DateInterval
from factcheck.regexes import compiled

_I = re.IGNORECASE
_DAYWORD = (
    r"\b(?P<w>yesterday|today|tomorrow|tonight|last\s+night"
    r"|this\s+(?:morning|afternoon|evening))\b"
)
_UNIT = (
    r"\b(?:(?P<part>early|earlier|mid|late|later)[\s-]+(?:in\s+|on\s+)?"
    r"|(?:the\s+)?(?:very\s+)?(?P<part2>beginning|start|middle|end)\s+of\s+)?"
    r"(?P<which>last|this|next|past|current|coming|previous|upcoming"
    r"|the\s+(?:past|last|current|coming|upcoming))"
    r"\s+(?:calendar\s+|(?P<work>work(?:ing)?\s*|business\s+))?"
    r"(?P<unit>week|weekend|month|quarter|year|decade|fortnight)\b"
    r"(?!\s+of\b|['\u2019]s\s+(?:first|second|third|fourth|last)\b)"
    r"|\b(?:(?P<tpart>earlier|later)\s+(?:in\s+|on\s+)?"
    r"|(?:the\s+)?(?:very\s+)?(?P<tpart2>beginning|start|middle|end)\s+of\s+)"
    r"the\s+(?P<tunit>week|month|year)\b"
)
_WHICH = r"past|last|previous|next|coming|following|upcoming"
_ROLLING = (
    rf"\b(?P<within>within\s+)?(?:the\s+)?(?:(?P<which>{_WHICH})\s+(?P<n>{NUMBER_PATTERN})"
    rf"|(?P<n2>{NUMBER_PATTERN})\s+(?P<which2>{_WHICH}))"
    r"\s+(?P<unit>days|weeks|fortnights|months|quarters|years|decades)\b"
    rf"|\bwithin\s+(?P<n3>{NUMBER_PATTERN})\s+(?P<unit3>days|weeks|months|years)\b"
)
_AGO = (
    rf"\b(?P<n>{NUMBER_PATTERN})\s+(?P<unit>day|week|fortnight|month|year|decade)s?\s+ago\b"
    rf"|\bin\s+(?P<n2>{NUMBER_PATTERN})\s+(?P<unit2>day|week|fortnight|month|year)s?"
    r"(?:['\u2019]?\s*time)?\b(?!\s+(?:of|since|after|before|from)\b)"
    rf"|\b(?P<n3>{NUMBER_PATTERN})\s+(?P<unit3>day|week|month|year)s?\s+"
    r"(?:from\s+(?:now|today)|after\s+today)\b"
)
# "in 5 minutes", "half an hour from now", "2 hours ago": the reference day itself.
_CLOCK = (
    rf"\b(?:in\s+(?:(?P<n>{NUMBER_PATTERN})\s+(?:minutes?|mins?|hours?|hrs?)|half\s+an\s+hour)"
    rf"|(?:(?P<n2>{NUMBER_PATTERN})\s+(?:minutes?|mins?|hours?|hrs?)|half\s+an\s+hour)"
    r"\s+(?:from\s+now|ago))\b"
)
_BARE_WEEKEND = r"\b(?:the\s+)?weekend\b(?!\s+of\b)"
_TO_DATE = r"\b(?:(?:the\s+)?year[\s-]to[\s-]date|ytd)\b"
_PREVIOUS = ("last", "previous", "past")


def _word(match: re.Match[str], text: str) -> Candidate:
    word = normalise_spaces(match["w"])
    offset = {"yesterday": -1, "last night": -1, "tomorrow": 1}.get(word, 0)

    def resolve(ref: date | None) -> DateInterval | None:
        return None if ref is None else day_interval(ref + timedelta(days=offset))

    return Candidate(match.start(), match.end(), resolve, relative=True)


def _unit(match: re.Match[str], text: str) -> Candidate | None:
    part = (match["part"] or match["part2"] or match["tpart"] or match["tpart2"] or "").lower()
    which = normalise_spaces(match["which"] or "this")
    unit = (match["unit"] or match["tunit"]).lower()
    if which == "previous" and text[max(0, match.start() - 4) : match.start()].lower() == "the ":
        return None  # "the previous year": relative to the story, not to the article
    rolling = which in ("the past", "the last", "past") or unit == "fortnight"
    if rolling and part:
        return None
    back = which in ("the past", "the last", "past", "last", "previous")

    def resolve(ref: date | None) -> DateInterval | None:
        if ref is None:
            return None
        if unit == "quarter" and rolling:
            return _quarters(ref, -1 if back else 1)
        if rolling and back:
            return DateInterval(shift(ref, -1, unit), ref)
        if rolling:
            return DateInterval(ref + timedelta(days=1), shift(ref, 1, unit))
        step = -1 if back else 0 if which in ("this", "current", "the current") else 1
        if unit == "week" and match["work"]:  # Monday to Friday
            monday = shift(ref, step, "week") - timedelta(days=ref.weekday())
            return DateInterval(monday, monday + timedelta(days=4))
        if unit == "weekend":
            saturday = ref - timedelta(days=ref.weekday()) + timedelta(days=5 + 7 * step)
            return DateInterval(saturday, saturday + timedelta(days=1))
        whole = unit_interval(shift(ref, step, unit), unit)
        if part == "earlier":
            return DateInterval(whole.start, ref) if step == 0 else part_interval(whole, "early")
        if part == "later":
            return DateInterval(ref, whole.end) if step == 0 else part_interval(whole, "late")
        return part_interval(whole, part) if part else whole

    return Candidate(match.start(), match.end(), resolve, relative=True)


def _rolling(match: re.Match[str], text: str) -> Candidate:
    amount = number_value(match["n"] or match["n2"] or match["n3"])
    unit = (match["unit"] or match["unit3"]).lower()
    back = (match["which"] or match["which2"] or "").lower() in _PREVIOUS
    within = bool(match["within"] or match["n3"])

    def resolve(ref: date | None) -> DateInterval | None:
        if ref is None:
            return None
        if unit.startswith("quarter"):
            return _quarters(ref, -amount if back else amount)
        if back:
            return DateInterval(shift(ref, -amount, unit), ref)
        first = ref if within else ref + timedelta(days=1)
        return DateInterval(first, shift(ref, amount, unit))

    return Candidate(match.start(), match.end(), resolve, relative=True)


# "the second deal in six months", "the biggest drop in two years": a span, not a date.
_SPAN_LEAD = compiled(
    r"\b(?:first|second|third|fourth|fifth|\w{3,}est|most|times|once|twice|again)\b"
    r"(?:\s+[\w-]+){0,3}\s+\Z",
    _I,
)


def _ago(match: re.Match[str], text: str) -> Candidate | None:
    if match["n2"] and _SPAN_LEAD.search(text, max(0, match.start() - 40), match.start()):
        return None
    if match["n"]:
        amount, unit = -number_value(match["n"]), match["unit"].lower()
    elif match["n2"]:
        amount, unit = number_value(match["n2"]), match["unit2"].lower()
    else:
        amount, unit = number_value(match["n3"]), match["unit3"].lower()

    def resolve(ref: date | None) -> DateInterval | None:
        if ref is None:
            return None
        moved = shift(ref, amount, unit)
        return (
            day_interval(moved)
            if unit in ("day", "week", "fortnight")
            else (unit_interval(moved, unit))
        )

    return Candidate(match.start(), match.end(), resolve, relative=True)


def _clock(match: re.Match[str], text: str) -> Candidate:
    return Candidate(
        match.start(),
        match.end(),
        lambda ref: None if ref is None else day_interval(ref),
        relative=True,
    )


def _weekend(match: re.Match[str], text: str) -> Candidate | None:
    before = text[max(0, match.start() - 12) : match.start()].lower()
    if re.search(r"\b(?:this|last|next|coming|past|every|each|a|one|per|long)\s+\Z", before):
        return None  # handled by the unit rule, or not one weekend ("every weekend")
    future = future_cue(text, match.start())

    def make(ref: date) -> DateInterval:
        saturday = ref - timedelta(days=ref.weekday()) + timedelta(days=5)
        return DateInterval(saturday, saturday + timedelta(days=1))

    def resolve(ref: date | None) -> DateInterval | None:
        if ref is None:
            return None
        this = make(ref)
        if future or this.start - ref <= timedelta(days=1) or ref >= this.start:
            return this  # from Friday on, "the weekend" is this one
        return make(ref - timedelta(days=7))

    return Candidate(match.start(), match.end(), resolve, relative=True)


def _to_date(match: re.Match[str], text: str) -> Candidate:
    def resolve(ref: date | None) -> DateInterval | None:
        return None if ref is None else DateInterval(date(ref.year, 1, 1), ref)

    return Candidate(match.start(), match.end(), resolve, relative=True)


def _quarters(ref: date, count: int) -> DateInterval:
    """Whole calendar quarters: the ``-count`` before the current one, or ``count`` after."""
    current = unit_interval(ref, "quarter")
    if count < 0:
        first = unit_interval(shift(current.start, count, "quarter"), "quarter")
        return DateInterval(first.start, current.start - timedelta(days=1))
    last = unit_interval(shift(current.start, count, "quarter"), "quarter")
    return DateInterval(current.end + timedelta(days=1), last.end)


_UNITS = (
    "week",
    "weekend",
    "month",
    "quarter",
    "year",
    "decade",
    "fortnight",
    "calendar",
    "work",
    "working",
    "business",
)
_PARTS = ("beginning", "start", "middle", "end")
_WHICH_WORDS = ("past", "last", "previous", "next", "coming", "following", "upcoming", "current")
_NUMBERS = (*(w for w in NUMBER_STARTS if w not in ("a", "an")), DIGITS)
_SMALL_UNITS = (
    "day",
    "week",
    "fortnight",
    "month",
    "year",
    "decade",
    "minute",
    "min",
    "hour",
    "hr",
    "couple",
    *_WHICH_WORDS,
)
RULES = (
    Rule(
        _DAYWORD,
        _word,
        (
            "yesterday",
            "today",
            "tomorrow",
            "tonight",
            *lead("last", ["night"]),
            *lead("this", ["morning", "afternoon", "evening"]),
        ),
    ),
    Rule(
        _UNIT,
        _unit,
        (
            "early",
            "earlier",
            "mid",
            "late",
            "later",
            *_WHICH_WORDS,
            *lead("this", _UNITS),
            *lead("very", _PARTS),
            *(w for p in _PARTS for w in lead(p, ["of"])),
            *lead("the", ("very", *_PARTS, *_WHICH_WORDS)),
        ),
    ),
    Rule(
        _ROLLING,
        _rolling,
        (
            "within",
            *_WHICH_WORDS,
            *_NUMBERS,
            *lead("a", _SMALL_UNITS),
            *lead("an", _SMALL_UNITS),
            *lead("the", (*_WHICH_WORDS, *_NUMBERS, "a", "an")),
        ),
    ),
    Rule(
        _AGO,
        _ago,
        (
            *_NUMBERS,
            *lead("a", _SMALL_UNITS),
            *lead("an", _SMALL_UNITS),
            *lead("in", (*_NUMBERS, "a", "an")),
        ),
    ),
    Rule(
        _CLOCK,
        _clock,
        (
            *_NUMBERS,
            *lead("a", _SMALL_UNITS),
            *lead("an", _SMALL_UNITS),
            *lead("half", ["an"]),
            *lead("in", (*_NUMBERS, "a", "an", "half")),
        ),
    ),
    Rule(_BARE_WEEKEND, _weekend, ("weekend", *lead("the", ["weekend"]))),
    Rule(_TO_DATE, _to_date, ("year", "ytd", *lead("the", ["year"]))),
)
