"""Regular expressions compiled once per installation, as Python compiles modules.

``re.compile`` parses a pattern and generates the regex engine's code in pure
Python, about a microsecond per character. The extractors' two hundred patterns
so cost some 45 ms in every process: after dataclasses, the largest fixed cost of
a lint. What that work produces is plain data (a list of integers, the flags and
the group names), so it is kept in a table beside the package's bytecode (see
:mod:`factcheck.pycache` for the rules every such table follows). A pattern found
there goes straight to the engine's constructor, a few microseconds.

The table's stamp adds the engine's magic number and code size to the Python
version; an entry the engine refuses discredits the whole table, and every
pattern is then compiled as usual. Tests compare every entry with
``re.compile``'s own result.

Patterns that modules compile only when first needed are *declared* when the
module is imported (:func:`declare`, :func:`declare_built`), so the build finds
them. Build: ``python -m factcheck.regexes [-q]``.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

from factcheck import pycache

_sre: Any = getattr(_compiler, "_sre", None)

Key = tuple[str, int]
# What the engine's constructor takes after the pattern: flags, code, group count,
# group names to numbers and numbers to names.
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

TABLE = "regexes"
# What an entry means besides the Python version: this table's format, this engine.
STAMP = (1, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None))
# The engine is reached through the standard library's own compiler module; where a
# Python lacks the pieces this relies on, every pattern goes to re.compile.
_USABLE = all(
    callable(getattr(module, name, None))
    for module, name in ((_sre, "compile"), (_parser, "parse"), (_compiler, "_code"))
)

_table: dict[Key, Entry] | None = None
_new: dict[Key, Entry] = {}
_declared: dict[Key, None] = {}
_used: set[Key] = set()  # compiled in this process, from the table or not
_builders: list[Callable[[], object]] = []


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the table when it holds the pattern."""
    key = (pattern, int(flags))
    if not _USABLE:
        return re.compile(pattern, flags)
    _used.add(key)
    entry = _read_table().get(key)
    if entry is not None:
        try:
            return from_entry(pattern, entry)
        except (TypeError, ValueError, RuntimeError):  # refused: distrust the whole table
            _forget_table()
    entry = _entry(*key)
    _new[key] = entry
    return from_entry(pattern, entry)


def declare(pattern: str, flags: int = 0) -> None:
    """Name a pattern a module compiles only when first needed, for the build."""
    _declared[(pattern, int(flags))] = None


def declare_built(build: Callable[[], object]) -> None:
    """Name a function that compiles patterns made at run time from fixed data."""
    _builders.append(build)


def new_patterns() -> int:
    """How many patterns this process compiled that the table lacked."""
    return len(_new)


def save_new_patterns() -> None:
    """Add this process's new patterns to the table, where Python writes bytecode.

    Best effort, as bytecode is: a folder that cannot be written is left alone.
    """
    if not _new or not pycache.may_write() or not _USABLE:
        return
    try:
        pycache.write(TABLE, STAMP, {**_read_table(), **_new}, None)
    except OSError:
        return
    _new.clear()


def collect() -> dict[Key, Entry]:
    """Every pattern the imported modules compile or declare, with its entry: compiles
    the declared ones and runs the declared builders first."""
    for build_more in list(_builders):
        build_more()
    for key in list(_declared):
        compiled(*key)
    known = {**_read_table(), **_new}
    return {key: known[key] for key in sorted(_used) if key in known}


def build(folder: str | None = None) -> int:
    """Write the table anew from :func:`collect` (dropping the patterns the code no longer
    has) and return its size."""
    table = collect()
    pycache.write(TABLE, STAMP, table, folder)
    _new.clear()
    return len(table)


def from_entry(pattern: str, entry: Entry) -> re.Pattern[str]:
    """The compiled pattern an entry describes (the engine checks the code it is given)."""
    made: re.Pattern[str] = _sre.compile(pattern, *entry)
    return made


def _read_table() -> dict[Key, Entry]:
    global _table
    if _table is None:
        _table = pycache.load(TABLE, STAMP)
    return _table


def _forget_table() -> None:
    global _table
    _table = {}


def _entry(pattern: str, flags: int) -> Entry:
    """What ``re._compiler.compile`` hands the engine, as plain data."""
    parsed = _parser.parse(pattern, flags)
    state = parsed.state
    names: list[str | None] = [None] * state.groups
    for name, number in state.groupdict.items():
        names[number] = name
    code = [int(word) for word in _compiler._code(parsed, flags)]
    return (int(flags | state.flags), code, state.groups - 1, dict(state.groupdict), tuple(names))


def _build_installed() -> None:
    """``python -m factcheck.regexes [-q]``: import every module of the package, then build."""
    from factcheck import regexes  # this file runs as __main__: the registry is that module

    pycache.import_every_module()
    size = regexes.build()
    if "-q" not in sys.argv[1:]:
        where = os.path.join(pycache.FOLDER, pycache.file_name(TABLE))
        print(f"{size} regular expressions compiled into {where}")


if __name__ == "__main__":
    _build_installed()
