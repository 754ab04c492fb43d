"""factcheck's store in the user's cache directory: what a warm run reads back.

The command line keeps compiled rule files there (:mod:`factcheck.rules.cache`)
and, for ``factcheck lint``, each source's checked result
(:mod:`factcheck.run.memo`) and each parsed ``sources.yaml``
(:mod:`factcheck.sources.manifest`). Every key covers factcheck's code
(:func:`code_fingerprint`: its version, and each module's size and modification
time, so an edited checkout is a miss too) and the bytes it was made from:
nothing is ever invalidated by hand.

The store is the user's cache directory (``platformdirs``: ``~/.cache/factcheck``
on Linux, ``$XDG_CACHE_HOME/factcheck`` when set), never the project. It is off
unless the command line turns it on (the Python API and the pytest plugin stay
pure), and ``--no-cache`` or ``FACTCHECK_NO_CACHE=1`` keep it off. It is best
effort: an unreadable, corrupt or unwritable entry is a miss, never an error.
Writes are atomic (a temporary file renamed into place), so two processes never
see half an entry.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from functools import cache
from pathlib import Path
from typing import Any

from factcheck import __version__

_sources: Path | None = None


def user_directory() -> Path:
    """``platformdirs.user_cache_dir("factcheck")``; on Linux worked out here, as
    platformdirs does (XDG), to spare every warm run its import."""
    if sys.platform == "linux":
        base = os.environ.get("XDG_CACHE_HOME", "").strip()
        return Path(base or os.path.expanduser("~/.cache")) / "factcheck"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factcheck", appauthor=False))


def disabled_by_environment() -> bool:
    return os.environ.get("FACTCHECK_NO_CACHE", "").strip().lower() not in ("", "0", "false", "no")


def activate_sources(directory: Path | None = None) -> None:
    """Keep checked sources and parsed manifests (for ``factcheck lint``) in
    ``directory`` (default: ``sources`` in the user's cache directory)."""
    global _sources
    _sources = directory if directory is not None else user_directory() / "sources"


def deactivate_sources() -> None:
    global _sources
    _sources = None


def sources_directory() -> Path | None:
    return _sources


def digest(*parts: bytes) -> str:
    hashed = hashlib.sha256()
    for part in parts:
        hashed.update(part)
    return hashed.hexdigest()


@cache
def code_fingerprint() -> str:
    """factcheck's version and its modules' sizes and modification times: a working
    checkout edited without a version bump must not read what older code wrote."""
    return tree_fingerprint(Path(__file__).resolve().parent, __version__)


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
