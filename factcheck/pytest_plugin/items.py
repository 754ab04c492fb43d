"""The pytest plugin's collectors, items and fixture API: a thin adapter over the engine.

Imported by :mod:`factcheck.pytest_plugin.plugin` only when a rule file is collected
or the ``factcheck`` fixture is used. What they compute once per run (rules,
binders, reports) lives in :mod:`factcheck.pytest_plugin.state`.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from factcheck import api
from factcheck.errors import FactcheckError, RuleFileError
from factcheck.pytest_plugin.render import (
    render_claim,
    render_example,
    render_rule_errors,
    where_relative,
)
from factcheck.pytest_plugin.state import (
    FactcheckWarning,
    PathArgs,
    SessionState,
    session_state,
)
from factcheck.results import CheckReport, ClaimOut
from factcheck.rules.ruleset import Claim, Example, RuleSet
from factcheck.run.selftest import ExampleResult, run_example
from factcheck.sources.corpus import Corpus

if TYPE_CHECKING:
    from factcheck.lint.model import LintReport

__all__ = ["FactcheckFixture", "FactcheckWarning", "RuleFile", "session_state"]


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
