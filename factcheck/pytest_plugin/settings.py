"""The plugin's settings for one pytest run, read from options and ini keys.

Light on purpose (pytest and the standard library only): the entry point and
the collectors both read it, so neither imports the other for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from factcheck.dataclass import dataclass

RULE_SUFFIXES = (".yaml", ".yml")  # as factcheck.rules.ruleset, which imports pydantic
DEFAULT_RULES = "rules"
DEFAULT_SOURCES = "seeds"


@dataclass(frozen=True)
class StorySettings:
    """One story's paths, absolute; ``name`` is None for the implicit story."""

    name: str | None
    rules: tuple[Path, ...]
    sources: tuple[Path, ...]


@dataclass(frozen=True)
class Settings:
    """The plugin's configuration for one pytest run, paths absolute. ``stories``:
    the configured stories (``[tool.factcheck.stories]`` or ``stories/`` folders);
    empty for a project without stories, whose ``rules`` and ``sources`` are the
    one implicit story's (``rules`` is every story's rules otherwise)."""

    active: bool
    rules: tuple[Path, ...]
    sources: tuple[Path, ...]
    strict: bool
    stories: tuple[StorySettings, ...] = ()

    def each_story(self) -> tuple[StorySettings, ...]:
        return self.stories or (StorySettings(None, self.rules, self.sources),)


SETTINGS = pytest.StashKey[Settings]()


def read_settings(config: pytest.Config) -> Settings:
    here = config.invocation_params.dir
    cli_rules: list[str] = config.getoption("factcheck_rules")
    cli_sources: list[str] = config.getoption("factcheck_sources")
    ini_rules: list[Path] = config.getini("factcheck_rules")
    ini_sources: list[Path] = config.getini("factcheck_sources")
    active = bool(config.getoption("factcheck") or cli_rules or ini_rules)
    strict = bool(config.getoption("factcheck_strict") or config.getini("factcheck_strict"))
    stories = _stories(config) if active and not (cli_rules or ini_rules) else ()
    if stories:
        if cli_sources or ini_sources:  # as --sources on the command line: for every story
            chosen = _paths(cli_sources, ini_sources, here, config.rootpath / DEFAULT_SOURCES)
            stories = tuple(StorySettings(s.name, s.rules, chosen) for s in stories)
        rules = tuple(dict.fromkeys(p for s in stories for p in s.rules))
        return Settings(active, rules, stories[0].sources, strict, stories)
    return Settings(
        active=active,
        rules=_paths(cli_rules, ini_rules, here, config.rootpath / DEFAULT_RULES),
        sources=_paths(cli_sources, ini_sources, here, config.rootpath / DEFAULT_SOURCES),
        strict=strict,
    )


def _stories(config: pytest.Config) -> tuple[StorySettings, ...]:
    """The stories of ``[tool.factcheck]`` (or ``stories/`` folders) at the rootdir;
    none for a project without stories. Imported here only: the config needs pydantic."""
    from factcheck.config import load_config
    from factcheck.errors import FactcheckError
    from factcheck.stories import configured_stories

    try:
        found = configured_stories(load_config(config.rootpath), root=config.rootpath)
    except FactcheckError as exc:
        raise pytest.UsageError(f"factcheck: {exc}") from None
    return tuple(
        StorySettings(s.name, _absolute(s.rules), _absolute(s.sources)) for s in found if s.name
    )


def _absolute(paths: Sequence[str]) -> tuple[Path, ...]:
    return tuple(Path(p).resolve() for p in paths)


def _paths(cli: Sequence[str], ini: Sequence[Path], here: Path, default: Path) -> tuple[Path, ...]:
    chosen = [here / p for p in cli] if cli else list(ini) or [default]
    return tuple(p.resolve() for p in chosen)
