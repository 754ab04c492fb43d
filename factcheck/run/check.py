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
from factcheck.binding.evidence import DocumentResult, SourceInfo, check_document
from factcheck.model import Document, Notice, Skipped
from factcheck.reconcile.copies import find_copies
from factcheck.reconcile.ledger import SPILL_AFTER, EvidenceStore, Ledger
from factcheck.reconcile.verdicts import reconcile
from factcheck.rules.ruleset import RuleSet
from factcheck.run import engines
from factcheck.run.outcome import CheckRun
from factcheck.sources.corpus import (
    Corpus,
    SourceTask,
    empty_corpus_error,
    load_source,
    plan_sources,
)

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
        skipped: list[Skipped | Notice] = []  # what to warn about, in report order
        done = 0
        for outcome in read:
            if progress is not None and not isinstance(outcome, Notice):
                done += 1
                progress(done, total)
            if isinstance(outcome, Skipped | Notice):
                skipped.append(outcome)
            else:
                skipped.extend(outcome.notices)
                ledger.add(outcome)
        if not ledger.documents and not isinstance(sources, Corpus):
            raise empty_corpus_error(paths, skipped)
        order = ledger.order()
        texts = _corpus_text(sources) if isinstance(sources, Corpus) else _file_text(order)
        copies = find_copies(order, ledger.signature, texts, ledger.values_of)
        copy_of = {member: group.label() for group in copies for member in group.members}
        verdicts = reconcile(rules, order, ledger.stated, ledger.ties, ledger.as_of, copy_of)
    except BaseException:
        store.close()
        raise
    return CheckRun(verdicts, ledger.documents, skipped, store, copies, rules)


def _corpus_text(corpus: Corpus) -> Callable[[int], str | None]:
    return lambda index: corpus.documents[index].checkable_text()


def _file_text(order: tuple[SourceInfo, ...]) -> Callable[[int], str | None]:
    """A document's text read again (copy detection reads only candidates' texts)."""

    def text(index: int) -> str | None:
        loaded = load_source(SourceTask(order[index].path, None))
        return loaded.checkable_text() if isinstance(loaded, Document) else None

    return text


Outcome = DocumentResult | Skipped | Notice


def _checked_corpus(rules: RuleSet, corpus: Corpus, binder: Binder | None) -> Iterator[Outcome]:
    binder = binder or Binder(rules)
    yield from corpus.notices
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
