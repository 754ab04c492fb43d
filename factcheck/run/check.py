"""The one check path: sources through binding into verdicts.

The command line, the API, the pytest plugin and every engine come here.
Documents stream through: each is read, bound and dropped, and the
:class:`~factcheck.reconcile.ledger.Ledger` keeps what reconciliation needs,
with the evidence spilled to a temporary file past ``spill_after`` documents.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from factcheck.binding.binder import Binder
from factcheck.binding.evidence import DocumentResult, check_document
from factcheck.model import Skipped
from factcheck.reconcile.ledger import SPILL_AFTER, EvidenceStore, Ledger
from factcheck.reconcile.verdicts import reconcile
from factcheck.results import CheckRun
from factcheck.rules.ruleset import RuleSet
from factcheck.run import engines
from factcheck.sources.corpus import Corpus, SourceTask, empty_corpus_error, plan_sources

Sources = Corpus | str | Path | Iterable[str | Path]
Progress = Callable[[int, int], None]  # (sources done, sources in all), after each source


def run_check(
    rules: RuleSet,
    sources: Sources,
    *,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    spill_after: int | None = SPILL_AFTER,
    binder: Binder | None = None,
    progress: Progress | None = None,
) -> CheckRun:
    """Check ``sources`` (paths, or a corpus already read) against ``rules``.

    Past ``spill_after`` documents (None: never) the evidence goes to a
    temporary file: use the returned run as a context manager (or call its
    ``close``) to remove it. ``binder``: one already built for ``rules``, reused
    for the work done in this process; ``progress`` is told each source done (a
    face draws a bar with it). Paths with nothing readable raise an
    :class:`~factcheck.errors.InputError` that says why."""
    if isinstance(sources, Corpus):
        total = len(sources.documents) + len(sources.skipped)
        read = _checked_corpus(rules, sources, binder)
    else:
        paths = _as_paths(sources)
        tasks = plan_sources(paths)
        total = len(tasks)
        read = _checked_tasks(rules, tasks, jobs, engine, scheduler, binder)
    store = EvidenceStore(spill_after)
    try:
        ledger = Ledger(store)
        skipped: list[Skipped] = []
        for done, outcome in enumerate(read, start=1):
            if progress is not None:
                progress(done, total)
            if isinstance(outcome, Skipped):
                skipped.append(outcome)
            else:
                ledger.add(outcome)
        if not ledger.documents and not isinstance(sources, Corpus):
            raise empty_corpus_error(paths, skipped)
        verdicts = reconcile(rules, ledger.order(), ledger.stated, ledger.ties)
    except BaseException:
        store.close()
        raise
    return CheckRun(verdicts, ledger.documents, skipped, store, rules)


Outcome = DocumentResult | Skipped


def _checked_corpus(rules: RuleSet, corpus: Corpus, binder: Binder | None) -> Iterator[Outcome]:
    binder = binder or Binder(rules)
    yield from corpus.skipped
    yield from (check_document(binder, document) for document in corpus.documents)


def _checked_tasks(
    rules: RuleSet,
    tasks: list[SourceTask],
    jobs: int,
    engine: str,
    scheduler: str | None,
    binder: Binder | None,
) -> Iterator[Outcome]:
    """Each source's result (or why it was skipped) in report order, ids made unique."""
    seen: set[str] = set()
    for outcome in engines.run(rules, tasks, jobs, engine, scheduler, binder):
        if isinstance(outcome, DocumentResult):
            if outcome.source.id in seen:  # same stem in two folders: qualify by path
                outcome = outcome.with_id(str(Path(outcome.source.path).with_suffix("")))
            seen.add(outcome.source.id)
        yield outcome


def _as_paths(sources: str | Path | Iterable[str | Path]) -> list[str | Path]:
    """A path given alone is a list of one (a str is never a list of characters)."""
    if isinstance(sources, str | Path):
        return [sources]
    return list(sources)
