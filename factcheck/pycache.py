"""Tables of what factcheck compiles from fixed text at run time, kept beside its bytecode.

Python keeps each module's compiled form in ``__pycache__``. Two more things are
compiled from text the package itself holds, in every process: regular
expressions (:mod:`factcheck.regexes`) and the methods ``@dataclass`` writes
(:mod:`factcheck.dataclass`). Each keeps its results in a table beside the
bytecode, ``factcheck/__pycache__/<name>.<cache tag>.marshal``, under the rules
bytecode follows:

* a table is read only by the Python that wrote it (each table adds what else its
  entries depend on to the stamp);
* an entry is keyed by the whole text it was compiled from, so an edited pattern
  or class simply misses and is compiled as usual; an unreadable table is empty;
* the Makefile writes the tables after ``compileall`` (``python -m
  factcheck.regexes`` and ``python -m factcheck.dataclass``), and the command
  line adds what a run compiled anew where Python writes bytecode (no
  ``PYTHONDONTWRITEBYTECODE``), atomically and on a best-effort basis.
"""

from __future__ import annotations

import marshal
import os
import sys
from typing import Any

FOLDER = os.path.join(os.path.dirname(__file__), "__pycache__")


def file_name(name: str) -> str:
    return f"{name}.{sys.implementation.cache_tag}.marshal"


def load(name: str, stamp: tuple[Any, ...], folder: str | None = None) -> dict[Any, Any]:
    """The table ``name``; empty if it is missing, unreadable or stamped otherwise."""
    path = os.path.join(folder or FOLDER, file_name(name))
    try:
        with open(path, "rb") as stream:  # marshal.load(stream) reads in small pieces
            found, table = marshal.loads(stream.read())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if found != (sys.version, *stamp) or not isinstance(table, dict):
        return {}
    return table


def write(name: str, stamp: tuple[Any, ...], table: dict[Any, Any], folder: str | None) -> None:
    """Write a table atomically: a reader sees the old table or the new, never half."""
    import tempfile

    folder = folder or FOLDER
    os.makedirs(folder, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            marshal.dump(((sys.version, *stamp), table), out)
        os.chmod(temporary, 0o644)  # mkstemp makes it private; bytecode is readable by all
        os.replace(temporary, os.path.join(folder, file_name(name)))
    except BaseException:
        os.unlink(temporary)
        raise


def import_every_module() -> None:
    """Import each module of the package (not ``__main__``, which runs the command line),
    skipping faces whose optional library is not installed: what a build compiles."""
    import importlib
    import pkgutil

    import factcheck

    for module in pkgutil.walk_packages(factcheck.__path__, "factcheck."):
        if module.name.endswith("__main__"):
            continue
        try:
            importlib.import_module(module.name)
        except ImportError:
            continue


def may_write() -> bool:
    """Whether a run may add to the tables: where Python itself writes bytecode."""
    return not sys.dont_write_bytecode
