"""pytest plugin: rule files become tests, claims and examples become test items.

Registered through the ``pytest11`` entry point, so installing factcheck is all
it takes. It stays inactive unless a project opts in, with ``--factcheck`` (or
``--factcheck-rules``) on the command line or a non-empty ``factcheck_rules``
ini key. When active it collects only the rule files (``*.yaml``, ``*.yml``)
under the configured rule paths: every claim is an item that fails when the
sources conflict (or differ from its ``expect``), every example an item that
fails when its text does not yield its value. With several stories configured
(``[tool.factcheck.stories]`` or ``stories/`` folders), a rule file's items sit
under its story: ``file::story::claim``, so ``-k city-budget`` selects a story.

This module is the entry point and stays light: it imports pytest and the
standard library only. Collectors, items and the fixture's API live in
:mod:`factcheck.pytest_plugin.items`, imported when a rule file is collected or the
``factcheck`` fixture is used.

Paths: ``--factcheck-rules``/``--factcheck-sources`` are relative to the
current directory, the ini keys to the ini file's directory, and the defaults
(``rules`` and ``seeds``, as for the command line) to the rootdir.
"""

from __future__ import annotations

from collections.abc import Generator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from factcheck.pytest_plugin.settings import (
    DEFAULT_RULES,
    DEFAULT_SOURCES,
    RULE_SUFFIXES,
    SETTINGS,
    Settings,
    read_settings,
)

if TYPE_CHECKING:
    from factcheck.pytest_plugin.items import FactcheckFixture


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("factcheck", "factcheck: check rule files and sources as tests")
    group.addoption(
        "--factcheck",
        action="store_true",
        default=False,
        help="collect factcheck rule files: claims and their examples become tests",
    )
    group.addoption(
        "--factcheck-strict",
        action="store_true",
        default=False,
        help="also fail claims that only one source states",
    )
    group.addoption(
        "--factcheck-rules",
        action="append",
        default=[],
        metavar="PATH",
        help="rule file or folder (repeatable; implies --factcheck; "
        f"default: ini factcheck_rules, else {DEFAULT_RULES}/)",
    )
    group.addoption(
        "--factcheck-sources",
        action="append",
        default=[],
        metavar="PATH",
        help="article file or folder (repeatable; "
        f"default: ini factcheck_sources, else {DEFAULT_SOURCES}/)",
    )
    parser.addini(
        "factcheck_rules",
        type="paths",
        default=[],
        help="factcheck rule files or folders; setting it turns the plugin on",
    )
    parser.addini(
        "factcheck_sources",
        type="paths",
        default=[],
        help=f"factcheck source articles (files or folders; default {DEFAULT_SOURCES})",
    )
    parser.addini(
        "factcheck_strict",
        type="bool",
        default=False,
        help="also fail claims that only one source states",
    )


def pytest_configure(config: pytest.Config) -> None:
    settings = read_settings(config)
    config.stash[SETTINGS] = settings
    if not settings.active:
        return
    for story in settings.each_story():
        missing = [p for p in (*story.rules, *story.sources) if not p.exists()]
        if missing and story.name:
            names = ", ".join(_shown(p, config) for p in missing)
            raise pytest.UsageError(
                f"factcheck: story {story.name!r}: no such file or directory: {names} "
                "(see [tool.factcheck.stories])"
            )
        if missing:
            names = ", ".join(_shown(p, config) for p in missing)
            raise pytest.UsageError(
                f"factcheck: no such file or directory: {names} "
                "(set factcheck_rules/factcheck_sources or --factcheck-rules/--factcheck-sources)"
            )
    _collect_rule_paths_too(config, settings.rules)
    config.pluginmanager.register(SkipLocation(), "factcheck-skip-location")


def _collect_rule_paths_too(config: pytest.Config, rules: Sequence[Path]) -> None:
    """Without path arguments pytest collects ``testpaths`` (or the rootdir); add
    the rule paths it would not visit. Explicit path arguments are left alone."""
    source = config.args_source
    at_root = config.invocation_params.dir == config.rootpath
    if not (
        source is pytest.Config.ArgsSource.TESTPATHS
        or (source is pytest.Config.ArgsSource.INVOCATION_DIR and at_root)
    ):
        return
    here = config.invocation_params.dir
    visited = [(here / arg.split("::")[0]).resolve() for arg in config.args]
    for path in rules:
        if not any(path == v or v in path.parents for v in visited):
            config.args.append(str(path))


class SkipLocation:
    """Reports a silent claim's skip at the claim in its rule file (as pytest does
    for skip marks), not at the line of the plugin that called ``pytest.skip``."""

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(
        self,
        item: pytest.Item,
        call: pytest.CallInfo[None],
    ) -> Generator[None, pytest.TestReport, pytest.TestReport]:
        report = yield
        if report.skipped and call.when == "call" and isinstance(report.longrepr, tuple):
            from factcheck.pytest_plugin.items import ClaimItem

            if isinstance(item, ClaimItem):
                path, line, _ = item.reportinfo()
                report.longrepr = (str(path), (line or 0) + 1, report.longrepr[2])
        return report


def is_rule_file(file_path: Path, settings: Settings) -> bool:
    if not settings.active or file_path.suffix not in RULE_SUFFIXES:
        return False
    path = file_path.resolve()
    return any(path == root or root in path.parents for root in settings.rules)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    settings = parent.config.stash.get(SETTINGS, None)
    if settings is None or not is_rule_file(file_path, settings):
        return None
    from factcheck.pytest_plugin.items import RuleFile

    rule_file: pytest.Collector = RuleFile.from_parent(parent, path=file_path)
    return rule_file


def pytest_report_header(config: pytest.Config) -> str | None:
    settings = config.stash.get(SETTINGS, None)
    if settings is None or not settings.active:
        return None
    strict = " (strict)" if settings.strict else ""
    if settings.stories:
        names = ", ".join(str(s.name) for s in settings.stories)
        return f"factcheck: stories: {names}{strict}"
    rules = ", ".join(_shown(p, config) for p in settings.rules)
    sources = ", ".join(_shown(p, config) for p in settings.sources)
    return f"factcheck: rules: {rules}; sources: {sources}{strict}"


def _shown(path: Path, config: pytest.Config) -> str:
    try:
        return str(path.relative_to(config.rootpath)) or "."
    except ValueError:
        return str(path)


@pytest.fixture(scope="session")
def factcheck(pytestconfig: pytest.Config) -> FactcheckFixture:
    """factcheck's API for custom assertions: ``load_rules``, ``load_sources``,
    ``check`` and ``lint``, defaulting to the configured rules and sources.
    ``check()`` returns the session's cached :class:`factcheck.results.CheckReport`."""
    from factcheck.pytest_plugin.items import FactcheckFixture, session_state

    return FactcheckFixture(session_state(pytestconfig))
