"""What reconciling produces: a verdict per claim and per source.

Per claim: ``agree``, ``conflict``, ``changed``, ``single`` or ``silent``; per
source: ``agrees``, ``conflicts``, ``single``, ``silent``, ``self-conflict`` or
``superseded``. The data only; :mod:`.verdicts` decides them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import Literal, Protocol, overload

from factcheck.binding.evidence import Evidence, SourceInfo
from factcheck.dataclass import dataclass
from factcheck.reconcile.timeline import Era
from factcheck.rules.ruleset import Claim
from factcheck.values import ClaimValue

ClaimStatus = Literal["agree", "conflict", "single", "silent", "changed"]
SourceStatus = Literal["agrees", "conflicts", "single", "silent", "self-conflict", "superseded"]


class EvidenceRef(Protocol):
    """Where a source's evidence for a claim is kept: in memory (:class:`Kept`) or in
    the ledger's temporary file (:class:`~factcheck.reconcile.ledger.Spilled`)."""

    def load(self) -> tuple[Evidence, ...]: ...


@dataclass(frozen=True, slots=True)
class Kept:
    """Evidence held in memory."""

    evidence: tuple[Evidence, ...]

    def load(self) -> tuple[Evidence, ...]:
        return self.evidence


NO_EVIDENCE = Kept(())


@dataclass(frozen=True, slots=True)
class Tie:
    """A value two claims proposed with equal scores; claim order gave it to ``winner``."""

    source: str
    winner: str
    loser: str
    text: str

    def note(self) -> str:
        return (
            f"tie in {self.source}: {self.winner} and {self.loser} both propose "
            f"{self.text!r} with the same score; claim order gave it to {self.winner}"
        )


# What reconciliation needs of a source for a claim: its values, and its evidence.
Stated = tuple[SourceInfo, tuple[ClaimValue, ...], EvidenceRef]


@dataclass(frozen=True, slots=True)
class SourceVerdict:
    """One source's verdict on one claim, with the evidence for it."""

    source: SourceInfo
    status: SourceStatus
    evidence_ref: EvidenceRef
    value: ClaimValue | None  # the source's value; None if silent or self-conflicting
    expected: Literal["match", "mismatch"] | None = None

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """The source's evidence for the claim (read back from disk if it was spilled)."""
        return self.evidence_ref.load()


@dataclass(frozen=True)
class ClaimVerdict:
    """A claim's verdict. Only the sources that state the claim are stored; the
    silent ones are made on demand from ``order`` (one tuple shared by every
    claim), so an archive of silent sources costs nothing per claim."""

    claim: Claim
    status: ClaimStatus
    consensus: ClaimValue | None  # set for agree and single
    majority: ClaimValue | None  # the largest group's value, also under conflict
    stating: Sequence[SourceVerdict]  # in report order; see StatingVerdicts
    order: tuple[SourceInfo, ...]  # every source, in report order
    notes: tuple[str, ...] = ()
    # Against the rule's reference value: "mismatch" when any source's value differs.
    expected: Literal["match", "mismatch"] | None = None
    # ``changes_over_time`` claims whose values make two eras or more: the figures in
    # time order, and the sources that give no date (compared with every era).
    timeline: tuple[Era, ...] = ()
    undated: tuple[str, ...] = ()
    # An agreement whose sources all repeat one original report: that report's label.
    single_original: str | None = None

    @property
    def sources(self) -> tuple[SourceVerdict, ...]:
        """Every source's verdict, in report order, silent ones included."""
        return tuple(self.each_source())

    def each_source(self) -> Iterator[SourceVerdict]:
        """Like :attr:`sources`, one at a time (an archive's silent sources add up)."""
        by_id = {s.source.id: s for s in self.stating}
        for info in self.order:
            yield by_id.get(info.id) or SourceVerdict(info, "silent", NO_EVIDENCE, None)


class StatingVerdicts(Sequence[SourceVerdict]):
    """The verdicts of the sources that state a claim, made when read.

    An archive's claim is stated by thousands of sources; keeping a verdict
    object for each would grow memory with the archive, so each is made from
    the source's entry when the report reaches it."""

    __slots__ = ("_entries", "_judge")

    def __init__(self, entries: Sequence[Stated], judge: Callable[[Stated], SourceVerdict]):
        self._entries = entries
        self._judge = judge

    def __len__(self) -> int:
        return len(self._entries)

    @overload
    def __getitem__(self, index: int) -> SourceVerdict: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[SourceVerdict, ...]: ...

    def __getitem__(self, index: int | slice) -> SourceVerdict | tuple[SourceVerdict, ...]:
        if isinstance(index, slice):
            return tuple(self)[index]
        return self._judge(self._entries[index])

    def __iter__(self) -> Iterator[SourceVerdict]:
        return map(self._judge, self._entries)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence):
            return NotImplemented
        return tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return f"StatingVerdicts({tuple(self)!r})"
