"""The programmatic API: load rules and sources, check, lint, get typed results.

    >>> from factcheck import api
    >>> report = api.check(["rules"], ["seeds"])
    >>> report.claim("aws-deal-value").status
    'agree'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from factcheck.bind import Binder
from factcheck.corpus import Corpus, empty_corpus_error, load_corpus, load_document, plan_sources
from factcheck.evidence import DocumentResult, check_document
from factcheck.lint_model import LintReport
from factcheck.model import Document
from factcheck.reconcile import ClaimVerdict, reconcile
from factcheck.results import CheckReport, CheckRun
from factcheck.rules import RuleSet, load_rules

__all__ = ["check", "check_sources", "lint", "load_corpus", "load_rules", "run_check"]

Sources = Corpus | Iterable[str | Path]


def check_sources(
    rules: RuleSet, sources: Sources, jobs: int = 1, engine: str = "local",
    scheduler: str | None = None,
) -> tuple[list[ClaimVerdict], list[DocumentResult], list[str]]:
    """Verdicts, per-document results and warnings. Paths are streamed: each
    document is read, checked and dropped, keeping only its evidence."""
    if isinstance(sources, Corpus):
        binder = Binder(rules)
        results = [check_document(binder, d) for d in sources.documents]
        return reconcile(rules, results), results, list(sources.warnings)
    from factcheck import engines

    paths = list(sources)
    warnings: list[str] = []
    results = []
    seen: set[str] = set()
    for outcome in engines.run(rules, plan_sources(paths), jobs, engine, scheduler):
        if isinstance(outcome, str):
            warnings.append(outcome)
            continue
        if outcome.source.id in seen:  # same stem in two folders: qualify by path
            outcome = outcome.with_id(str(Path(outcome.source.path).with_suffix("")))
        seen.add(outcome.source.id)
        results.append(outcome)
    if not results:
        raise empty_corpus_error(paths, warnings)
    return reconcile(rules, results), results, warnings


def run_check(
    rules: RuleSet | Iterable[str | Path], sources: Sources, jobs: int = 1,
    engine: str = "local", scheduler: str | None = None,
) -> CheckRun:
    """Check sources against rules, keeping the verdicts for a renderer."""
    rule_set = rules if isinstance(rules, RuleSet) else load_rules(rules)
    return CheckRun(*check_sources(rule_set, sources, jobs, engine, scheduler))


def check(
    rules: RuleSet | Iterable[str | Path], sources: Sources, jobs: int = 1,
    engine: str = "local", scheduler: str | None = None,
) -> CheckReport:
    """Check sources against rules; paths may be files or folders."""
    return run_check(rules, sources, jobs, engine, scheduler).report()


def lint(
    drafts: Iterable[str | Path | Document],
    rules: RuleSet | Iterable[str | Path],
    sources: Sources,
    severity: Mapping[str, str] | None = None,
    include_info: bool = False,
) -> LintReport:
    """Lint drafts against the sources and the rules' reference values."""
    from factcheck.lint import lint as lint_drafts

    rule_set = rules if isinstance(rules, RuleSet) else load_rules(rules)
    documents = [d if isinstance(d, Document) else load_document(d) for d in drafts]
    verdicts, _, _ = check_sources(rule_set, sources)
    return lint_drafts(rule_set, verdicts, documents, severity, include_info)
