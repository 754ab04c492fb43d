"""A cache of compiled rule files, so a warm `factcheck lint` skips validation
(and the store that :mod:`factcheck.run.memo` keeps checked sources in).

Each rule file compiles on its own (its aliases are its own), so each is cached
on its own: the key is a hash of factcheck's code (its version, and each module's
size and modification time, so an edited checkout is a miss too), the path as
given (claims carry it in their locations) and the file's bytes. An edited file,
another version of factcheck or another path is a miss; nothing is ever
invalidated by hand. Entries are pickled compiled claims, read back without
pydantic.

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
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from factcheck import __version__

Compiled = TypeVar("Compiled")  # a compiled claim (kept generic: the loader imports us)

FORMAT = 2  # bump when the pickled shape changes without a version bump
_active: Path | None = None
_sources: Path | None = None


def default_directory() -> Path:
    """The user's cache directory for factcheck's compiled rules."""
    return _user_directory() / "rules"


def _user_directory() -> Path:
    """``platformdirs.user_cache_dir("factcheck")``; on Linux worked out here, as
    platformdirs does (XDG), to spare every warm run its import."""
    if sys.platform == "linux":
        base = os.environ.get("XDG_CACHE_HOME", "").strip()
        return Path(base or os.path.expanduser("~/.cache")) / "factcheck"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factcheck", appauthor=False))


def disabled_by_environment() -> bool:
    return os.environ.get("FACTCHECK_NO_CACHE", "").strip().lower() not in ("", "0", "false", "no")


def activate(directory: Path | None = None) -> None:
    """Cache compiled rule files in ``directory`` (default: the user's cache directory)."""
    global _active
    _active = directory if directory is not None else default_directory()


def deactivate() -> None:
    global _active, _sources
    _active = _sources = None


def active_directory() -> Path | None:
    return _active


def activate_sources(directory: Path | None = None) -> None:
    """Also keep checked sources (for ``factcheck lint``) in ``directory`` (default:
    ``sources`` beside the compiled rules in the user's cache directory)."""
    global _sources
    _sources = directory if directory is not None else _user_directory() / "sources"


def sources_directory() -> Path | None:
    return _sources


def compiled(
    path: str | Path, raw: bytes, compile_file: Callable[[], list[Compiled]]
) -> list[Compiled]:
    """The claims of the rule file at ``path`` with bytes ``raw``: from the cache when
    it holds them, else compiled (errors raise as usual, and are never cached)."""
    if _active is None:
        return compile_file()
    entry = _active / f"{key(path, raw)}.pickle"
    kept = read_entry(entry)
    if isinstance(kept, list):
        return kept
    claims = compile_file()
    write_entry(entry, claims)
    return claims


def key(path: str | Path, raw: bytes) -> str:
    """The key of a rule file at ``path`` with bytes ``raw``, under this code."""
    return digest(f"{FORMAT}\0{code_fingerprint()}\0{path}\0".encode(), raw)


def digest(*parts: bytes) -> str:
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(part)
    return hashed.hexdigest()


@cache
def code_fingerprint() -> str:
    """factcheck's version and its modules' sizes and modification times: a working
    checkout edited without a version bump must not read what older code wrote."""
    return tree_fingerprint(Path(__file__).resolve().parent.parent, __version__)


def tree_fingerprint(package: Path, version: str) -> str:
    """``version`` and the size and modification time of every module under ``package``."""
    stamps = [version]
    for folder, folders, files in os.walk(package):
        folders[:] = sorted(f for f in folders if f != "__pycache__")
        for name in sorted(f for f in files if f.endswith(".py")):
            path = os.path.join(folder, name)
            try:
                status = os.stat(path)
            except OSError:
                continue
            stamps.append(f"{os.path.relpath(path, package)}:{status.st_size}:{status.st_mtime_ns}")
    return digest("\n".join(stamps).encode())


def read_entry(entry: Path) -> Any:
    """What ``entry`` holds, or None when it is missing, unreadable or corrupt."""
    try:
        with entry.open("rb") as stream:
            return pickle.load(stream)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return None


def write_entry(entry: Path, value: Any) -> None:
    """Store ``value`` at ``entry`` atomically; a failure leaves no entry, quietly."""
    import tempfile  # only a miss writes: a warm run never needs it

    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".pickle")
    except OSError:
        return  # a read-only or full disk: run uncached
    try:
        with os.fdopen(handle, "wb") as stream:
            pickle.dump(value, stream, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, entry)
    except (OSError, pickle.PicklingError):
        Path(temporary).unlink(missing_ok=True)
