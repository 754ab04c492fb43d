"""A cache of compiled rule files, so a warm `factcheck lint` skips validation.

Each rule file compiles on its own (its aliases are its own), so each is cached
on its own in :mod:`factcheck.store`: the key is a hash of factcheck's code, the
path as given (claims carry it in their locations) and the file's bytes. An
edited file, another version of factcheck or another path is a miss. Entries
are pickled compiled claims, read back without pydantic. Off unless the command
line turns it on (see :mod:`factcheck.store`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from factcheck import store
from factcheck.store import disabled_by_environment

__all__ = [
    "activate",
    "active_directory",
    "compiled",
    "deactivate",
    "default_directory",
    "disabled_by_environment",
    "key",
]

Compiled = TypeVar("Compiled")  # a compiled claim (kept generic: the loader imports us)

FORMAT = 2  # bump when the pickled shape changes without a version bump
_active: Path | None = None


def default_directory() -> Path:
    """The user's cache directory for factcheck's compiled rules."""
    return store.user_directory() / "rules"


def activate(directory: Path | None = None) -> None:
    """Cache compiled rule files in ``directory`` (default: the user's cache directory)."""
    global _active
    _active = directory if directory is not None else default_directory()


def deactivate() -> None:
    """Turn the rule cache off, and the store of checked sources with it."""
    global _active
    _active = None
    store.deactivate_sources()


def active_directory() -> Path | None:
    return _active


def compiled(
    path: str | Path, raw: bytes, compile_file: Callable[[], list[Compiled]]
) -> list[Compiled]:
    """The claims of the rule file at ``path`` with bytes ``raw``: from the cache when
    it holds them, else compiled (errors raise as usual, and are never cached)."""
    if _active is None:
        return compile_file()
    entry = _active / f"{key(path, raw)}.pickle"
    kept = store.read_entry(entry)
    if isinstance(kept, list):
        return kept
    claims = compile_file()
    store.write_entry(entry, claims)
    return claims


def key(path: str | Path, raw: bytes) -> str:
    """The key of a rule file at ``path`` with bytes ``raw``, under this code."""
    return store.digest(f"{FORMAT}\0{store.code_fingerprint()}\0{path}\0".encode(), raw)
