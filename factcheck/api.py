"""The programmatic API: load rules and sources, check, get typed results.

    >>> from factcheck import api
    >>> report = api.check(["rules"], ["seeds"])
    >>> report.claim("aws-deal-value").status
    'agree'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from factcheck.bind import Binder, DocumentBindings
from factcheck.corpus import Corpus, load_corpus, load_document
from factcheck.lint_model import LintReport
from factcheck.model import Document
from factcheck.reconcile import ClaimVerdict, reconcile
from factcheck.results import CheckReport, build_report
from factcheck.rules import RuleSet, load_rules

__all__ = ["bind_documents", "check", "check_documents", "lint", "load_corpus", "load_rules"]


def bind_documents(rules: RuleSet, documents: Sequence[Document]) -> list[DocumentBindings]:
    binder = Binder(rules)
    return [binder.bind(document) for document in documents]


def check_documents(
    rules: RuleSet, corpus: Corpus,
) -> tuple[list[ClaimVerdict], list[DocumentBindings]]:
    bound = bind_documents(rules, corpus.documents)
    return reconcile(rules, bound), bound


def check(
    rules: RuleSet | Iterable[str | Path], sources: Corpus | Iterable[str | Path],
) -> CheckReport:
    """Check sources against rules; paths may be files or folders."""
    rule_set = rules if isinstance(rules, RuleSet) else load_rules(rules)
    corpus = sources if isinstance(sources, Corpus) else load_corpus(sources)
    verdicts, bound = check_documents(rule_set, corpus)
    return build_report(verdicts, bound, corpus.warnings)


def lint(
    drafts: Iterable[str | Path | Document],
    rules: RuleSet | Iterable[str | Path],
    sources: Corpus | Iterable[str | Path],
    severity: Mapping[str, str] | None = None,
    include_info: bool = False,
) -> LintReport:
    """Lint drafts against the sources and the rules' reference values."""
    from factcheck.lint import lint as lint_drafts

    rule_set = rules if isinstance(rules, RuleSet) else load_rules(rules)
    corpus = sources if isinstance(sources, Corpus) else load_corpus(sources)
    documents = [d if isinstance(d, Document) else load_document(d) for d in drafts]
    verdicts, _ = check_documents(rule_set, corpus)
    return lint_drafts(rule_set, verdicts, documents, severity, include_info)
