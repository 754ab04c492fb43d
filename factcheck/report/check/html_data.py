"""What the HTML check page reads, from a finished report or from a run as it streams.

The page is written in passes (statuses, matrix, source texts with evidence),
each reading the claims again rather than keeping them: from a
:class:`~factcheck.results.CheckRun` every pass walks the verdicts, and a
source's evidence is read back (from disk, once spilled) only while it is
written, so an archive's page costs the memory of one source at a time. From
a :class:`~factcheck.results.CheckReport` (tests, the stories' pages) the same
passes walk the models.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator, Sequence

from factcheck.dataclass import dataclass
from factcheck.results import (
    CheckReport,
    ClaimOut,
    CopyGroupOut,
    SourceClaimOut,
    SourceOut,
    UnresolvedOut,
    claim_out,
    copies_out,
    source_claim_out,
)
from factcheck.run.outcome import CheckRun

# Claim row r's sources in report order, only those whose id is in the container if given.
Verdicts = Callable[[int, Container[str] | None], Iterator[SourceClaimOut]]


@dataclass(frozen=True)
class PageData:
    title: str | None
    sources: Sequence[SourceOut]
    claims: Sequence[ClaimOut]  # their ``sources`` may be empty: read them with ``verdicts``
    statuses: Callable[[int], Iterator[str]]  # claim row r's source statuses, in report order
    verdicts: Verdicts
    summary: dict[str, int]
    unresolved: Sequence[UnresolvedOut]
    warnings: Sequence[str]
    copies: Sequence[CopyGroupOut] = ()


def from_report(report: CheckReport, title: str | None = None) -> PageData:
    def verdicts(r: int, only: Container[str] | None) -> Iterator[SourceClaimOut]:
        return (s for s in report.claims[r].sources if only is None or s.source in only)

    return PageData(
        title=title,
        sources=report.sources,
        claims=report.claims,
        statuses=lambda r: (s.status for s in report.claims[r].sources),
        verdicts=verdicts,
        summary=report.summary,
        unresolved=report.unresolved,
        warnings=report.warnings,
        copies=report.copies or (),
    )


def from_run(run: CheckRun) -> PageData:
    def verdicts(r: int, only: Container[str] | None) -> Iterator[SourceClaimOut]:
        return (
            source_claim_out(s)
            for s in run.verdicts[r].each_source()
            if only is None or s.source.id in only
        )

    return PageData(
        title=run.title,
        sources=run.sources(),
        claims=[claim_out(v, with_sources=False) for v in run.verdicts],
        statuses=lambda r: (s.status for s in run.verdicts[r].each_source()),
        verdicts=verdicts,
        summary=run.summary(),
        unresolved=run.unresolved(),
        warnings=run.warnings,
        copies=copies_out(run.copies) or (),
    )
