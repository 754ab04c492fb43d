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

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol

from factcheck.display import display
from factcheck.evidence import DocumentResult, Evidence, SourceInfo
from factcheck.model import DateInterval
from factcheck.rules import Claim, RuleSet
from factcheck.values import ClaimValue, Tolerance, compatible

ClaimStatus = Literal["agree", "conflict", "single", "silent"]
SourceStatus = Literal["agrees", "conflicts", "single", "silent", "self-conflict"]


class LazyEvidence(Protocol):
    """Evidence kept out of memory (see :mod:`factcheck.spill`), read back on demand."""

    def load(self) -> tuple[Evidence, ...]: ...


Found = tuple[Evidence, ...] | LazyEvidence
# what reconciliation needs of a source for a claim: its values, and its evidence
Stated = tuple[SourceInfo, tuple[ClaimValue, ...], Found]


@dataclass(frozen=True, slots=True)
class SourceVerdict:
    source: SourceInfo
    status: SourceStatus
    found: Found  # the evidence, or where to read it back (see ``evidence``)
    value: ClaimValue | None  # the source's value; None if silent or self-conflicting
    expected: Literal["match", "mismatch"] | None = None

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """The source's evidence for the claim; read back from disk if it was spilled."""
        found = self.found
        return found if isinstance(found, tuple) else found.load()


@dataclass(frozen=True)
class ClaimVerdict:
    """A claim's verdict. Only the sources that state the claim are stored; the
    silent ones are made on demand from ``order`` (one tuple shared by every
    claim), so an archive of silent sources costs nothing per claim."""

    claim: Claim
    status: ClaimStatus
    consensus: ClaimValue | None  # set for agree and single
    majority: ClaimValue | None  # the largest group's value, also under conflict
    stating: tuple[SourceVerdict, ...]
    order: tuple[SourceInfo, ...]  # every source, in report order
    notes: tuple[str, ...] = ()

    @property
    def sources(self) -> tuple[SourceVerdict, ...]:
        """Every source's verdict, in report order, silent ones included."""
        return tuple(self.each_source())

    def each_source(self) -> Iterator[SourceVerdict]:
        """Like :attr:`sources`, one at a time (an archive's silent sources add up)."""
        by_id = {s.source.id: s for s in self.stating}
        for info in self.order:
            yield by_id.get(info.id) or SourceVerdict(info, "silent", (), None)


def reconcile(rules: RuleSet, documents: Sequence[DocumentResult]) -> list[ClaimVerdict]:
    """A verdict for every claim, in rule order."""
    by_claim: dict[str, list[Stated]] = {}
    for doc in documents:
        grouped: dict[str, list[Evidence]] = {}
        for item in doc.evidence:
            grouped.setdefault(item.claim, []).append(item)
        for claim_id, items in grouped.items():
            by_claim.setdefault(claim_id, []).append(
                (doc.source, tuple(e.value for e in items), tuple(items)))
    order = tuple(doc.source for doc in documents)
    return reconcile_stated(rules, order, lambda claim_id: by_claim.get(claim_id, ()))


def reconcile_stated(
    rules: RuleSet, order: tuple[SourceInfo, ...],
    stated: Callable[[str], Sequence[Stated]],
) -> list[ClaimVerdict]:
    """A verdict for every claim from what each source states (``stated(claim_id)``:
    source, values and evidence, in report order); ``order`` lists every source."""
    return [_reconcile(claim, stated(claim.id), order) for claim in rules.claims]


def reconcile_claim(
    claim: Claim, per_source: Sequence[tuple[SourceInfo, tuple[Evidence, ...]]],
    order: tuple[SourceInfo, ...] | None = None,
) -> ClaimVerdict:
    """The verdict from the sources that state the claim (``per_source``, in
    report order); ``order`` lists every source, the silent ones too."""
    stated = [(source, tuple(e.value for e in evidence), evidence)
              for source, evidence in per_source]
    everyone = order if order is not None else tuple(source for source, _ in per_source)
    return _reconcile(claim, stated, everyone)


