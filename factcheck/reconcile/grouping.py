"""Grouping a claim's values in near-linear time, with the greedy result unchanged.

The verdict groups distinct values first-fit: each value joins the first group
(in order of creation) whose every member it is compatible with, else starts a
group. Done naively that is quadratic in the distinct values, and an archive
of real articles states thousands of them for one claim. For quantities and
dates compatibility is an overlap of intervals (:func:`factcheck.values.compatible`):
the new value's interval widened by the tolerance against the member's own.
So a value can join a group only if it overlaps the group's first member
(found with an index of those intervals, by width class and start), and it
is compatible with every member exactly when it overlaps the intersection of
their intervals (kept per group as two numbers). Booleans and texts keep the
plain scan (a boolean has two values; texts compare by fuzzy ratio).

A source's own values must be compatible pair by pair in source order (the
relation is not symmetric): for quantities and dates one pass keeps the
intersection of the earlier values' widened intervals; otherwise repeats of one
value are checked once per ordered pair of distinct values. Either way a value
stated n times costs n, not n².
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Sequence
from dataclasses import field

from factcheck.dataclass import dataclass
from factcheck.model import DateInterval
from factcheck.values import ClaimValue, Tolerance, compatible, value_interval

Interval = tuple[float, float]


def all_compatible(found: Sequence[ClaimValue], tolerance: Tolerance) -> bool:
    """Whether ``compatible(found[i], found[j])`` holds for every i < j."""
    spans = [_spans(v, tolerance) for v in found]
    dates = sum(isinstance(v.value, DateInterval) for v in found)
    if all(s is not None for s in spans) and dates in (0, len(found)):
        return _all_overlap(found, [s for s in spans if s is not None])
    return _all_pairs(found, tolerance)


def _all_overlap(found: Sequence[ClaimValue], spans: list[tuple[Interval, Interval]]) -> bool:
    """One pass: each value's own interval must overlap every earlier value's widened
    one, that is their intersection, and no two values may name different units."""
    earlier = _Group()
    for value, (widened, own) in zip(found, spans, strict=True):
        if earlier.members and not earlier.admits(value, own):  # earlier ones come first
            return False
        earlier.add(value, widened)
    return True


def _all_pairs(found: Sequence[ClaimValue], tolerance: Tolerance) -> bool:
    """Pair by pair, but once per ordered pair of distinct values, not per repeat."""
    first: dict[ClaimValue, int] = {}
    last: dict[ClaimValue, int] = {}
    for index, value in enumerate(found):
        first.setdefault(value, index)
        last[value] = index
    for value, at in first.items():
        if last[value] > at and not compatible(value, value, tolerance):
            return False
    distinct = list(first)
    for a in distinct:
        for b in distinct:
            if a != b and first[a] < last[b] and not compatible(a, b, tolerance):
                return False
    return True


def group_values(values: list[ClaimValue], tolerance: Tolerance) -> list[list[ClaimValue]]:
    """Distinct values (in order of first appearance) grouped first-fit so that every
    value in a group is compatible with every other."""
    spans = [_spans(v, tolerance) for v in values]
    dates = sum(isinstance(v.value, DateInterval) for v in values)
    if any(s is None for s in spans) or 0 < dates < len(values):
        return _scan_groups(values, tolerance)
    groups: list[_Group] = []
    index = _Index()
    for value, span in zip(values, spans, strict=True):
        assert span is not None
        query, own = span
        target = next(
            (groups[g] for g in index.overlapping(query) if groups[g].admits(value, query)),
            None,
        )
        if target is None:
            index.add(own, len(groups))
            groups.append(_Group())
            target = groups[-1]
        target.add(value, own)
    return [g.members for g in groups]


def _scan_groups(values: list[ClaimValue], tolerance: Tolerance) -> list[list[ClaimValue]]:
    groups: list[list[ClaimValue]] = []
    for value in values:
        for group in groups:
            if all(compatible(value, other, tolerance) for other in group):
                group.append(value)
                break
        else:
            groups.append([value])
    return groups


def _spans(value: ClaimValue, tolerance: Tolerance) -> tuple[Interval, Interval] | None:
    """The value's interval widened by the tolerance (as the new value of a
    comparison) and its own (as a member): ``compatible(a, b)`` is true exactly
    when a's first overlaps b's second and their units agree. None where that
    does not hold (booleans, texts) or an end is not a number."""
    v = value.value
    if isinstance(v, DateInterval):
        pad = tolerance.absolute
        start, end = float(v.start.toordinal()), float(v.end.toordinal())
        spans = ((start - pad, end + pad), (start, end))
    else:
        widened = value_interval(value, tolerance)
        own = value_interval(value, Tolerance())
        if widened is None or own is None:
            return None
        spans = (widened, own)
    if any(math.isnan(end) for span in spans for end in span):
        return None
    return spans


@dataclass
class _Group:
    """A group's members, the intersection of their own intervals, and their units."""

    members: list[ClaimValue] = field(default_factory=list)
    low: float = -math.inf  # the largest start of a member's interval
    high: float = math.inf  # the smallest end
    units: set[str] = field(default_factory=set)

    def admits(self, value: ClaimValue, query: Interval) -> bool:
        if value.unit and not isinstance(value.value, DateInterval) and self.units - {value.unit}:
            return False
        return query[0] <= self.high and self.low <= query[1]

    def add(self, value: ClaimValue, own: Interval) -> None:
        self.members.append(value)
        self.low, self.high = max(self.low, own[0]), min(self.high, own[1])
        if value.unit and not isinstance(value.value, DateInterval):
            self.units.add(value.unit)


class _Index:
    """First members' intervals, to find those overlapping a query: finite ones
    sorted by start within a class of width (a power of two), unbounded ones aside."""

    def __init__(self) -> None:
        self.classes: dict[int, list[tuple[float, float, int]]] = {}
        self.unbounded: list[int] = []

    def add(self, span: Interval, group: int) -> None:
        width = span[1] - span[0]
        if not math.isfinite(width) or width >= 2.0**1000:
            self.unbounded.append(group)
            return
        kind = math.frexp(width)[1] if width > 0 else -1100
        bisect.insort(self.classes.setdefault(kind, []), (span[0], span[1], group))

    def overlapping(self, query: Interval) -> list[int]:
        """The groups whose interval overlaps ``query``, in order of creation."""
        low, high = query
        found = list(self.unbounded)
        for kind, spans in self.classes.items():
            reach = math.ldexp(1.0, kind)  # no interval of the class is wider
            start = bisect.bisect_left(spans, (low - reach,))
            stop = bisect.bisect_right(spans, (high, math.inf, math.inf))
            found.extend(g for s, e, g in spans[start:stop] if s <= high and e >= low)
        return sorted(found)
