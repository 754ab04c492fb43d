"""The programmatic API: load rules and sources, check, lint, get typed results.

>>> from factcheck import api
>>> report = api.check(["rules"], ["seeds"])
>>> report.claim("aws-deal-value").status
'agree'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from factcheck.binding.binder import Binder
from factcheck.binding.evidence import DocumentResult, check_document
from factcheck.lint.model import LintReport
from factcheck.model import Document
from factcheck.reconcile.ledger import SPILL_AFTER, EvidenceStore, Ledger
from factcheck.reconcile.verdicts import ClaimVerdict, reconcile, reconcile_stated
from factcheck.results import CheckReport, CheckRun
from factcheck.rules.ruleset import RuleSet, load_rules
from factcheck.sources.corpus import (
    Corpus,
    empty_corpus_error,
    load_corpus,
    load_document,
    plan_sources,
)

__all__ = ["check", "check_sources", "lint", "load_corpus", "load_rules", "run_check"]

Sources = Corpus | Iterable[str | Path]


def check_sources(
    rules: RuleSet,
    sources: Sources,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    binder: Binder | None = None,
) -> tuple[list[ClaimVerdict], list[DocumentResult], list[str]]:
    """Verdicts, per-document results and warnings, all in memory. Paths are
    streamed: each document is read, checked and dropped, keeping only its evidence.
    ``binder``: one already built for ``rules``, to reuse in this process."""
    if isinstance(sources, Corpus):
        binder = binder or Binder(rules)
        results = [check_document(binder, d) for d in sources.documents]
        return reconcile(rules, results), results, list(sources.warnings)
    warnings: list[str] = []
    results = list(_stream(rules, sources, jobs, engine, scheduler, warnings, binder))
    return reconcile(rules, results), results, warnings


def _stream(
    rules: RuleSet,
    sources: Iterable[str | Path],
    jobs: int,
    engine: str,
    scheduler: str | None,
    warnings: list[str],
    binder: Binder | None = None,
) -> Iterator[DocumentResult]:
    """Each source's result in report order (ids made unique); warnings collected."""
    from factcheck.run import engines

    paths = list(sources)
    seen: set[str] = set()
    for outcome in engines.run(rules, plan_sources(paths), jobs, engine, scheduler, binder):
        if isinstance(outcome, str):
            warnings.append(outcome)
            continue
        if outcome.source.id in seen:  # same stem in two folders: qualify by path
            outcome = outcome.with_id(str(Path(outcome.source.path).with_suffix("")))
        seen.add(outcome.source.id)
        yield outcome
    if not seen:
        raise empty_corpus_error(paths, warnings)


def run_check(
    rules: RuleSet | Iterable[str | Path],
    sources: Sources,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    spill_after: int | None = SPILL_AFTER,
) -> CheckRun:
    """Check sources against rules, keeping the verdicts for a renderer.

    Past ``spill_after`` documents (None: never) the evidence goes to a
    temporary file, so memory stays flat over an archive: use the returned run
    as a context manager (or call its ``close``) to remove it."""
    rule_set = rules if isinstance(rules, RuleSet) else load_rules(rules)
    if isinstance(sources, Corpus):
        return CheckRun(*check_sources(rule_set, sources))
    store = EvidenceStore(spill_after)
    try:
        ledger = Ledger(store)
        warnings: list[str] = []
        for result in _stream(rule_set, sources, jobs, engine, scheduler, warnings):
            ledger.add(result)
        verdicts = reconcile_stated(rule_set, ledger.order(), ledger.stated)
    except BaseException:
        store.close()
        raise
    return CheckRun(verdicts, ledger.documents, warnings, store)


def check(
    rules: RuleSet | Iterable[str | Path],
    sources: Sources,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> CheckReport:
    """Check sources against rules; paths may be files or folders."""
    with run_check(rules, sources, jobs, engine, scheduler) as run:
        return run.report()


def lint(
    drafts: Iterable[str | Path | Document],
    rules: RuleSet | Iterable[str | Path],
    sources: Sources,
    severity: Mapping[str, str] | None = None,
    include_info: bool = False,
) -> LintReport:
    """Lint drafts against the sources and the rules' reference values."""
    from factcheck.lint.findings import lint as lint_drafts

    rule_set = rules if isinstance(rules, RuleSet) else load_rules(rules)
    documents = [d if isinstance(d, Document) else load_document(d) for d in drafts]
    binder = Binder(rule_set)  # one for the sources and the drafts
    verdicts, _, _ = check_sources(rule_set, sources, binder=binder)
    return lint_drafts(rule_set, verdicts, documents, severity, include_info, binder)
