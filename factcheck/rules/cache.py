"""A cache of compiled rule files, so a warm `factcheck lint` skips validation.

Each rule file compiles on its own (its aliases are its own), so each is cached
on its own: the key is a hash of factcheck's version, the path as given (claims
carry it in their locations) and the file's bytes. An edited file, another
version of factcheck or another path is a miss; nothing is ever invalidated by
hand. Entries are pickled compiled claims, read back without pydantic.

The cache lives in the user's cache directory (``platformdirs``: ``~/.cache/
factcheck`` on Linux, ``$XDG_CACHE_HOME/factcheck`` when set), never in the
project. It is off unless the command line turns it on (the Python API and the
pytest plugin stay pure), and ``--no-cache`` or ``FACTCHECK_NO_CACHE=1`` keep it
off. It is best effort: an unreadable, corrupt or unwritable entry is a miss,
never an error. Writes are atomic (a temporary file renamed into place), so two
processes never see half an entry.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from factcheck import __version__

Compiled = TypeVar("Compiled")  # a compiled claim (kept generic: the loader imports us)

FORMAT = 1  # bump when the pickled shape changes without a version bump
_active: Path | None = None


def default_directory() -> Path:
    """The user's cache directory for factcheck's compiled rules."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factcheck", appauthor=False)) / "rules"


def disabled_by_environment() -> bool:
    return os.environ.get("FACTCHECK_NO_CACHE", "").strip().lower() not in ("", "0", "false", "no")


def activate(directory: Path | None = None) -> None:
    """Cache compiled rule files in ``directory`` (default: the user's cache directory)."""
    global _active
    _active = directory if directory is not None else default_directory()


def deactivate() -> None:
    global _active
    _active = None


def active_directory() -> Path | None:
    return _active


def compiled(
    path: str | Path, raw: bytes, compile_file: Callable[[], list[Compiled]]
) -> list[Compiled]:
    """The claims of the rule file at ``path`` with bytes ``raw``: from the cache when
    it holds them, else compiled (errors raise as usual, and are never cached)."""
    if _active is None:
        return compile_file()
    entry = _active / f"{_key(path, raw)}.pickle"
    claims = _read(entry)
    if claims is None:
        claims = compile_file()
        _write(entry, claims)
    return claims


def _key(path: str | Path, raw: bytes) -> str:
    digest = hashlib.sha256(f"{FORMAT}\0{__version__}\0{path}\0".encode())
    digest.update(raw)
    return digest.hexdigest()


def _read(entry: Path) -> list[Any] | None:
    try:
        with entry.open("rb") as stream:
            claims = pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None
    return claims if isinstance(claims, list) else None


def _write(entry: Path, claims: list[Any]) -> None:
    import tempfile  # only a miss writes: a warm run never needs it

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".pickle")
    except OSError:
        return  # a read-only or full disk: run uncached
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(claims, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
    except (OSError, pickle.PicklingError):
        Path(temporary).unlink(missing_ok=True)
