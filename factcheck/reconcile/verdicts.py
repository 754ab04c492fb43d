"""Reconcile: from per-document bindings to a verdict per claim.

Per claim: ``agree`` (two or more sources state compatible values),
``conflict`` (incompatible values, across sources or within one), ``single``
(one source states it), ``silent`` (none does). Per source: ``agrees``,
``conflicts``, ``single``, ``silent`` or ``self-conflict`` (it states two
incompatible values). Sources in the largest group of mutually compatible
values "agree" even when the claim is in conflict, so a lone dissenter stands
out; with a tie, every stating source "conflicts".
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Literal

from factcheck.binding.evidence import SourceInfo
from factcheck.display import display
from factcheck.model import DateInterval
from factcheck.reconcile.grouping import all_compatible, group_values
from factcheck.reconcile.records import (
    ClaimStatus,
    ClaimVerdict,
    SourceStatus,
    SourceVerdict,
    Stated,
    StatingVerdicts,
    Tie,
)
from factcheck.reconcile.timeline import AsOf, read_timeline, split_by_date, statements
from factcheck.rules.ruleset import Claim, RuleSet
from factcheck.values import ClaimValue, Tolerance, compatible

AsOfs = Callable[[str], Sequence[AsOf]]
Copies = Mapping[str, str]  # source id -> its copy group's label, for grouped sources


def reconcile(
    rules: RuleSet,
    order: tuple[SourceInfo, ...],
    stated: Callable[[str], Sequence[Stated]],
    ties: Sequence[Tie] = (),
    as_of: AsOfs | None = None,
    copies: Copies | None = None,
) -> list[ClaimVerdict]:
    """A verdict for every claim, in rule order, from what each source states
    (``stated(claim_id)``: source, values and evidence, in report order, as a
    :class:`~factcheck.reconcile.ledger.Ledger` keeps them); ``order`` lists
    every source, the silent ones too. ``ties`` become notes on both claims.
    ``as_of(claim_id)``: per stating source, the dates its sentences give
    (``changes_over_time`` claims; see :mod:`factcheck.reconcile.timeline`).
    ``copies``: the sources that repeat one report (:mod:`factcheck.reconcile.copies`),
    each group counting once in the consensus."""
    copies = copies or {}
    verdicts = [
        _over_time(claim, stated(claim.id), order, as_of, copies)
        if claim.changes_over_time
        else _reconcile(claim, stated(claim.id), order, copies)
        for claim in rules.claims
    ]
    if not ties:
        return verdicts
    notes: dict[str, list[str]] = {}
    for tie in ties:
        for claim in (tie.winner, tie.loser):
            notes.setdefault(claim, []).append(tie.note())
    return [
        dataclasses.replace(v, notes=(*v.notes, *notes[v.claim.id])) if v.claim.id in notes else v
        for v in verdicts
    ]


def _reconcile(
    claim: Claim,
    per_source: Sequence[Stated],
    order: tuple[SourceInfo, ...],
    copies: Copies,
) -> ClaimVerdict:
    """``per_source``: the sources that state the claim (at least one value each)."""
    tally = _Tally(per_source, claim.tolerance, copies)
    groups = group_values(list(tally.counts), claim.tolerance)
    status = _claim_status(tally.sources, len(groups), tally.self_conflict)
    largest = _largest(groups, [sum(tally.counts[v] for v in g) for g in groups])
    majority = _majority_value(largest, tally.counts) if largest else None
    judge = _Judge(claim, status, frozenset(largest), tally.value_of)
    consensus = majority if status in ("agree", "single") else None
    stated = [v for values in tally.value_of for v in values]
    single_original = tally.single_original(largest) if status == "agree" else None
    notes = _notes(groups, per_source, tally.value_of, status, claim)
    if single_original is not None:
        notes = (*notes, f"the agreement rests on a single original report: {single_original}")
    return ClaimVerdict(
        claim,
        status,
        consensus,
        majority,
        StatingVerdicts(per_source, judge),
        order,
        notes,
        _expected(claim, stated) if stated else None,
        single_original=single_original,
    )


def _over_time(
    claim: Claim,
    per_source: Sequence[Stated],
    order: tuple[SourceInfo, ...],
    as_of: AsOfs | None,
    copies: Copies,
) -> ClaimVerdict:
    """The ordinary verdict, unless the values dated in time make a timeline."""
    plain = _reconcile(claim, per_source, order, copies)
    entries = list(per_source)
    names = [source.id for source, _, _ in entries]
    found = statements(
        [(source, values) for source, values, _ in entries],
        as_of(claim.id) if as_of is not None else (),
        claim,
        lambda values: _source_value(values, claim.tolerance),
    )
    outcome = read_timeline(
        claim, names, found, _majority_value, lambda source: copies.get(source, source)
    )
    if outcome is None:
        return plain
    latest = outcome.eras[-1].value
    by_index = {
        index: SourceVerdict(
            source,
            outcome.status[index] if index in outcome.latest else "self-conflict",
            evidence,
            outcome.latest.get(index),
            plain.stating[index].expected,
        )
        for index, (source, _, evidence) in enumerate(entries)
    }
    return dataclasses.replace(
        plain,
        status="changed" if outcome.changed else "conflict",
        consensus=latest if outcome.changed else None,
        majority=latest,
        stating=tuple(by_index[i] for i in range(len(entries))),
        notes=(*outcome.notes, *plain.notes),
        timeline=outcome.eras,
        undated=outcome.undated,
    )


class _Tally:
    """One pass over the stating sources: each source's value, and how many state each.

    Work is per distinct set of values, not per source: an archive's sources
    mostly repeat the same few. Copies of one report count once per value: the
    counts are of independent reports."""

    def __init__(self, per_source: Iterable[Stated], tolerance: Tolerance, copies: Copies) -> None:
        self.value_of: dict[tuple[ClaimValue, ...], ClaimValue | None] = {}
        self.counts: dict[ClaimValue, int] = {}  # in order of first appearance
        self.sources = 0
        self.self_conflict = False
        self.copied: dict[ClaimValue, set[str]] = {}  # per value, the copy groups stating it
        self.independent: dict[ClaimValue, int] = {}  # per value, the sources in no group
        for source, found, _ in per_source:
            if found not in self.value_of:
                self.value_of[found] = _source_value(list(found), tolerance)
            value = self.value_of[found]
            self.sources += 1
            if value is None:
                self.self_conflict = True
                continue
            group = copies.get(source.id)
            if group is None:
                self.independent[value] = self.independent.get(value, 0) + 1
            else:
                seen = self.copied.setdefault(value, set())
                if group in seen:
                    continue  # another copy of a report already counted
                seen.add(group)
            self.counts[value] = self.counts.get(value, 0) + 1

    def single_original(self, group: list[ClaimValue]) -> str | None:
        """The copy group's label when the agreeing values come from it alone."""
        if any(self.independent.get(v) for v in group):
            return None
        labels = {label for v in group for label in self.copied.get(v, ())}
        return next(iter(labels)) if len(labels) == 1 else None


