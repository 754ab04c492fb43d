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
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


def _folder() -> str:
    """Where Python keeps this package's bytecode: ``__pycache__`` beside it, or its
    mirror under ``sys.pycache_prefix`` (``PYTHONPYCACHEPREFIX``)."""
    if not sys.pycache_prefix:
        return os.path.join(os.path.dirname(__file__), "__pycache__")
    from importlib.util import cache_from_source

    return os.path.dirname(cache_from_source(__file__))


FOLDER = _folder()


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


class Table(Generic[K, V]):
    """One table as this process sees it: the entries read (on first use), those it
    compiled anew, and the keys it used (what a build keeps)."""

    def __init__(self, name: str, stamp: tuple[Any, ...]) -> None:
        self.name = name
        self.stamp = stamp
        self.new: dict[K, V] = {}
        self.used: set[K] = set()
        self._read: dict[K, V] | None = None

    def entries(self) -> dict[K, V]:
        if self._read is None:
            self._read = load(self.name, self.stamp)
        return self._read

    def forget(self) -> None:
        """Distrust what was read: every key is compiled anew from now on."""
        self._read = {}

    def save_new(self) -> None:
        """Add the new entries to the file, where Python writes bytecode; best effort, as
        bytecode is: a folder that cannot be written is left alone."""
        if not self.new or not may_write():
            return
        try:
            write(self.name, self.stamp, {**self.entries(), **self.new}, None)
        except OSError:
            return
        self.new.clear()

    def rebuild(self, folder: str | None = None) -> int:
        """Write the file anew with the entries of the keys used in this process (dropping
        those the code no longer has); return how many."""
        known = {**self.entries(), **self.new}
        kept = {key: known[key] for key in sorted(self.used) if key in known}  # type: ignore[type-var]
        write(self.name, self.stamp, kept, folder)
        self.new.clear()
        return len(kept)

    def path(self) -> str:
        return os.path.join(FOLDER, file_name(self.name))


def build_main(table: Callable[[], Table[Any, Any]], what: str) -> None:
    """``python -m factcheck.<module> [-q]``: import every module of the package (so every
    class is made and every pattern declared), then rebuild the table ``table()`` gives.

    The module runs as ``__main__``; ``table`` reaches the imported module's table,
    the one the package's modules wrote into."""
    import_every_module()
    chosen = table()
    size = chosen.rebuild()
    if "-q" not in sys.argv[1:]:
        print(f"{size} {what} compiled into {chosen.path()}")
