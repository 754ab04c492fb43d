"""The table of compiled regular expressions: every entry is what ``re.compile`` makes.

A pattern built from the table must be the very pattern ``re.compile`` builds:
``re.Pattern`` equality compares the pattern, the flags and the engine's code.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from factcheck import pycache, regexes
from factcheck.extract.lazy import lazy

NAME = pycache.file_name("regexes")


def _load(folder: Path) -> dict[regexes.Key, regexes.Entry]:
    return pycache.load("regexes", regexes.STAMP, str(folder))


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """The registry with no table read yet, nothing new, and its table in ``tmp_path``."""
    monkeypatch.setattr(pycache, "FOLDER", str(tmp_path))
    monkeypatch.setattr(regexes, "TABLE", pycache.Table("regexes", regexes.STAMP))
    yield tmp_path


@pytest.fixture(scope="module")
def collected() -> dict[regexes.Key, regexes.Entry]:
    pycache.import_every_module()
    regexes.declared()
    known = {**regexes.TABLE.entries(), **regexes.TABLE.new}
    return {key: known[key] for key in regexes.TABLE.used if key in known}


def test_every_entry_builds_the_pattern_re_compile_builds(
    collected: dict[regexes.Key, regexes.Entry],
) -> None:
    assert len(collected) > 100  # the extractors' patterns, not a handful
    for (pattern, flags), entry in collected.items():
        assert regexes.from_entry(pattern, entry) == re.compile(pattern, flags), pattern


def test_patterns_compiled_on_first_use_are_in_the_table(
    collected: dict[regexes.Key, regexes.Entry],
) -> None:
    """The build finds what lazy() and the date scanner compile only when a text needs it."""
    from factcheck.extract import qualifiers

    hedge = qualifiers._QUALIFIER_RE
    assert isinstance(hedge, lazy)
    assert (hedge.pattern, hedge.flags) in collected
    from factcheck.extract.dates import extractor

    scanner_rules = [rule.pattern for rule in extractor._SCANNER._rules]
    assert scanner_rules and all((rule, 0) in collected for rule in scanner_rules)


def test_a_pattern_from_the_table_matches_as_compiled(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pattern, flags = r"(?P<amount>\d+(?:\.\d+)?)\s*(?P<scale>billion|million)", re.I
    regexes.compiled(pattern, flags)
    pycache.write("regexes", regexes.STAMP, dict(regexes.TABLE.new), str(fresh))
    table = _load(fresh)
    assert set(table) == {(pattern, int(flags))}
    monkeypatch.setattr(regexes, "TABLE", pycache.Table("regexes", regexes.STAMP))  # reads it
    made = regexes.compiled(pattern, flags)
    assert not regexes.TABLE.new  # came from the table
    assert made == re.compile(pattern, flags)
    match = made.search("a $38 Billion deal")
    assert match is not None and match.group("amount", "scale") == ("38", "Billion")
    assert made.groupindex == {"amount": 1, "scale": 2}


def test_a_table_of_another_python_is_not_read(fresh: Path) -> None:
    pycache.write("regexes", regexes.STAMP, {("a+", 0): regexes._entry("a+", 0)}, str(fresh))
    path = fresh / NAME
    assert _load(fresh)
    import marshal

    stamp, table = marshal.loads(path.read_bytes())
    other = ("2.7.18 (elsewhere)", *stamp[1:])
    path.write_bytes(marshal.dumps((other, table)))
    assert _load(fresh) == {}


@pytest.mark.parametrize("content", [b"", b"not marshal data", b"\xe3" * 7])
def test_an_unreadable_table_leaves_patterns_to_re_compile(fresh: Path, content: bytes) -> None:
    (fresh / NAME).write_bytes(content)
    assert regexes.compiled(r"\bx+\b") == re.compile(r"\bx+\b")
    assert (r"\bx+\b", 0) in regexes.TABLE.new


@pytest.mark.parametrize("damage", ["bad code", "huge code", "huge group count"])
def test_an_entry_the_engine_refuses_is_compiled_as_usual(fresh: Path, damage: str) -> None:
    flags, code, groups, names, indexgroup = regexes._entry("ab", 0)
    broken = {
        "bad code": (flags, [999_999, *code], groups, names, indexgroup),
        "huge code": (flags, [2**70, *code], groups, names, indexgroup),
        "huge group count": (flags, code, 2**70, names, indexgroup),
    }[damage]
    pycache.write("regexes", regexes.STAMP, {("ab", 0): broken}, str(fresh))
    assert regexes.compiled("ab") == re.compile("ab")
    assert regexes.TABLE.entries() == {}  # a refused entry discredits the whole table


def test_new_patterns_are_kept_only_where_python_writes_bytecode(
    fresh: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regexes.compiled("new+pattern")
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    regexes.save_new_patterns()
    assert not (fresh / NAME).exists()
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    regexes.save_new_patterns()
    assert ("new+pattern", 0) in _load(fresh)
    assert not regexes.TABLE.new
    assert [p.name for p in fresh.iterdir()] == [NAME]  # no temporary left behind


def test_an_unwritable_folder_is_left_alone(fresh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pycache, "FOLDER", str(fresh / "a-file"))
    (fresh / "a-file").write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    regexes.compiled("x|y")
    regexes.save_new_patterns()  # no error
    assert len(regexes.TABLE.new) == 1


def test_the_build_writes_a_readable_table(tmp_path: Path) -> None:
    pycache.import_every_module()
    regexes.declared()
    size = regexes.TABLE.rebuild(str(tmp_path))
    table = _load(tmp_path)
    assert len(table) == size > 100
    assert oct(os.stat(tmp_path / NAME).st_mode & 0o777) == oct(0o644)


def test_the_engine_takes_what_the_table_holds_on_this_python() -> None:
    """Else every pattern would quietly go to re.compile, and the table be dead weight."""
    assert regexes._USABLE
