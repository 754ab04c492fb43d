"""Checked sources kept across runs, so a warm ``factcheck lint`` reads each source's
result instead of extracting and binding it again.

A lint checks the draft against every source of its story, each time: the
sources rarely change between two lints, the draft does. A source's result is a
pure function of the rules and the source task (its path, its manifest entry and
its file's bytes), so it is kept under a hash of those and of factcheck's code
(:func:`~factcheck.store.code_fingerprint`) in the user's cache directory.
Files read through a library (HTML, PDF, Word) add that library's version.

Off unless the command line turns it on (``factcheck lint`` does, with the
compiled-rules cache; ``--no-cache`` and ``FACTCHECK_NO_CACHE`` keep it off). Like
that cache it is best effort: a missing, corrupt or unwritable entry is a miss.
"""

from __future__ import annotations

import contextlib
import pickle
from collections.abc import Callable
from pathlib import Path

from factcheck import store
from factcheck.binding.evidence import DocumentResult
from factcheck.model import Notice, Skipped
from factcheck.sources.corpus import SourceTask

Outcome = DocumentResult | Skipped | Notice
FORMAT = 1  # bump when a result's pickled shape changes without a version bump
LIMIT = 20_000  # entries kept at most: past it, the least recently used go (see prune)
_written = 0  # entries this process wrote: only then may the cache have outgrown LIMIT

# Readers whose library's version is part of a key (their text may change with it).
_READERS = {".html": "trafilatura", ".htm": "trafilatura", ".pdf": "pypdf", ".docx": "python-docx"}


def checked(fingerprint: str | None, task: SourceTask, check: Callable[[], Outcome]) -> Outcome:
    """``check()``'s outcome for ``task``, from the cache when it holds it (rules
    with the given ``fingerprint``; None: rules not keyed, never cached)."""
    directory = store.sources_directory()
    if directory is None or fingerprint is None or task.problem or task.notice:
        return check()
    entry = _entry(directory, fingerprint, task)
    if entry is None:
        return check()
    kept = store.read_entry(entry)
    if isinstance(kept, DocumentResult):
        _touch(entry)
        return kept
    outcome = check()
    if isinstance(outcome, DocumentResult):
        global _written
        store.write_entry(entry, outcome)
        _written += 1
    return outcome


def prune(limit: int = LIMIT) -> int:
    """Remove the least recently used entries past ``limit``, if this process wrote
    any (a warm run never scans the folder); returns how many were removed."""
    global _written
    directory = store.sources_directory()
    if directory is None or not _written:
        return 0
    _written = 0
    entries = []
    for entry in directory.glob("*/*.pickle"):
        try:
            entries.append((entry.stat().st_mtime_ns, str(entry)))
        except OSError:
            continue
    entries.sort()
    removed = 0
    for _, path in entries[: max(len(entries) - limit, 0)]:
        Path(path).unlink(missing_ok=True)
        removed += 1
    return removed


def _touch(entry: Path) -> None:
    """Mark an entry used (pruning removes the least recently used first)."""
    with contextlib.suppress(OSError):
        entry.touch()


def _entry(directory: Path, fingerprint: str, task: SourceTask) -> Path | None:
    try:
        raw = Path(task.path).read_bytes()
    except OSError:
        return None  # the check reports why it cannot be read
    reader = _READERS.get(Path(task.path).suffix.lower())
    key = store.digest(
        f"{FORMAT}\0{store.code_fingerprint()}\0{fingerprint}\0".encode(),
        _library_version(reader).encode() if reader else b"",
        pickle.dumps(task, protocol=pickle.HIGHEST_PROTOCOL),
        b"\0",
        raw,
    )
    return directory / key[:2] / f"{key}.pickle"


def _library_version(distribution: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"{distribution} {version(distribution)}"
    except PackageNotFoundError:
        return distribution
