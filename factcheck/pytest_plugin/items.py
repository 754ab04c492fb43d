"""The pytest plugin's collectors, items and fixture API: a thin adapter over the engine.

Imported by :mod:`factcheck.pytest_plugin.plugin` only when a rule file is collected
or the ``factcheck`` fixture is used. Rules are loaded once per run and the
sources checked once per (rules, sources) configuration; the cache lives on
the pytest config, so every item reads the same :class:`CheckReport`.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from factcheck import api
from factcheck.binding.binder import Binder
from factcheck.errors import FactcheckError, RuleFileError
from factcheck.model import Location
from factcheck.pytest_plugin.render import (
    render_claim,
    render_example,
    render_rule_errors,
    where_relative,
)
from factcheck.pytest_plugin.settings import SETTINGS, Settings, StorySettings, read_settings
from factcheck.results import CheckReport, ClaimOut
from factcheck.rules.ruleset import (
    Claim,
    Example,
    RuleSet,
    duplicate_ids,
    find_rule_files,
    load_rule_file,
)
from factcheck.run.selftest import ExampleResult, run_example
from factcheck.sources.corpus import Corpus

if TYPE_CHECKING:
    from factcheck.lint.model import LintReport

PathArgs = Iterable[str | Path]
ReportKey = tuple[tuple[Path, ...], tuple[Path, ...]]


class FactcheckWarning(UserWarning):
    """A source file factcheck skipped (binary, empty, unreadable)."""


class SessionState:
    """Rules, binders and check reports for one pytest run, each computed once
    (per story, when several are configured: claim ids are scoped per story)."""

    def __init__(self, settings: Settings, rootpath: Path):
        self.settings = settings
        self.rootpath = rootpath
        self._files: dict[tuple[str | None, Path], list[Claim] | RuleFileError] = {}
        self._rule_sets: dict[str | None, RuleSet] = {}
        self._binders: dict[str | None, Binder] = {}
        self._reports: dict[ReportKey, CheckReport | FactcheckError] = {}

    def story(self, name: str | None = None) -> StorySettings:
        """The named story; without a name, the only one (an error among several)."""
        stories = self.settings.each_story()
        if name is None and len(stories) > 1:
            names = ", ".join(str(s.name) for s in stories)
            raise ValueError(f"several factcheck stories ({names}): pass story=NAME")
        if name is None:
            return stories[0]
        for story in stories:
            if story.name == name:
                return story
        raise ValueError(f"no factcheck story {name!r}")

    def file_claims(self, path: Path, story: str | None = None) -> list[Claim]:
        """The claims of one rule file in ``story``; raises its errors, duplicates
        of another of the story's files included."""
        self.rule_set(story)
        loaded = self._load(path.resolve(), story)
        if isinstance(loaded, RuleFileError):
            raise loaded
        return loaded

    def _load(self, path: Path, story: str | None) -> list[Claim] | RuleFileError:
        key = (story, path)
        if key not in self._files:
            try:
                self._files[key] = load_rule_file(path)
            except RuleFileError as exc:
                self._files[key] = exc
        return self._files[key]

    def rule_set(self, story: str | None = None) -> RuleSet:
        """Every rule file of the story that loads; a file whose claim ids repeat an
        earlier file's is left out and gets the duplicate errors instead."""
        if story not in self._rule_sets:
            claims: list[Claim] = []
            seen: dict[str, Location] = {}
            files = [p.resolve() for p in find_rule_files(self.story(story).rules)]
            for path in files:
                loaded = self._load(path, story)
                if isinstance(loaded, RuleFileError):
                    continue
                first = dict(seen)  # a file with duplicates is left out whole
                duplicates = duplicate_ids(
                    ((c.id, c.location) for c in loaded),
                    first,
                    where=lambda at: where_relative(at, self.rootpath),
                )
                if duplicates:
                    self._files[(story, path)] = RuleFileError(duplicates)
                    continue
                seen = first
                claims.extend(loaded)
            self._rule_sets[story] = RuleSet(tuple(claims), tuple(str(p) for p in files))
        return self._rule_sets[story]

    def binder(self, story: str | None = None) -> Binder:
        if story not in self._binders:
            self._binders[story] = Binder(self.rule_set(story))
        return self._binders[story]

    def report(
        self,
        rules: PathArgs | None = None,
        sources: PathArgs | None = None,
        story: str | None = None,
    ) -> CheckReport:
        """The check of ``sources`` against ``rules`` (default: the story's), cached."""
        chosen = self.story(story) if rules is None or sources is None else None
        key = (
            _resolved(rules, chosen.rules if chosen else ()),
            _resolved(sources, chosen.sources if chosen else ()),
        )
        if key not in self._reports:
            configured = chosen is not None and key[0] == chosen.rules
            try:
                report = api.check(self.rule_set(story) if configured else key[0], key[1])
            except FactcheckError as exc:
                self._reports[key] = exc
            else:
                self._reports[key] = report
                for message in report.warnings:
                    warnings.warn(FactcheckWarning(message), stacklevel=2)
        cached = self._reports[key]
        if isinstance(cached, FactcheckError):
            raise cached
        return cached


