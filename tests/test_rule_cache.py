"""The cache of compiled rule files: keyed by content, version and path; best effort;
in the user's cache directory, never the project; off with --no-cache or the env."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck import store
from factcheck.errors import RuleFileError
from factcheck.rules import cache
from factcheck.rules.ruleset import Claim, load_rules
from tests.conftest import ROOT

RULES = """\
claims:
  - id: deal
    description: The deal.
    type: money
    cues: [deal]
"""


@pytest.fixture
def cached(tmp_path: Path) -> Iterator[Path]:
    directory = tmp_path / "cache"
    cache.activate(directory)
    try:
        yield directory
    finally:
        cache.deactivate()


def _rule_file(tmp_path: Path, text: str = RULES) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_second_load_reads_the_compiled_claims(tmp_path: Path, cached: Path) -> None:
    path = _rule_file(tmp_path)
    first = load_rules([path])
    assert len(list(cached.iterdir())) == 1
    compiled: list[int] = []

    def compile_file() -> list[Claim]:
        compiled.append(1)
        return []

    again = cache.compiled(str(path), path.read_bytes(), compile_file)
    assert again == list(first.claims) and compiled == []  # a hit never compiles


def test_an_edited_file_is_compiled_again(tmp_path: Path, cached: Path) -> None:
    path = _rule_file(tmp_path)
    load_rules([path])
    _rule_file(tmp_path, RULES.replace("cues: [deal]", "cues: [agreement]"))
    assert load_rules([path]).claims[0].cues == ("agreement",)
    assert len(list(cached.iterdir())) == 2


def test_errors_are_never_cached(tmp_path: Path, cached: Path) -> None:
    path = _rule_file(tmp_path, RULES.replace("type: money", "type: mony"))
    for _ in range(2):
        with pytest.raises(RuleFileError):
            load_rules([path])
    assert not cached.exists() or not list(cached.iterdir())


def test_a_corrupt_entry_is_a_miss(tmp_path: Path, cached: Path) -> None:
    path = _rule_file(tmp_path)
    load_rules([path])
    (entry,) = cached.iterdir()
    entry.write_bytes(b"not a pickle")
    assert load_rules([path]).claims[0].id == "deal"


def test_an_unwritable_cache_runs_uncached(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    cache.activate(blocker / "cache")  # a directory inside a file cannot exist
    try:
        assert load_rules([_rule_file(tmp_path)]).claims[0].id == "deal"
    finally:
        cache.deactivate()


def test_the_version_is_part_of_the_key(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = cache.key("rules.yaml", b"x")
    store.code_fingerprint.cache_clear()
    monkeypatch.setattr(store, "__version__", "0.0.0-other")
    try:
        assert cache.key("rules.yaml", b"x") != first
    finally:
        store.code_fingerprint.cache_clear()


def test_an_edited_module_changes_the_code_fingerprint(tmp_path: Path) -> None:
    """A checkout edited without a version bump must not read what older code cached."""
    package = tmp_path / "factcheck"
    (package / "extract").mkdir(parents=True)
    module = package / "extract" / "money.py"
    module.write_text("X = 1\n", encoding="utf-8")
    (package / "__init__.py").write_text("", encoding="utf-8")
    first = store.tree_fingerprint(package, "1.0")
    assert store.tree_fingerprint(package, "1.0") == first
    assert store.tree_fingerprint(package, "1.1") != first
    stamp = module.stat().st_mtime_ns
    os.utime(module, ns=(stamp, stamp + 1_000_000))  # saved again, same size
    assert store.tree_fingerprint(package, "1.0") != first


def test_the_api_stays_uncached() -> None:
    assert cache.active_directory() is None


def test_the_command_line_caches_in_the_user_s_cache_directory(tmp_path: Path) -> None:
    import subprocess
    import sys

    def run(*options: str, **env: str) -> Path:
        home = tmp_path / f"xdg{len(list(tmp_path.iterdir()))}"
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "factcheck",
                "check",
                "--rules",
                str(ROOT / "rules"),
                "--sources",
                str(ROOT / "seeds"),
                "-o",
                "-",
                *options,
            ],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env={"PATH": "", "PYTHONPATH": str(ROOT), "XDG_CACHE_HOME": str(home), **env},
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return home / "factcheck" / "rules"

    assert list(run().iterdir())  # on by default, under XDG_CACHE_HOME, not in the project
    assert not run("--no-cache").exists()
    assert not run(FACTCHECK_NO_CACHE="1").exists()
    assert list(run(FACTCHECK_NO_CACHE="0").iterdir())


@pytest.mark.skipif(sys.platform != "linux", reason="worked out by hand on Linux only")
@pytest.mark.parametrize("xdg", [None, "", "  ", "/tmp/elsewhere"])
def test_the_user_directory_is_platformdirs_own(
    xdg: str | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from platformdirs import user_cache_dir

    if xdg is None:
        monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_CACHE_HOME", xdg)
    expected = Path(user_cache_dir("factcheck", appauthor=False)) / "rules"
    assert cache.default_directory() == expected