def _reconcile(
    claim: Claim, per_source: Sequence[Stated], order: tuple[SourceInfo, ...],
) -> ClaimVerdict:
    values: dict[str, ClaimValue | None] = {}
    self_conflicts: set[str] = set()
    for source, found, _ in per_source:
        if found:
            value = _source_value(list(found), claim.tolerance)
            values[source.id] = value
            if value is None:
                self_conflicts.add(source.id)
    stating = [(doc_id, v) for doc_id, v in values.items() if v is not None]
    groups = _groups(stating, claim.tolerance)
    status = _claim_status(len(values), len(groups), bool(self_conflicts))
    largest = _largest(groups)
    majority = _representative([v for _, v in largest]) if largest else None
    members = {doc_id for doc_id, _ in largest}
    stating_verdicts = tuple(
        _source_verdict(claim, source, found, evidence, values.get(source.id), status, members,
                        source.id in self_conflicts)
        for source, found, evidence in per_source if found
    )
    consensus = majority if status in ("agree", "single") else None
    return ClaimVerdict(claim, status, consensus, majority, stating_verdicts, order,
                        _notes(groups))


def _source_value(found: list[ClaimValue], tolerance: Tolerance) -> ClaimValue | None:
    """One value for a source: the most precise of its compatible values, or None."""
    for i, a in enumerate(found):
        if not all(compatible(a, b, tolerance) for b in found[i + 1:]):
            return None
    return _representative(found)


def _representative(found: list[ClaimValue]) -> ClaimValue:
    """The most precise value: unhedged first, then the narrowest date interval."""
    unhedged = [v for v in found if v.qualifier is None] or found
    return min(unhedged, key=_width)


def _width(value: ClaimValue) -> int:
    v = value.value
    return (v.end - v.start).days if isinstance(v, DateInterval) else 0


def _groups(
    stating: list[tuple[str, ClaimValue]], tolerance: Tolerance,
) -> list[list[tuple[str, ClaimValue]]]:
    """Sources grouped so that every value in a group is compatible with every other.

    Sources mostly repeat the same few values, so distinct values are grouped
    first and sources follow their value: the cost grows with the number of
    distinct values, not with the square of the number of sources.
    """
    by_value: dict[ClaimValue, list[str]] = {}
    for doc_id, value in stating:
        by_value.setdefault(value, []).append(doc_id)
    value_groups: list[list[ClaimValue]] = []
    for value in by_value:
        for group in value_groups:
            if all(compatible(value, other, tolerance) for other in group):
                group.append(value)
                break
        else:
            value_groups.append([value])
    order = {doc_id: i for i, (doc_id, _) in enumerate(stating)}
    return [
        sorted(((doc_id, value) for value in group for doc_id in by_value[value]),
               key=lambda pair: order[pair[0]])
        for group in value_groups
    ]


def _largest(groups: list[list[tuple[str, ClaimValue]]]) -> list[tuple[str, ClaimValue]]:
    if not groups:
        return []
    sizes = sorted((len(g) for g in groups), reverse=True)
    if len(sizes) > 1 and sizes[0] == sizes[1]:
        return []  # a tie: no side has the majority
    return max(groups, key=len)


def _claim_status(sources: int, groups: int, self_conflict: bool) -> ClaimStatus:
    if sources == 0:
        return "silent"
    if self_conflict or groups > 1:
        return "conflict"
    return "single" if sources == 1 else "agree"


def _source_verdict(
    claim: Claim, source: SourceInfo, found: tuple[ClaimValue, ...], evidence: Found,
    value: ClaimValue | None, status: ClaimStatus, majority: set[str], self_conflict: bool,
) -> SourceVerdict:
    expected = _expected(claim, list(found)) if found else None
    if not found:
        return SourceVerdict(source, "silent", evidence, None, expected)
    if self_conflict:
        return SourceVerdict(source, "self-conflict", evidence, None, expected)
    if status == "single":
        return SourceVerdict(source, "single", evidence, value, expected)
    verdict: SourceStatus = "agrees" if source.id in majority else "conflicts"
    return SourceVerdict(source, verdict, evidence, value, expected)


def _expected(claim: Claim, found: list[ClaimValue]) -> Literal["match", "mismatch"] | None:
    if claim.expect is None:
        return None
    ok = all(compatible(v, claim.expect, claim.tolerance) for v in found)
    return "match" if ok else "mismatch"


def _notes(groups: list[list[tuple[str, ClaimValue]]]) -> tuple[str, ...]:
    """Differences worth telling even between compatible values (a dropped hedge)."""
    notes = []
    for group in groups:
        hedges = {v.qualifier for _, v in group}
        if len(hedges) > 1:
            stated = ", ".join(f"{doc_id}: {display(v)}" for doc_id, v in group)
            notes.append(f"compatible but differently hedged: {stated}")
    return tuple(notes)
