"""Writing output files atomically: a temporary file beside the target, then rename.

A reader never sees a half-written report, and an interrupted run leaves the
previous file intact and no temporary file behind. A target that cannot be
written (a missing folder, a directory, no permission) is a located
:class:`~factcheck.errors.FactcheckError`, reported by the command line.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

from factcheck.errors import FactcheckError
from factcheck.model import Location


def write_atomically(path: str | Path, content: str) -> None:
    with open_atomically(path) as handle:
        handle.write(content)


@contextmanager
def open_atomically(path: str | Path) -> Iterator[TextIO]:
    """A text stream to a temporary file beside ``path`` that replaces ``path``
    when the block ends, so a long report streams to disk instead of memory.
    If the block raises, the temporary file is removed and ``path`` is untouched."""
    target = Path(path)
    try:
        descriptor, temporary = tempfile.mkstemp(
            prefix=f".{target.name}.", dir=target.parent or "."
        )
    except OSError as exc:
        raise _cannot_write(target, exc) from None
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, _mode(target))
        os.replace(temporary, target)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _cannot_write(target, exc) from None
        raise


def _mode(target: Path) -> int:
    """The replaced file's permissions, or what a new file gets under the umask
    (mkstemp's temporary file is private, 0600)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _cannot_write(target: Path, exc: OSError) -> FactcheckError:
    reason = exc.strerror or str(exc)
    return FactcheckError(
        f"cannot write {target}: {reason}",
        Location(str(target)),
        hint="check that the folder exists and is writable, and that the path is not a folder",
    )
