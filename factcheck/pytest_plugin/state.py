"""The pytest plugin's session state: rules, binders and reports, each computed once.

Rules are loaded once per run (per story, when several are configured) and
the sources checked once per (rules, sources) configuration; the cache lives
on the pytest config, so every item reads the same :class:`CheckReport`.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path

import pytest

from factcheck import api
from factcheck.binding.binder import Binder
from factcheck.errors import FactcheckError, RuleFileError
from factcheck.model import Location
from factcheck.pytest_plugin.render import where_relative
from factcheck.pytest_plugin.settings import SETTINGS, Settings, StorySettings, read_settings
from factcheck.results import CheckReport
from factcheck.rules.ruleset import (
    Claim,
    RuleSet,
    duplicate_ids,
    find_rule_files,
    load_rule_file,
)

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
