"""Figures that change over time: a verdict from values ordered by the time they describe.

For a claim marked ``changes_over_time`` every stated value is dated: by the
date its sentence gives (:mod:`factcheck.binding.dating`), else by its article's
publication date; values with neither are *undated*. Dated values fall into
periods (dates at most ``date_tolerance`` days apart chain into one period),
and only values of the same period can conflict. Consecutive periods stating
the same figure make one *era* of the timeline; a new figure starts the next.
"The same figure" is stricter across time than within a period: a hedge must
match too, so "up to $830 billion" after "$500 billion" is a new figure, not
an agreement.

The claim is ``changed`` when there are two eras or more, no period conflicts
and every undated value is compatible with some era; undated values are
compared with every era and never make a change on their own. With one era
the ordinary verdict stands. Sources whose latest value belongs to an earlier
era are ``superseded``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import field
from datetime import date
from typing import Literal

from factcheck.binding.evidence import SourceInfo
from factcheck.dataclass import dataclass
from factcheck.display import display
from factcheck.model import DateInterval
from factcheck.reconcile.grouping import all_compatible, group_values
from factcheck.rules.ruleset import Claim
from factcheck.values import ClaimValue, compatible

AsOf = tuple[DateInterval | None, ...]
TimedStatus = Literal["agrees", "superseded", "conflicts"]


@dataclass(frozen=True, slots=True)
class Era:
    """One figure of a timeline: its value, who states it, and from when to when."""

    value: ClaimValue
    sources: tuple[str, ...]
    first: date
    last: date


@dataclass(frozen=True, slots=True)
class Statement:
    """What one source says the figure was at one time (None: it states incompatible
    values for that time)."""

    source: int  # index among the stating sources
    time: DateInterval | None
    value: ClaimValue | None


@dataclass
class _Period:
    """A stretch of time between two changes of the claim, and what sources said in it."""

    start: date
    end: date
    statements: list[Statement] = field(default_factory=list)
    value: ClaimValue | None = None  # the largest group's value; None on a tie
    conflict: bool = False
    agreeing: set[int] = field(default_factory=set)  # sources in the largest group


@dataclass(frozen=True)
class Outcome:
    """The time-aware reading of a claim, when it has two eras or more."""

    eras: tuple[Era, ...]
    undated: tuple[str, ...]
    changed: bool  # no same-time conflict and every undated value fits an era
    status: dict[int, TimedStatus]  # per stating source
    latest: dict[int, ClaimValue]  # per stating source: its latest value
    notes: tuple[str, ...]


def statements(
    per_source: Sequence[tuple[SourceInfo, tuple[ClaimValue, ...]]],
    as_of: Sequence[AsOf],
    claim: Claim,
    represent: Callable[[list[ClaimValue]], ClaimValue | None],
) -> list[Statement]:
    """Each source's values grouped by the time they describe, one statement per time."""
    found: list[Statement] = []
    for index, (source, values) in enumerate(per_source):
        times = as_of[index] if index < len(as_of) else ()
        published = _day(source.published)
        by_time: dict[DateInterval | None, list[ClaimValue]] = {}
        for i, value in enumerate(values):
            time = (times[i] if i < len(times) else None) or published
            by_time.setdefault(time, []).append(value)
        for time, stated in by_time.items():
            found.append(Statement(index, time, represent(stated)))
    return found


def read_timeline(
    claim: Claim,
    names: Sequence[str],
    found: Sequence[Statement],
    majority: Callable[[list[ClaimValue], dict[ClaimValue, int]], ClaimValue],
    origin: Callable[[str], str] = str,
) -> Outcome | None:
    """The timeline of ``found`` statements, or None when they make fewer than two eras.
    ``origin``: the report a source repeats (its copy group), so copies count once."""
    dated = sorted((s for s in found if s.time is not None), key=_when)
    periods = _periods(dated, claim.date_tolerance)
    for period in periods:
        _judge_period(period, claim, majority, lambda s: origin(names[s.source]))
    eras = _eras(periods, claim, names)
    if len(eras) < 2:
        return None
    undated = [s for s in found if s.time is None]
    status, notes = _undated(undated, eras, claim, names)
    latest: dict[int, ClaimValue] = {}
    for s in [*dated, *undated]:
        if s.value is not None and (s.time is not None or s.source not in latest):
            latest[s.source] = s.value
    last_era = eras[-1]
    for period in periods:
        for s in period.statements:
            current = s.value is not None and _same_figure(s.value, last_era.value, claim)
            if s.source not in period.agreeing:
                status[s.source] = "conflicts"
            else:
                status[s.source] = "agrees" if current else "superseded"
        if period.conflict:
            notes.append(_conflict_note(period, names))
    changed = not any(p.conflict for p in periods) and "conflicts" not in status.values()
    undated_names = tuple(dict.fromkeys(names[s.source] for s in undated))
    return Outcome(tuple(eras), undated_names, changed, status, latest, tuple(notes))


def _when(statement: Statement) -> tuple[date, date, int]:
    assert statement.time is not None
    return (statement.time.start, statement.time.end, statement.source)


