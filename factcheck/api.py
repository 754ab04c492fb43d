"""The programmatic API: load rules and sources, check, lint, get typed results.

>>> from factcheck import api
>>> report = api.check(["rules"], ["seeds"])
>>> report.claim("aws-deal-value").status
'agree'

Every function takes a path or a list of paths (files or folders) wherever it
takes paths; rules may also be a loaded :class:`RuleSet` and sources a loaded
:class:`Corpus`. All of them run the one check path, :func:`run_check`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import ExitStack
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.binding.binder import Binder
from factcheck.errors import InputError
from factcheck.lint.model import LintReport
from factcheck.model import Document
from factcheck.reconcile.ledger import SPILL_AFTER
from factcheck.rules.ruleset import RuleSet
from factcheck.rules.ruleset import load_rules as _load_rules
from factcheck.run import check as _check
from factcheck.run.check import Sources
from factcheck.run.outcome import CheckRun
from factcheck.sources.corpus import Corpus, draft_files, load_document
from factcheck.sources.corpus import load_corpus as _load_corpus
from factcheck.stories import Story

if TYPE_CHECKING:
    from factcheck.results import CheckReport
    from factcheck.run.explain import ExplainReport

__all__ = [
    "check",
    "explain",
    "lint",
    "lint_stories",
    "load_corpus",
    "load_rules",
    "load_stories",
    "run_check",
]

Paths = str | Path | Iterable[str | Path]
Rules = RuleSet | Paths


def load_rules(paths: Paths) -> RuleSet:
    """Every rule file under ``paths``, validated; raises a located ``RuleFileError``."""
    return _load_rules(_as_list(paths))


def load_stories(project: str | Path | None = None) -> list[Story]:
    """The stories configured for the project around ``project`` (default: the
    current folder): ``[tool.factcheck.stories]``, ``stories/`` folders, or one
    implicit story (``name`` None). Paths are relative to the current folder."""
    from factcheck.config import load_config
    from factcheck.stories import configured_stories

    root = None if project is None else Path(project)
    return configured_stories(load_config(root), root=root)


def load_corpus(paths: Paths) -> Corpus:
    """Every readable article under ``paths`` in memory; ``Corpus.skipped`` lists the rest,
    ``Corpus.notices`` the warnings (bad metadata, files of other kinds)."""
    return _load_corpus(_as_list(paths))


def run_check(
    rules: Rules,
    sources: Sources,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
    spill_after: int | None = SPILL_AFTER,
    progress: Callable[[int, int], None] | None = None,
) -> CheckRun:
    """Check sources against rules, keeping the verdicts for a renderer.

    Past ``spill_after`` documents (None: never) the evidence goes to a
    temporary file, so memory stays flat over an archive: use the returned run
    as a context manager (or call its ``close``) to remove it. ``progress`` is
    called with (sources done, sources in all) after each source."""
    return _check.run_check(
        _rule_set(rules),
        sources,
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        spill_after=spill_after,
        progress=progress,
    )


def check(
    rules: Rules,
    sources: Sources,
    jobs: int = 1,
    engine: str = "local",
    scheduler: str | None = None,
) -> CheckReport:
    """Check sources against rules; paths may be files or folders."""
    with run_check(rules, sources, jobs, engine, scheduler) as run:
        return run.report()


def lint(
    drafts: str | Path | Document | Iterable[str | Path | Document],
    rules: Rules,
    sources: Sources,
    severity: Mapping[str, str] | None = None,
    include_info: bool = False,
    published: date | None = None,
) -> LintReport:
    """Lint drafts against the sources and the rules' reference values. A folder
    stands for every draft inside it (.md, .markdown, .txt, .html, .htm, .docx).
    ``published`` dates every draft (over its front matter), to resolve "last Tuesday"."""
    from factcheck.lint.findings import lint as lint_drafts

    rule_set = _rule_set(rules)
    given = [drafts] if isinstance(drafts, str | Path | Document) else list(drafts)
    # A folder stands for the drafts inside it (.md, .txt, .html, .docx...).
    documents = [
        _draft(d, published)
        for item in given
        for d in ([item] if isinstance(item, Document) else draft_files([item]))
    ]
    binder = Binder(rule_set)  # one for the sources and the drafts
    with _check.run_check(rule_set, sources, binder=binder) as run:
        return lint_drafts(rule_set, run.verdicts, documents, severity, include_info, binder)


def lint_stories(
    drafts: Iterable[tuple[str | Path | Document, Sequence[Story]]],
    severity: Mapping[str, str] | None = None,
    include_info: bool = False,
    published: date | None = None,
) -> LintReport:
    """Lint each draft against each of its stories (see :mod:`factcheck.stories`):
    every story's sources are checked once, and its findings name claims
    ``story:claim``. ``published`` dates every draft, as for :func:`lint`."""
    from factcheck.lint.findings import StoryPass
    from factcheck.lint.findings import lint_stories as lint_passes

    planned = [(_draft(d, published), stories) for d, stories in drafts]
    needed = {s.name: s for _, stories in planned for s in stories}
    with ExitStack() as stack:
        passes: dict[str | None, StoryPass] = {}
        for name, story in needed.items():
            rules = load_rules(story.rules)
            binder = Binder(rules)
            run = stack.enter_context(_check.run_check(rules, story.sources, binder=binder))
            passes[name] = StoryPass(name, binder, {v.claim.id: v for v in run.verdicts})
        return lint_passes(
            [(doc, [passes[s.name] for s in stories]) for doc, stories in planned],
            severity,
            include_info,
        )


def _draft(draft: str | Path | Document, published: date | None) -> Document:
    document = draft if isinstance(draft, Document) else load_document(draft)
    return document if published is None else dataclasses.replace(document, published=published)


def explain(
    rules: Rules,
    sources: Sources | None = None,
    claims: Iterable[str] = (),
    source_ids: Iterable[str] = (),
    text: str | None = None,
    published: date | None = None,
) -> ExplainReport:
    """Why each value bound (and why the others lost): over ``sources``, narrowed to
    ``claims`` and ``source_ids``, or over one ``text`` the editor typed."""
    from factcheck.run import explain as explaining

    rule_set = _rule_set(rules)
    _known_claims(rule_set, claims)
    if text is not None:
        return explaining.explain_text(rule_set, text, published, claims)
    if sources is None:
        raise InputError("explain needs sources or a text", hint="pass --sources or --text")
    corpus = sources if isinstance(sources, Corpus) else load_corpus(sources)
    wanted = set(source_ids)
    documents = [d for d in corpus.documents if not wanted or d.id in wanted]
    unknown = wanted - {d.id for d in documents}
    if unknown:
        ids = [d.id for d in corpus.documents]
        raise InputError(f"no source {sorted(unknown)[0]!r}{_closest(sorted(unknown)[0], ids)}")
    return explaining.explain_documents(rule_set, documents, claims)


def _known_claims(rules: RuleSet, claims: Iterable[str]) -> None:
    ids = [c.id for c in rules.claims]
    for claim in claims:
        if claim not in ids:
            raise InputError(f"no claim {claim!r} in the rules{_closest(claim, ids)}")


def _closest(name: str, names: list[str]) -> str:
    from difflib import get_close_matches

    close = get_close_matches(name, names, n=1, cutoff=0.5)
    return f"; did you mean {close[0]!r}?" if close else ""


def _rule_set(rules: Rules) -> RuleSet:
    return rules if isinstance(rules, RuleSet) else load_rules(rules)


def _as_list(paths: Paths) -> list[str | Path]:
    return [paths] if isinstance(paths, str | Path) else list(paths)