def _resolved(paths: PathArgs | None, default: tuple[Path, ...]) -> tuple[Path, ...]:
    if paths is None:
        return default
    if isinstance(paths, str | Path):
        paths = [paths]
    return tuple(Path(p).resolve() for p in paths)


STATE = pytest.StashKey[SessionState]()


def session_state(config: pytest.Config) -> SessionState:
    if STATE not in config.stash:
        settings = config.stash.get(SETTINGS, None) or read_settings(config)
        config.stash[STATE] = SessionState(settings, config.rootpath)
    return config.stash[STATE]


class RuleFile(pytest.File):
    """One rule file: an item per claim, then one per example of that claim; with
    named stories, a :class:`StoryNode` per story the file belongs to."""

    def collect(self) -> Iterator[pytest.Item | pytest.Collector]:
        state = session_state(self.config)
        path = self.path.resolve()
        for story in state.settings.each_story():
            if not any(path == root or root in path.parents for root in story.rules):
                continue
            if story.name is None:
                yield from claim_items(self, None)
            else:
                yield StoryNode.from_parent(self, name=story.name, story=story.name)


class StoryNode(pytest.Collector):
    """A story's claims in one rule file: node ids ``file::story::claim``."""

    def __init__(self, *, story: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.story = story

    def collect(self) -> Iterator[pytest.Item]:
        return claim_items(self, self.story)


def claim_items(parent: pytest.Collector, story: str | None) -> Iterator[pytest.Item]:
    state = session_state(parent.config)
    try:
        claims = state.file_claims(parent.path, story)
    except RuleFileError as exc:
        raise parent.CollectError(render_rule_errors(exc.errors, parent.config.rootpath)) from None
    except FactcheckError as exc:
        raise parent.CollectError(f"factcheck: {exc}") from None
    for claim in claims:
        yield ClaimItem.from_parent(parent, name=claim.id, claim=claim, story=story)
        for index, example in enumerate(claim.examples, start=1):
            yield ExampleItem.from_parent(
                parent,
                name=f"{claim.id}[example-{index}]",
                claim=claim,
                index=index,
                example=example,
                story=story,
            )


class ClaimFailed(Exception):
    def __init__(self, claim: ClaimOut, reasons: list[str]):
        super().__init__("; ".join(reasons))
        self.claim = claim
        self.reasons = reasons


class ExampleFailed(Exception):
    def __init__(self, result: ExampleResult):
        super().__init__(result.explain())
        self.result = result


class _ClaimNode(pytest.Item):
    claim: Claim
    story: str | None

    def reportinfo(self) -> tuple[Path, int | None, str]:
        line = self.claim.location.line
        return self.path, None if line is None else line - 1, self.domain()

    def domain(self) -> str:
        return f"claim {self.claim_name}"

    @property
    def claim_name(self) -> str:
        return f"{self.story}:{self.claim.id}" if self.story else self.claim.id

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, FactcheckError):  # a sources folder that does not load
            return f"factcheck: {excinfo.value}"
        return super().repr_failure(excinfo, style=style)


class ClaimItem(_ClaimNode):
    """Fails when the sources conflict or differ from ``expect``; with strict, when
    one source alone states the claim. Skipped when every source is silent."""

    def __init__(self, *, claim: Claim, story: str | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        self.claim = claim
        self.story = story

    def runtest(self) -> None:
        state = session_state(self.config)
        out = state.report(story=self.story).claim(self.claim.id)
        if out.status == "silent":
            pytest.skip(f"silent: no source states {out.id} ({len(out.sources)} sources checked)")
        reasons = claim_problems(out, state.settings.strict)
        if reasons:
            raise ClaimFailed(out, reasons)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, ClaimFailed):
            where = where_relative(self.claim.location, self.config.rootpath)
            return render_claim(excinfo.value.claim, excinfo.value.reasons, where)
        return super().repr_failure(excinfo, style=style)


