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

import re
from collections.abc import Callable
from re import _compiler, _parser  # type: ignore[attr-defined]
from typing import Any

from factcheck import pycache

_sre: Any = getattr(_compiler, "_sre", None)

Key = tuple[str, int]
# What the engine's constructor takes after the pattern: flags, code, group count,
# group names to numbers and numbers to names.
Entry = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]

# What an entry means besides the Python version: this table's format, this engine.
STAMP = (1, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None))
TABLE: pycache.Table[Key, Entry] = pycache.Table("regexes", STAMP)
_declared: dict[Key, None] = {}
_builders: list[Callable[[], object]] = []


# An entry refused by the engine (a damaged table) raises one of these.
_REFUSED = (TypeError, ValueError, RuntimeError, OverflowError, IndexError)


def compiled(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, from the table when it holds the pattern."""
    key = (pattern, int(flags))
    if not _USABLE:
        return re.compile(pattern, flags)
    TABLE.used.add(key)
    entry = TABLE.entries().get(key)
    if entry is not None:
        try:
            return from_entry(pattern, entry)
        except _REFUSED:  # a damaged table: distrust all of it
            TABLE.forget()
    entry = TABLE.new.get(key) or _entry(*key)
    TABLE.new[key] = entry
    return from_entry(pattern, entry)


def declare(pattern: str, flags: int = 0) -> None:
    """Name a pattern a module compiles only when first needed, for the build."""
    _declared[(pattern, int(flags))] = None


def declare_built(build: Callable[[], object]) -> None:
    """Name a function that compiles patterns made at run time from fixed data."""
    _builders.append(build)


def save_new_patterns() -> None:
    """Add this process's new patterns to the table, where Python writes bytecode."""
    if _USABLE:
        TABLE.save_new()


def declared() -> None:
    """Compile every declared pattern, and run the declared builders: after importing
    every module, the build then knows every pattern the code has."""
    for build_more in list(_builders):
        build_more()
    for key in list(_declared):
        compiled(*key)


def from_entry(pattern: str, entry: Entry) -> re.Pattern[str]:
    """The compiled pattern an entry describes (the engine checks the code it is given)."""
    made: re.Pattern[str] = _sre.compile(pattern, *entry)
    return made


def _entry(pattern: str, flags: int) -> Entry:
    """What ``re._compiler.compile`` hands the engine, as plain data."""
    parsed = _parser.parse(pattern, flags)
    state = parsed.state
    names: list[str | None] = [None] * state.groups
    for name, number in state.groupdict.items():
        names[number] = name
    code = [int(word) for word in _compiler._code(parsed, flags)]
    return (int(flags | state.flags), code, state.groups - 1, dict(state.groupdict), tuple(names))


def _usable() -> bool:
    """Whether this Python's engine takes what :func:`_entry` makes and builds the very
    pattern ``re.compile`` builds (checked once, on a small pattern with a named group);
    where it does not, every pattern goes to ``re.compile``."""
    sample = r"(?P<word>\w+)\s*(?:x|y)+$"
    try:
        return from_entry(sample, _entry(sample, re.I)) == re.compile(sample, re.I)
    except (*_REFUSED, AttributeError):
        return False


_USABLE = _usable()


def _table_of_the_package() -> pycache.Table[Key, Entry]:
    from factcheck import regexes  # this file runs as __main__: the registry is that module

    regexes.declared()
    return regexes.TABLE


if __name__ == "__main__":
    pycache.build_main(_table_of_the_package, "regular expressions")