def _source_value(found: list[ClaimValue], tolerance: Tolerance) -> ClaimValue | None:
    """One value for a source: the most precise of its compatible values, or None."""
    if not all_compatible(found, tolerance):
        return None
    return _representative(found)


def _representative(found: list[ClaimValue]) -> ClaimValue:
    """The most precise value: unhedged first, then the narrowest date interval
    (the first such in source order)."""
    unhedged = [v for v in found if v.qualifier is None] or found
    return min(unhedged, key=_width)


def _majority_value(group: list[ClaimValue], counts: dict[ClaimValue, int]) -> ClaimValue:
    """The value that speaks for a group of compatible values: hedged ("up to $50
    billion") when at least half of its sources hedge (a tie keeps the hedge), else
    unhedged; then the narrowest date interval."""
    hedged = sum(counts[v] for v in group if v.qualifier is not None)
    keep_hedge = 2 * hedged >= sum(counts[v] for v in group)
    pool = [v for v in group if (v.qualifier is not None) == keep_hedge]
    return min(pool, key=_width)


def _width(value: ClaimValue) -> int:
    v = value.value
    return (v.end - v.start).days if isinstance(v, DateInterval) else 0


def _largest(groups: list[list[ClaimValue]], sizes: list[int]) -> list[ClaimValue]:
    """The group stated by the most sources; none on a tie."""
    if not groups:
        return []
    ranked = sorted(sizes, reverse=True)
    if len(ranked) > 1 and ranked[0] == ranked[1]:
        return []  # a tie: no side has the majority
    return groups[sizes.index(ranked[0])]


def _claim_status(sources: int, groups: int, self_conflict: bool) -> ClaimStatus:
    if sources == 0:
        return "silent"
    if self_conflict or groups > 1:
        return "conflict"
    return "single" if sources == 1 else "agree"


class _Judge:
    """A stating source's verdict, from the claim's verdict and the source's values."""

    def __init__(
        self,
        claim: Claim,
        status: ClaimStatus,
        majority: frozenset[ClaimValue],
        value_of: dict[tuple[ClaimValue, ...], ClaimValue | None],
    ) -> None:
        self.claim, self.status, self.majority, self.value_of = claim, status, majority, value_of
        self._expected: dict[tuple[ClaimValue, ...], Literal["match", "mismatch"] | None] = {}

    def __call__(self, stated: Stated) -> SourceVerdict:
        source, values, evidence = stated
        value = self.value_of[values]
        if values not in self._expected:
            self._expected[values] = _expected(self.claim, list(values))
        expected = self._expected[values]
        if value is None:
            return SourceVerdict(source, "self-conflict", evidence, None, expected)
        if self.status == "single":
            return SourceVerdict(source, "single", evidence, value, expected)
        verdict: SourceStatus = "agrees" if value in self.majority else "conflicts"
        return SourceVerdict(source, verdict, evidence, value, expected)


def _expected(claim: Claim, found: list[ClaimValue]) -> Literal["match", "mismatch"] | None:
    if claim.expect is None:
        return None
    ok = all(compatible(v, claim.expect, claim.tolerance) for v in found)
    return "match" if ok else "mismatch"


def _notes(
    groups: list[list[ClaimValue]],
    per_source: Iterable[Stated],
    value_of: dict[tuple[ClaimValue, ...], ClaimValue | None],
    status: ClaimStatus,
    claim: Claim,
) -> tuple[str, ...]:
    """Differences worth telling even between compatible values (a dropped hedge), and
    a conflict whose sides follow one another in time (the figure may have changed)."""
    notes = []
    if status == "conflict" and not claim.changes_over_time and len(groups) > 1:
        hint = split_by_date([(s, value_of[found]) for s, found, _ in per_source], groups)
        if hint is not None:
            notes.append(hint)
    for group in groups:
        if len({v.qualifier for v in group}) > 1:
            members = set(group)
            stated = ", ".join(
                f"{source.id}: {display(value)}"
                for source, found, _ in per_source
                if (value := value_of[found]) is not None and value in members
            )
            notes.append(f"compatible but differently hedged: {stated}")
    return tuple(notes)
