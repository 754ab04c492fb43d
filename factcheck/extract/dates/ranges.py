"""Choosing among overlapping date phrases, and joining ranges.

"April 9 to May 3, 2026", "Nov 18 - Dec 19, 2015", "between March 2024 and
June 2025", "from 2014 to 2018" and "between Jan 2019 and now" become one
mention whose interval runs from the start of the first part to the end of
the last. A yearless first part borrows the year of the second ("April 9 to
May 3, 2026"); a yearless second part follows the first ("from May to
September" ends in the first September after May). Bare years and "now" are
dates only as parts of such ranges; alone they are left to :mod:`.years`.

Offsets and weeks anchored on a date are composed too: "two weeks after
April 13, 2026" -> 2026-04-27; "the week of April 13, 2026" -> that
Monday-Sunday week; "the week beginning April 15, 2026" -> 15 .. 21 April.
"""

from __future__ import annotations

import bisect
import re
from datetime import date

from factcheck.extract.dates.calendar import (
    NUMBER_PATTERN,
    Candidate,
    Resolver,
    day_interval,
    future_cue,
    number_value,
    occurrence,
    past_cue,
    shift,
    week_interval,
    year_interval,
)
from factcheck.extract.dates.scan import DIGITS, Rule, lead
from factcheck.extract.lazy import lazy
from factcheck.extract.numerals import in_digit_chain
from factcheck.extract.vocabulary import MAJOR_SYMBOLS
from factcheck.model import DateInterval
from factcheck.regexes import compiled

_I = re.IGNORECASE
_JOINER = compiled(r"\s*(?:-|–|—|~|to|through|thru|until|till|and)\s*(?:(?<=[a-z]\s)the\s+)?\Z", _I)
_BETWEEN = compiled(r"\bbetween\s+\Z", _I)
_NOW_LEAD = compiled(r"\b(?:between|from)\s+\Z", _I)
_BARE_YEAR = rf"(?<![\w{MAJOR_SYMBOLS}.,])(?P<year>(?:1[89]|2[01])\d\d)(?!\w|[.,]\d|\s*%)"
_NOW = r"\b(?:right\s+)?now\b|(?<=\bto\s)date\b|(?<=\btill\s)date\b|\bthe\s+present\b"

_OFFSET = compiled(
    rf"\b(?P<n>{NUMBER_PATTERN})\s+(?P<unit>day|week|fortnight|month|year)s?\s+"
    r"(?P<dir>after|before|from|following|prior\s+to)\s+\Z",
    _I,
)
_WEEK_OF = compiled(
    r"(?:\b(?:the\s+)?week\s+(?P<kind>of|beginning|commencing|starting)(?:\s+on)?"
    r"|\bw/c)\s+\Z",
    _I,
)


def _bare_year(match: re.Match[str], text: str) -> Candidate | None:
    if in_digit_chain(text, match.start(), match.end()):
        return None
    interval = year_interval(int(match["year"]))
    return Candidate(match.start(), match.end(), _constant(interval), bare="year")


def _now(match: re.Match[str], text: str) -> Candidate:
    return Candidate(
        match.start(),
        match.end(),
        lambda ref: None if ref is None else day_interval(ref),
        True,
        bare="now",
    )


# Years and "now": candidates that only survive as part of a range.
RULES = (
    Rule(_BARE_YEAR, _bare_year, (DIGITS,)),
    Rule(_NOW, _now, ("now", "date", *lead("right", ["now"]), *lead("the", ["present"]))),
)


def _constant(interval: DateInterval) -> Resolver:
    def resolve(ref: date | None) -> DateInterval:
        return interval

    return resolve


def longest(found: list[Candidate]) -> list[Candidate]:
    """Greedy: longest first, then absolute before relative, then leftmost; no overlaps."""
    starts: list[int] = []  # chosen spans are disjoint, so sorted starts imply sorted ends
    chosen: list[Candidate] = []
    for cand in sorted(found, key=lambda c: (c.start - c.end, bool(c.bare), c.relative, c.start)):
        index = bisect.bisect_right(starts, cand.start)
        if index > 0 and chosen[index - 1].end > cand.start:
            continue
        if index < len(chosen) and chosen[index].start < cand.end:
            continue
        starts.insert(index, cand.start)
        chosen.insert(index, cand)
    return chosen


def compose(text: str, kept: list[Candidate]) -> list[Candidate]:
    """Apply "N units after/before" and "the week of/beginning" to the date that follows."""
    out: list[Candidate] = []
    for cand in kept:
        lead = max(out[-1].end if out else 0, cand.start - 40)
        offset = _OFFSET.search(text, lead, cand.start)
        week = _WEEK_OF.search(text, lead, cand.start)
        if offset and not cand.bare:
            sign = -1 if offset["dir"].lower() in ("before", "prior to") else 1
            out.append(
                _shifted(cand, offset.start(), sign * number_value(offset["n"]), offset["unit"])
            )
        elif week and not cand.bare:
            out.append(_week(cand, week.start(), (week["kind"] or "of").lower() == "of"))
        else:
            out.append(cand)
    return out