def _periods(dated: list[Statement], tolerance: int) -> list[_Period]:
    """Dated statements chained into periods: each within ``tolerance`` days of the last."""
    periods: list[_Period] = []
    for s in dated:
        assert s.time is not None
        current = periods[-1] if periods else None
        if current is not None and (s.time.start - current.end).days <= tolerance:
            current.end = max(current.end, s.time.end)
            current.statements.append(s)
        else:
            periods.append(_Period(s.time.start, s.time.end, [s]))
    return periods


def _judge_period(
    period: _Period,
    claim: Claim,
    majority: Callable[[list[ClaimValue], dict[ClaimValue, int]], ClaimValue],
    origin: Callable[[Statement], str],
) -> None:
    """The period's groups of values, counting each original report once per value."""
    counts: dict[ClaimValue, int] = {}
    seen: set[tuple[str, ClaimValue]] = set()
    for s in period.statements:
        if s.value is not None and (origin(s), s.value) not in seen:
            seen.add((origin(s), s.value))
            counts[s.value] = counts.get(s.value, 0) + 1
    groups = group_values(list(counts), claim.tolerance)
    sizes = [sum(counts[v] for v in g) for g in groups]
    period.conflict = len(groups) > 1 or any(s.value is None for s in period.statements)
    ranked = sorted(sizes, reverse=True)
    if not groups or (len(ranked) > 1 and ranked[0] == ranked[1]):
        return
    largest = groups[sizes.index(ranked[0])]
    period.value = majority(largest, counts)
    members = set(largest)
    period.agreeing = {s.source for s in period.statements if s.value in members}


def _eras(periods: list[_Period], claim: Claim, names: Sequence[str]) -> list[Era]:
    eras: list[Era] = []
    for period in periods:
        if period.value is None:
            continue
        who = [names[s.source] for s in period.statements if s.source in period.agreeing]
        times = [s.time for s in period.statements if s.source in period.agreeing and s.time]
        first, last = min(t.start for t in times), max(t.end for t in times)
        if eras and _same_figure(eras[-1].value, period.value, claim):
            era = eras[-1]
            sources = tuple(dict.fromkeys((*era.sources, *who)))
            eras[-1] = Era(era.value, sources, era.first, max(era.last, last))
        else:
            eras.append(Era(period.value, tuple(dict.fromkeys(who)), first, last))
    return eras


def _undated(
    undated: list[Statement], eras: list[Era], claim: Claim, names: Sequence[str]
) -> tuple[dict[int, TimedStatus], list[str]]:
    """Undated statements against every era: the latest era they fit, else a conflict."""
    status: dict[int, TimedStatus] = {}
    notes: list[str] = []
    for s in undated:
        fits = [
            e for e in eras if s.value is not None and compatible(s.value, e.value, claim.tolerance)
        ]
        if not fits:
            status[s.source] = "conflicts"
            said = display(s.value) if s.value is not None else "incompatible values"
            notes.append(f"undated {names[s.source]} says {said}, which fits no period")
        else:
            status[s.source] = "agrees" if fits[-1] is eras[-1] else "superseded"
    return status, notes


def _conflict_note(period: _Period, names: Sequence[str]) -> str:
    said = "; ".join(
        dict.fromkeys(
            f"{names[s.source]} says {display(s.value) if s.value else 'incompatible values'}"
            for s in period.statements
        )
    )
    return f"sources describing {_span(period.start, period.end)} conflict: {said}"


def _span(start: date, end: date) -> str:
    return start.isoformat() if start == end else f"{start.isoformat()}..{end.isoformat()}"


def _same_figure(a: ClaimValue, b: ClaimValue, claim: Claim) -> bool:
    """The same figure across time: compatible, and the same hedge (or none)."""
    return a.qualifier == b.qualifier and all_compatible([a, b], claim.tolerance)


def _day(published: str | None) -> DateInterval | None:
    if published is None:
        return None
    day = date.fromisoformat(published)
    return DateInterval(day, day)


def split_by_date(
    per_source: Sequence[tuple[SourceInfo, ClaimValue | None]],
    groups: list[list[ClaimValue]],
) -> str | None:
    """For a conflict on a claim without ``changes_over_time``: when every stating
    source is dated and the sides follow one another in time (each side's sources
    all published before the next side's), a hint that the figure may have changed."""
    side_of = {v: i for i, group in enumerate(groups) for v in group}
    spans: dict[int, list[date]] = {}
    for source, value in per_source:
        if value is None or source.published is None:
            return None
        spans.setdefault(side_of[value], []).append(date.fromisoformat(source.published))
    ordered = sorted(spans.items(), key=lambda item: min(item[1]))
    for (_, before), (_, after) in zip(ordered, ordered[1:], strict=False):
        if max(before) >= min(after):
            return None
    sides = "; ".join(
        f"{display(groups[side][0])} from {min(days).isoformat()}" for side, days in ordered
    )
    return (
        f"the values split by publication date ({sides}): if the figure changed over "
        "time, mark the claim 'changes_over_time: true'"
    )