def claim_problems(out: ClaimOut, strict: bool) -> list[str]:
    reasons = []
    if out.status == "conflict":
        reasons.append("sources conflict")
    mismatched = [s.source for s in out.sources if s.expected == "mismatch"]
    if out.expected == "mismatch" and out.expect is not None:
        verb = "differs" if len(mismatched) == 1 else "differ"
        reasons.append(
            f"{len(mismatched)} source{'' if len(mismatched) == 1 else 's'} {verb} "
            f"from expect {out.expect.display}"
        )
    if strict and out.status == "single":
        reasons.append("only one source states it (--factcheck-strict)")
    return reasons


class ExampleItem(_ClaimNode):
    """Fails when the example's text does not yield its value (or yields one for null)."""

    def __init__(
        self,
        *,
        claim: Claim,
        index: int,
        example: Example,
        story: str | None = None,
        **kwargs: Any,
    ):
        super().__init__(**kwargs)
        self.claim = claim
        self.index = index
        self.example = example
        self.story = story

    def domain(self) -> str:
        return f"claim {self.claim_name} example {self.index}"

    def reportinfo(self) -> tuple[Path, int | None, str]:
        line = self.example.location.line
        return self.path, None if line is None else line - 1, self.domain()

    def runtest(self) -> None:
        state = session_state(self.config)
        binder, rules = state.binder(self.story), state.rule_set(self.story)
        result = run_example(binder, self.claim, self.index, self.example, rules)
        if not result.passed:
            raise ExampleFailed(result)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> Any:
        if isinstance(excinfo.value, ExampleFailed):
            where = where_relative(self.example.location, self.config.rootpath)
            return render_example(excinfo.value.result, where)
        return super().repr_failure(excinfo, style=style)


class FactcheckFixture:
    """The programmatic API for custom assertions, defaulting to the configured
    rules and sources. Results are pydantic models (:class:`CheckReport`...)."""

    def __init__(self, state: SessionState):
        self._state = state

    @property
    def rules_paths(self) -> tuple[Path, ...]:
        """The configured rules (of the only story: among several, see ``check(story=)``)."""
        return self._state.story().rules

    @property
    def sources_paths(self) -> tuple[Path, ...]:
        return self._state.story().sources

    def load_rules(self, paths: PathArgs | None = None) -> RuleSet:
        return api.load_rules(self.rules_paths if paths is None else _as_list(paths))

    def load_sources(self, paths: PathArgs | None = None) -> Corpus:
        return api.load_corpus(self.sources_paths if paths is None else _as_list(paths))

    def check(
        self,
        rules: RuleSet | PathArgs | None = None,
        sources: Corpus | PathArgs | None = None,
        story: str | None = None,
    ) -> CheckReport:
        """Check sources against rules; path arguments (and the defaults: the
        ``story``'s, among several) are checked once per session, a
        :class:`RuleSet` or :class:`Corpus` every call."""
        if isinstance(rules, RuleSet) or isinstance(sources, Corpus):
            return api.check(
                self.load_rules() if rules is None else rules,
                self.load_sources() if sources is None else sources,
            )
        return self._state.report(rules, sources, story)

    def lint(
        self,
        drafts: Any,
        rules: Any = None,
        sources: Any = None,
        story: str | None = None,
        **options: Any,
    ) -> LintReport:
        """Lint drafts against the rules and sources (default: the configured
        ones, the ``story``'s among several) with :func:`factcheck.api.lint`;
        ``options`` are passed on."""
        from factcheck.api import lint

        chosen = self._state.story(story) if rules is None or sources is None else None
        return lint(
            drafts,
            rules=list(chosen.rules) if chosen and rules is None else rules,
            sources=list(chosen.sources) if chosen and sources is None else sources,
            **options,
        )


def _as_list(paths: PathArgs) -> list[str | Path]:
    return [paths] if isinstance(paths, str | Path) else list(paths)