def _shifted(cand: Candidate, start: int, amount: int, unit: str) -> Candidate:
    def resolve(ref: date | None) -> DateInterval | None:
        base = cand.resolve(ref)
        if base is None:
            return None
        return DateInterval(shift(base.start, amount, unit), shift(base.end, amount, unit))

    return Candidate(start, cand.end, resolve, cand.relative)


def _week(cand: Candidate, start: int, containing: bool) -> Candidate:
    def resolve(ref: date | None) -> DateInterval | None:
        base = cand.resolve(ref)
        if base is None or base.start != base.end:
            return base
        if containing:
            return week_interval(base.start)
        return DateInterval(base.start, shift(base.start, 6, "day"))

    return Candidate(start, cand.end, resolve, cand.relative)


_WEEKDAY_ONLY = lazy(
    r"(?:(?:this|next|last|coming)\s+)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?", _I
)
_WEEKDAY_GAP = compiled(r"\s*,?\s*(?:\(\s*)?")
_PROBE = date(2020, 6, 15)


def absorb_weekdays(text: str, kept: list[Candidate]) -> list[Candidate]:
    """ "Friday 5/12", "this Friday, April 3": the weekday joins the day it names.

    The written day decides the value; the weekday only widens the span.
    """
    out: list[Candidate] = []
    for cand in kept:
        prev = out[-1] if out else None
        if (
            prev is not None
            and not cand.bare
            and _WEEKDAY_ONLY().fullmatch(text, prev.start, prev.end)
            and _WEEKDAY_GAP.fullmatch(text, prev.end, cand.start)
            and not _WEEKDAY_ONLY().fullmatch(text, cand.start, cand.end)
            and _single_day(cand)
        ):
            out[-1] = Candidate(prev.start, cand.end, cand.resolve, cand.relative, cand.with_year)
            continue
        out.append(cand)
    return out


def _single_day(cand: Candidate) -> bool:
    found = cand.resolve(_PROBE)
    return found is not None and found.start == found.end


def merge(text: str, kept: list[Candidate]) -> list[Candidate]:
    """Join "A to B", "A - B", "between A and B"; then drop unjoined bare pieces."""
    out: list[Candidate] = []
    ranges: set[int] = set()  # positions in ``out`` holding a joined range: never re-joined
    for cand in kept:
        prev = out[-1] if out else None
        if (
            prev is not None
            and len(out) - 1 not in ranges
            and (prev.bare != "now" or _NOW_LEAD.search(text, _back(prev.start), prev.start))
            and _joined(text, prev, cand)
        ):
            out[-1] = _range(prev, cand, future_cue(text, prev.start), past_cue(text, prev.start))
            ranges.add(len(out) - 1)
            continue
        out.append(cand)
    return [cand for cand in out if not cand.bare]


def _back(position: int, width: int = 30) -> int:
    """Where to start looking for a word just before ``position`` (never the whole text)."""
    return max(0, position - width)


def _joined(text: str, first: Candidate, last: Candidate) -> bool:
    gap = text[first.end : last.start]
    if _JOINER.match(gap) is None:
        return False
    between = _BETWEEN.search(text, _back(first.start), first.start)
    if gap.split()[:1] == ["and"] and between is None:
        return False
    if first.bare == "year" and last.bare == "now":
        return False
    if first.relative or last.relative:
        return True
    probe = _range(first, last).resolve(None)
    return probe is not None


def _range(
    first: Candidate,
    last: Candidate,
    future: bool = False,
    past: bool = False,
) -> Candidate:
    """One candidate from ``first`` to ``last``; two yearless parts take the year that
    makes the whole range the latest one begun (after a future cue, the next not over;
    after a past one, "the talks happened between March and May", the latest over)."""

    def whole(year: int) -> DateInterval | None:
        assert first.with_year is not None
        head = first.with_year(year)
        tail = None if head is None else _following(last, head)
        return None if head is None or tail is None else DateInterval(head.start, tail.end)

    def resolve(ref: date | None) -> DateInterval | None:
        head, tail = first.resolve(ref), last.resolve(ref)
        if first.with_year is not None and last.with_year is not None:
            return None if ref is None else occurrence(ref, whole, future, 7, over=past)
        elif first.with_year is not None and tail is not None:
            head = first.with_year(tail.end.year)
            if head is not None and head.start > tail.end:
                head = first.with_year(tail.end.year - 1)
        elif last.with_year is not None and head is not None:
            tail = _following(last, head)
        elif last.after is not None and head is not None:
            tail = last.after(head.start)
        if head is None or tail is None or head.start > tail.end:
            return None
        return DateInterval(head.start, tail.end)

    needs_ref = resolve(None) is None
    return Candidate(first.start, last.end, resolve, needs_ref, first.with_year)


def _following(part: Candidate, head: DateInterval) -> DateInterval | None:
    """The first occurrence of a yearless ``part`` ending on or after ``head`` starts."""
    assert part.with_year is not None
    for year in (head.start.year, head.start.year + 1):
        found = part.with_year(year)
        if found is not None and found.end >= head.start:
            return found
    return None
