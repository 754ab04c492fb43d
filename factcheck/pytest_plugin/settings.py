"""The plugin's settings for one pytest run, read from options and ini keys.

Light on purpose (pytest and the standard library only): the entry point and
the collectors both read it, so neither imports the other for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest

RULE_SUFFIXES = (".yaml", ".yml")  # as factcheck.rules.ruleset, which imports pydantic
DEFAULT_RULES = "rules"
DEFAULT_SOURCES = "seeds"


@dataclass(frozen=True)
class Settings:
    """The plugin's configuration for one pytest run, paths absolute."""

    active: bool
    rules: tuple[Path, ...]
    sources: tuple[Path, ...]
    strict: bool


SETTINGS = pytest.StashKey[Settings]()


def read_settings(config: pytest.Config) -> Settings:
    here = config.invocation_params.dir
    cli_rules: list[str] = config.getoption("factcheck_rules")
    cli_sources: list[str] = config.getoption("factcheck_sources")
    ini_rules: list[Path] = config.getini("factcheck_rules")
    ini_sources: list[Path] = config.getini("factcheck_sources")
    active = bool(config.getoption("factcheck") or cli_rules or ini_rules)
    return Settings(
        active=active,
        rules=_paths(cli_rules, ini_rules, here, config.rootpath / DEFAULT_RULES),
        sources=_paths(cli_sources, ini_sources, here, config.rootpath / DEFAULT_SOURCES),
        strict=bool(config.getoption("factcheck_strict") or config.getini("factcheck_strict")),
    )


def _paths(cli: Sequence[str], ini: Sequence[Path], here: Path, default: Path) -> tuple[Path, ...]:
    chosen = [here / p for p in cli] if cli else list(ini) or [default]
    return tuple(p.resolve() for p in chosen)
