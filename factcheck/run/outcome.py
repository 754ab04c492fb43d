"""What a check produced, before it becomes a report: :class:`CheckRun`.

Plain data over the verdicts: a lint reads them and never builds a report, so
this module never imports pydantic; the report models (:mod:`factcheck.results`)
are imported only when a renderer asks for them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import TYPE_CHECKING

from factcheck.binding.evidence import DocumentResult
from factcheck.dataclass import dataclass
from factcheck.model import Notice, Skipped
from factcheck.reconcile.copies import CopyGroup
from factcheck.reconcile.records import ClaimVerdict
from factcheck.reconcile.tally import status_counts

if TYPE_CHECKING:
    from factcheck.reconcile.ledger import EvidenceStore
    from factcheck.results import CheckReport, SourceOut, UnresolvedOut
    from factcheck.rules.ruleset import RuleSet


@dataclass(frozen=True)
class CheckRun:
    """Renderers that stream (JSON over an archive) read the verdicts; the others
    ask for :meth:`report`.

    Over an archive the evidence may live in a temporary file (``store``, see
    :mod:`factcheck.reconcile.ledger`): use the run as a context manager, or call
    :meth:`close`, to remove it once the report is written. ``documents`` then
    hold each source and its unresolved values; the evidence is reached through
    the verdicts (``SourceVerdict.evidence``).
    """

    verdicts: list[ClaimVerdict]
    documents: Sequence[DocumentResult]
    skipped: Sequence[Skipped | Notice]  # files not read, and notices about the others
    store: EvidenceStore | None = None
    copies: tuple[CopyGroup, ...] = ()  # sources that repeat one report
    rules: RuleSet | None = None  # what was checked, for a report that shows the story's title

    @property
    def title(self) -> str | None:
        """The story's title (the rule file's ``story:``), read when a report asks."""
        return self.rules.title() if self.rules is not None else None

    def report(self) -> CheckReport:
        from factcheck.results import build_report

        return build_report(self.verdicts, self.documents, self.skipped, self.copies)

    @property
    def warnings(self) -> list[str]:
        """One line per skipped file or notice (bad metadata), as the reports print them."""
        return [str(s) for s in self.skipped]

    def close(self) -> None:
        """Remove the spilled evidence, if any; the verdicts' evidence is gone after."""
        if self.store is not None:
            self.store.close()

    def __enter__(self) -> CheckRun:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

    def summary(self) -> dict[str, int]:
        """Claims per outcome, and how many differ from their rule's ``expect``."""
        return status_counts(self.verdicts)

    def sources(self) -> list[SourceOut]:
        return list(self.each_source())

    def each_source(self) -> Iterator[SourceOut]:
        from factcheck.results import source_out

        return (source_out(d.source) for d in self.documents)

    def unresolved(self) -> list[UnresolvedOut]:
        return list(self.each_unresolved())

    def each_unresolved(self) -> Iterator[UnresolvedOut]:
        from factcheck.results import each_unresolved

        return each_unresolved(self.documents)


@dataclass(frozen=True)
class StoryRun:
    """One story's check, for a report that names several stories."""

    name: str
    title: str | None
    run: CheckRun
